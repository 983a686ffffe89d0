/**
 * `caresim run FILE`: load, run every strategy, write the results file (or a shard file),
 * CSV and the report, print the summary table. Exit 0 ok, 1 when replications failed,
 * 2 for an invalid scenario or bad usage, 130 when interrupted (the journal keeps what
 * finished; `--resume` continues).
 */
import { existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import {
  journalHoldsWork,
  naming,
  OutputError,
  runScenarioDetailed,
  startWorkers,
  writeFileAtomic,
  type RunOutcome,
  type WarmWorkers,
} from '../../runner/index.js';
import { resolveShard, shardLabel, type Shard } from '../../runner/index.js';
import { writeShardFile } from '../../runner/index.js';
import { writeResultsFile } from '../../runner/index.js';
import type { CompiledScenario } from '../../engine/index.js';
import type { RunArgs } from '../parse.js';
import { EXIT, type Io } from '../io.js';
import { CliUsageError, failedReplicationsHint, keptWorkHint, printDiagnostics, reportError } from '../failure.js';
import { progressView } from '../progress.js';
import { formatSummary } from '../summary-table.js';
import { economicCase } from '../verdict-lines.js';
import { adjustVerdicts } from '../adjust.js';
import { writeCsv } from '../csv.js';
import { printRunWarnings } from '../run-warnings.js';
import { attachedInputs, baseInputs, checkDistinctPaths, checkJournalPath, checkOutputDir, checkOutputFile } from '../output-paths.js';
import type { Attachments } from '../../viz/index.js';

/** The report's attachments, read before the run: a wrong file found at the end would waste it. */
async function attachments(args: RunArgs, sc: CompiledScenario, io: Io): Promise<Attachments> {
  if (!args.optimise && !args.sensitivity) return {};
  if (!args.report)
    throw new CliUsageError(`${args.optimise ? '--optimise' : '--sensitivity'} adds a section to the report: give --report FILE too`);
  const { readAttachments } = await import('../../viz/index.js');
  const { attached, warnings } = readAttachments(args, sc);
  for (const w of warnings) io.err(`caresim: warning: ${w}\n`);
  return attached;
}

function journalPath(args: RunArgs, sc: CompiledScenario, shard: Shard | null): string {
  if (args.journal) return args.journal;
  if (args.out) return `${args.out}.journal.ndjson`;
  const stem = basename(sc.file, extname(sc.file));
  const part = shard ? `-shard-${shard.index}-of-${shard.count}` : '';
  return join('.caresim', `${stem}-${sc.hash.slice(0, 8)}${part}.journal.ndjson`);
}

async function writeOutputs(args: RunArgs, outcome: RunOutcome, io: Io, attached: Attachments): Promise<void> {
  const { results } = outcome;
  adjustVerdicts(results, args.adjust, io);
  if (args.out) {
    if (outcome.shard) writeShardFile(args.out, results, outcome.shard, outcome.replications);
    else writeResultsFile(args.out, results);
  }
  if (args.csv) writeCsv(args.csv, results, args.perRep ? outcome.replications : undefined, (t) => io.err(t));
  if (args.xlsx) {
    // Loaded only when asked for: the workbook writer is the largest module caresim has.
    const { writeXlsx } = await import('../xlsx.js');
    await writeXlsx(args.xlsx, results, args.perRep ? outcome.replications : undefined).catch((err: unknown) => {
      throw naming(err, args.xlsx!);
    });
  }
  if (args.report) {
    const { reportPage } = await import('../../viz/index.js');
    writeFileAtomic(args.report, await reportPage(results, attached), '--report', 'report.html');
  }
  if (!args.quiet) io.out(formatSummary(results, await economicCase(results)));
  printRunWarnings(results, io);
  const written = [args.out, args.csv && `${args.csv}/`, args.xlsx, args.report].filter(Boolean);
  if (written.length > 0 && !args.quiet) io.err(`wrote ${written.join(', ')}\n`);
}

export async function runCommand(args: RunArgs, io: Io): Promise<number> {
  let warm: WarmWorkers | undefined;
  // Set once the run may have a journal of its own: a failure then says the work is kept.
  let journalOf: string | null = null;
  try {
    const shard = resolveShard(args.shard, args.shards, io.env);
    if (shard && !args.out)
      throw new CliUsageError(`--shard ${shardLabel(shard)} needs --out FILE: the shard file is what caresim merge reads`);
    if (!existsSync(args.file)) throw new CliUsageError(`${args.file}: no such file`);
    // Before the run, not after it: a bad output path found at the end would waste the whole run.
    checkOutputFile(args.out, '--out', 'results.json');
    checkOutputFile(args.report, '--report', 'report.html');
    checkOutputFile(args.journal, '--journal', 'run.journal.ndjson');
    checkOutputDir(args.csv, '--csv');
    checkOutputFile(args.xlsx, '--xlsx', 'results.xlsx');
    checkDistinctPaths(
      [['the scenario', args.file], ...attachedInputs(args)],
      [
        ['--out', args.out],
        ['--report', args.report],
        ['--xlsx', args.xlsx],
      ],
      args.csv,
    );
    // The workers load their code while the scenario compiles.
    warm = startWorkers({ workers: args.workers, reps: args.reps, maxMemoryMb: args.maxMemory });
    const { loadScenario, selectStrategies } = await import('../../scenarios/index.js');
    let loaded = loadScenario(args.file, { set: args.set });
    if (args.only) {
      const { scenario, unknown } = selectStrategies(loaded, args.only);
      if (unknown.length > 0) throw new CliUsageError(`--only: ${unknown.join('; ')}`);
      loaded = scenario;
    }
    // A journal that is an existing file other than a journal is refused by the journal itself.
    checkDistinctPaths(baseInputs(loaded), [
      ['--out', args.out],
      ['--report', args.report],
      ['--xlsx', args.xlsx],
    ]);
    if (loaded.warnings.length > 0) await printDiagnostics(loaded.warnings, io, args.set);
    const sc: CompiledScenario = loaded;
    const attached = await attachments(args, sc, io);
    const journal = journalPath(args, sc, shard);
    // A finished run deletes its journal: one that is an output would take that output with it.
    checkJournalPath(
      journal,
      [
        ['--out', args.out],
        ['--report', args.report],
        ['--xlsx', args.xlsx],
      ],
      args.journal !== undefined,
      args.csv,
    );
    if (args.resume && args.fresh) throw new CliUsageError('--resume and --fresh contradict each other: give one');
    if (args.resume && !existsSync(journal)) io.err(`caresim: no journal at ${journal}; starting from the beginning\n`);
    const view = progressView(io, args.quiet);
    journalOf = journal;
    let outcome: RunOutcome;
    try {
      outcome = await runScenarioDetailed(sc, {
        reps: args.reps,
        maxReps: args.maxReps,
        seed: args.seed,
        workers: args.workers,
        shard,
        journal,
        resume: args.resume,
        fresh: args.fresh,
        onNotice: (m) => io.err(`caresim: ${m}\n`),
        signal: io.signal,
        maxMemoryMb: args.maxMemory,
        // A shard file and --per-rep CSV read the replications back from the journal one at a
        // time (outcome.replications): none is held for them.
        keepRaw: false,
        holdJournal: true,
        warm,
        onProgress: (p) => view.update(p),
      });
    } finally {
      view.stop();
    }
    let code: number = EXIT.failed;
    try {
      code = await finish(args, outcome, journal, io, attached);
      return code;
    } finally {
      // The journal stays locked until here: removed once the outputs are written, else kept.
      releaseJournal(outcome, code === EXIT.ok, journal, io);
    }
  } catch (err) {
    const code = await reportError(err, io, args.set);
    if (code === EXIT.failed && journalOf !== null && journalHoldsWork(journalOf)) io.err(keptWorkHint(journalOf));
    return code;
  } finally {
    warm?.close();
  }
}

/** Removes (or keeps) the journal; a journal that cannot be deleted after the outputs are written is a warning, not a failed run. */
function releaseJournal(outcome: RunOutcome, remove: boolean, journal: string, io: Io): void {
  try {
    outcome.release(remove);
  } catch (err) {
    if (!remove) throw err;
    const why = err instanceof Error ? err.message : String(err);
    io.err(`caresim: warning: the outputs are written, but the journal ${journal} could not be deleted (${why}); delete it by hand\n`);
  }
}

/** Writes the outputs and says how the run ended: EXIT.ok only when the journal has served its purpose. */
async function finish(args: RunArgs, outcome: RunOutcome, journal: string, io: Io, attached: Attachments): Promise<number> {
  if (outcome.interrupted) {
    io.err(
      `caresim: interrupted; ${outcome.finished} finished replication(s) kept in ${journal}. Continue with the same command and --resume.\n`,
    );
    return EXIT.interrupted;
  }
  await writeOutputs(args, outcome, io, attached).catch((err: unknown) => {
    // The paths were checked before the run; one refused now changed since (a folder made in its
    // place): a failure of the finished run, whose journal keeps its work (exit 1 and the hint),
    // not a usage error.
    if (err instanceof OutputError) throw new Error(err.message, { cause: err });
    throw err;
  });
  const failures = outcome.results.failures ?? [];
  if (failures.length > 0) {
    io.err(failedReplicationsHint(failures.length, 'the results use', journal));
    return EXIT.failed;
  }
  return EXIT.ok;
}
