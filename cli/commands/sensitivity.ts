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
import { kpiInfo, displayValue, shownSensitivityKpis, tooFewDraws, type KpiKind, type Stat } from '../../results/index.js';
import { differenceUnit, formatChange, formatPlain, inMillions, shortNumber, statDecimals, unitAfter } from '../../viz/index.js';

/** A change in a KPI as the report shows it: signed, on the shown scale, shares in percentage points. */
function change(s: Stat, kind: KpiKind): string {
  if (s.mean === null || !Number.isFinite(s.mean)) return '–';
  const d = statDecimals(s, kind);
  // Money keeps one scale for the change and its CI (all in millions or none), as on the cards.
  const millions = kind === 'money' ? inMillions(s) : undefined;
  const one = (v: number | null) => (v === null ? '–' : formatChange(v, kind, d, true, millions));
  const [lo, hi] = s.ci95;
  // Rounding noise on both sides (a KPI at its ceiling in every run) is no change, not "0.000".
  if ([s.mean, lo, hi].every((v) => v === null || Number(displayValue(v, kind).toFixed(d)) === 0)) return 'no change';
  return lo === null || hi === null ? one(s.mean) : `${one(s.mean)} (${one(lo)} to ${one(hi)})`;
}

/** A correlation, or a dash where none could be computed (null in the file, NaN in memory). */
const corr = (v: number | null) => (v !== null && Number.isFinite(v) ? formatPlain(v, 2) : '–');

/**
 * The terminal summary: per headline KPI, named and in the units the report uses, each input's
 * change at its low and high against every input at its centre, then the rank correlations.
 */
export function formatSensitivity(f: SensitivityFile): string {
  const lines: string[] = [
    `${f.inputs.length} input${f.inputs.length === 1 ? '' : 's'}, ${f.replications} replications per configuration (common random numbers).`,
  ];
  const inputOf = new Map(f.inputs.map((i) => [i.param, i]));
  const width = Math.max(...f.inputs.map((i) => i.param.length), 5) + 2;
  for (const kpi of shownSensitivityKpis(f)) {
    const rows = f.one_at_a_time[kpi],
      info = kpiInfo(kpi);
    lines.push('', `${info.label}: change in ${differenceUnit(kpi)} from every input at its centre (95% CI)`);
    for (const r of rows) {
      const i = inputOf.get(r.param);
      const at = (v: number | undefined) => (v === undefined ? '' : ` at ${shortNumber(v)}${unitAfter(i?.unit)}`);
      lines.push(
        `  ${r.param.padEnd(width)}low${at(i?.low)}: ${change(r.low, info.kind)}   high${at(i?.high)}: ${change(r.high, info.kind)}`,
      );
    }
    const g = f.global?.[kpi];
    if (g && tooFewDraws(g))
      lines.push(
        `  rank correlation with the draws: ${g.n} replications are too few for ${g.inputs.length} uncertain input${g.inputs.length === 1 ? '' : 's'} (--reps ${g.inputs.length + 2} or more)`,
      );
    else if (g)
      lines.push(
        `  rank correlation with the draws of ${g.n} replications (PRCC): ${g.inputs.map((x) => `${x.input} ${corr(x.prcc)}`).join(', ')}`,
      );
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
