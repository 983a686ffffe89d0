/**
 * `caresim sensitivity FILE`: one-at-a-time low/high runs of every uncertain param (and the
 * params given with --vary) on common random numbers, PRCC from the draws, the sensitivity file
 * and a summary: per headline KPI, the inputs by swing with their paired differences.
 */
import { existsSync } from 'node:fs';
import type { SensitivityArgs } from '../parse.js';
import { EXIT, type Io } from '../io.js';
import { CliUsageError, printDiagnostics, reportError } from '../failure.js';
import { progressView } from '../progress.js';
import { baseInputs, checkDistinctPaths, checkFileOutputs } from '../output-paths.js';
import { writeFileAtomic } from '../../runner/index.js';
import type { SensitivityFile } from '../../sensitivity/index.js';

const num = (v: number | null) =>
  v === null ? '–' : Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-GB') : Number(v.toPrecision(3)).toString();

export function formatSensitivity(f: SensitivityFile): string {
  const lines: string[] = [`${f.inputs.length} inputs, ${f.replications} replications per configuration (common random numbers).`];
  for (const [kpi, rows] of Object.entries(f.one_at_a_time)) {
    lines.push('', `${kpi}: change from every input at its centre (95% CI)`);
    for (const r of rows) {
      lines.push(
        `  ${r.param.padEnd(24)} low ${num(r.low.mean)} (${num(r.low.ci95[0])} to ${num(r.low.ci95[1])})   high ${num(r.high.mean)} (${num(r.high.ci95[0])} to ${num(r.high.ci95[1])})`,
      );
    }
    const g = f.global?.[kpi];
    if (g) lines.push(`  PRCC from the draws: ${g.inputs.map((i) => `${i.input} ${i.prcc.toFixed(2)}`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}

export async function sensitivityCommand(args: SensitivityArgs, io: Io): Promise<number> {
  try {
    if (!existsSync(args.file)) throw new CliUsageError(`${args.file}: no such file`);
    const outputs: [string, string | undefined, string][] = [
      ['--out', args.out, 'sens.json'],
      ['--report', args.report, 'sens.html'],
    ];
    checkFileOutputs([['the scenario', args.file]], outputs);
    const { loadScenario } = await import('../../scenarios/index.js');
    const loaded = loadScenario(args.file, { set: args.set });
    checkDistinctPaths(baseInputs(loaded), outputs);
    if (loaded.warnings.length > 0) await printDiagnostics(loaded.warnings, io, args.set);
    const { runSensitivity } = await import('../../sensitivity/index.js');
    const view = progressView(io, args.quiet);
    let f: SensitivityFile;
    try {
      f = await runSensitivity(loaded, {
        reps: args.reps,
        seed: args.seed,
        workers: args.workers,
        vary: args.vary,
        signal: io.signal,
        onProgress: (p) => view.update(p),
      });
    } catch (err) {
      if ((err as Error).message === 'interrupted') {
        io.err('caresim: interrupted\n');
        return EXIT.interrupted;
      }
      throw err;
    } finally {
      view.stop();
    }
    if (args.out) writeFileAtomic(args.out, `${JSON.stringify(f, null, 1)}\n`, '--out', 'sens.json');
    if (args.report) {
      const { sensitivityHtml } = await import('../../viz/index.js');
      writeFileAtomic(args.report, sensitivityHtml(f, loaded.name), '--report', 'sens.html');
    }
    if (!args.quiet) io.out(formatSensitivity(f));
    const written = [args.out, args.report].filter(Boolean);
    if (written.length > 0 && !args.quiet) io.err(`wrote ${written.join(', ')}\n`);
    return EXIT.ok;
  } catch (err) {
    return reportError(err, io, args.set);
  }
}
