/**
 * `caresim sensitivity FILE`: one-at-a-time low/high runs of every uncertain param (and the
 * params given with --vary) on common random numbers, PRCC from the draws, the sensitivity file
 * and a summary: per headline KPI, the inputs by swing with their paired differences.
 */
import { existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { SensitivityArgs } from '../parse.js';
import { EXIT, type Io } from '../io.js';
import { CliUsageError, failedReplicationsHint, keptWorkHint, printDiagnostics, reportError } from '../failure.js';
import { progressView } from '../progress.js';
import { baseInputs, checkDistinctPaths, checkFileOutputs, checkJournalPath } from '../output-paths.js';
import { journalHoldsWork, OutputError, writeFileAtomic } from '../../runner/index.js';
import type { SensitivityFile, SensitivityOutcome } from '../../sensitivity/index.js';
import { kpiInfo, displayValue, shownSensitivityKpis, tooFewDraws, type KpiKind, type Stat } from '../../results/index.js';
import {
  differenceUnit,
  failedReplications,
  formatChange,
  formatPlain,
  inMillions,
  shortNumber,
  statDecimals,
  unitAfter,
} from '../../viz/index.js';

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
  const failed = failedReplications(f);
  if (failed) lines.push(failed);
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
  // Set once the analysis may have a journal of its own: a failure then says the work is kept.
  let journalOf: string | null = null;
  try {
    if (!existsSync(args.file)) throw new CliUsageError(`${args.file}: no such file`);
    const outputs: [string, string | undefined, string][] = [
      ['--out', args.out, 'sens.json'],
      ['--report', args.report, 'sens.html'],
    ];
    checkFileOutputs([['the scenario', args.file]], [...outputs, ['--journal', args.journal, 'sens.journal.ndjson']]);
    if (args.resume && args.fresh) throw new CliUsageError('--resume and --fresh contradict each other: give one');
    const { loadScenario, sha256Hex } = await import('../../scenarios/index.js');
    const loaded = loadScenario(args.file, { set: args.set });
    checkDistinctPaths(baseInputs(loaded), outputs);
    if (loaded.warnings.length > 0) await printDiagnostics(loaded.warnings, io, args.set);
    // Without --out, named for everything that picks the configurations: analyses of one
    // scenario with other --vary or seed do not meet in one journal.
    const configurations = sha256Hex(JSON.stringify([loaded.hash, args.vary, args.seed ?? loaded.seed])).slice(0, 8);
    const journal =
      args.journal ??
      (args.out
        ? `${args.out}.journal.ndjson`
        : join('.caresim', `${basename(args.file, extname(args.file))}-${configurations}.sensitivity.ndjson`));
    checkJournalPath(journal, outputs, args.journal !== undefined);
    if (args.resume && !existsSync(journal)) io.err(`caresim: no journal at ${journal}; starting from the beginning\n`);
    const { runSensitivityDetailed } = await import('../../sensitivity/index.js');
    const view = progressView(io, args.quiet);
    journalOf = journal;
    let outcome: SensitivityOutcome;
    try {
      outcome = await runSensitivityDetailed(loaded, {
        reps: args.reps,
        seed: args.seed,
        workers: args.workers,
        vary: args.vary,
        signal: io.signal,
        journal,
        resume: args.resume,
        fresh: args.fresh,
        onNotice: (m) => io.err(`caresim: ${m}\n`),
        onProgress: (p) => view.update(p),
      });
    } catch (err) {
      if ((err as Error).message === 'interrupted') {
        // Stopped while starting, nothing finished: the next start begins again by itself.
        io.err(
          journalHoldsWork(journal)
            ? `caresim: interrupted; the finished replications are kept in ${journal}. Continue with the same command and --resume.\n`
            : 'caresim: interrupted before any replication finished; nothing to keep\n',
        );
        return EXIT.interrupted;
      }
      throw err;
    } finally {
      view.stop();
    }
    const failures = outcome.file.failures ?? [];
    let written = false;
    try {
      await writeOutputs(args, outcome.file, loaded.name).catch((err: unknown) => {
        // Checked before the analysis, refused now (the folder changed since): a failure of the
        // finished analysis, whose journal keeps its work (exit 1 and the hint), not a usage error.
        if (err instanceof OutputError) throw new Error(err.message, { cause: err });
        throw err;
      });
      written = true;
    } finally {
      // Removed once the outputs are written; kept when a write failed (said so below), and when
      // replications failed, for --resume to run only those again.
      outcome.release(written && failures.length === 0);
    }
    if (!args.quiet) io.out(formatSensitivity(outcome.file));
    const names = [args.out, args.report].filter(Boolean);
    if (names.length > 0 && !args.quiet) io.err(`wrote ${names.join(', ')}\n`);
    if (failures.length > 0) {
      // Printed even with --quiet, as the run command does: the exit status alone does not say why.
      if (args.quiet) io.err(`${failedReplications(outcome.file)}\n`);
      io.err(failedReplicationsHint(failures.length, 'the analysis uses', journal));
      return EXIT.failed;
    }
    return EXIT.ok;
  } catch (err) {
    const code = await reportError(err, io, args.set);
    if (code === EXIT.failed && journalOf !== null && journalHoldsWork(journalOf)) io.err(keptWorkHint(journalOf));
    return code;
  }
}

async function writeOutputs(args: SensitivityArgs, f: SensitivityFile, name: string): Promise<void> {
  if (args.out) writeFileAtomic(args.out, `${JSON.stringify(f, null, 1)}\n`, '--out', 'sens.json');
  if (args.report) {
    const { sensitivityHtml } = await import('../../viz/index.js');
    writeFileAtomic(args.report, sensitivityHtml(f, name), '--report', 'sens.html');
  }
}
