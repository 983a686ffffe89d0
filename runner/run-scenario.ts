/**
 * The Monte Carlo run (ARCHITECTURE §5): every strategy runs the same replication indices
 * with the same seed (common random numbers), on long-lived worker threads, with a journal
 * for resuming, optional sharding and `replications: auto`. Results are gathered by index
 * and summarised in index order (ledger.ts), so the output does not depend on the worker
 * count, the shard split or interruptions.
 */
import { summariseFolds, withRunWarnings, type Results, type ScenarioWarning, ENGINE_VERSION } from '../results/index.js';
import type { CompiledScenarioWithWarnings } from '../scenarios/index.js';
import type { ReplicationResult } from '../engine/index.js';
import type { CompiledScenario, CompiledStrategy } from '../engine/index.js';
import { runTasks, type PoolOptions } from './pool.js';
import { Journal, JOURNAL_FORMAT } from './journal.js';
import { shardLabel } from './shard.js';
import { replicate, type AutoPlan } from './auto.js';
import { ReplicationLedger } from './ledger.js';
import { ProgressMeter } from './progress-meter.js';
import { defaultWorkerFile } from './worker-file.js';
import { settle, type RunOptions, type RunOutcome, type Settings } from './run-options.js';
import { startWorkers, type WarmWorkers } from './warm-workers.js';
import { checkRunOptions } from './option-check.js';

export type { RunOptions, RunOutcome, Progress } from './run-options.js';

type PoolSettings = Omit<PoolOptions, 'onResult' | 'onFailure'>;

async function load(src: string | CompiledScenario, set: string[] | undefined): Promise<CompiledScenario> {
  if (typeof src !== 'string') return src;
  // Loaded on demand: the scenario compiler (mathjs, yaml) is the heavy part of start-up.
  const { loadScenario } = await import('../scenarios/index.js');
  return loadScenario(src, { set });
}

/** The results of a run of `reps` from the folds; between `auto` rounds only the precision is read, so failures wait for the end. */
function summariseRun(sc: CompiledScenario, run: Settings, ledger: ReplicationLedger, reps: number, withFailures: boolean): Results {
  return withRunWarnings(
    summariseFolds(
      sc.strategies.map((s, i) => ({
        name: s.name,
        description: s.description,
        set: s.set,
        sweep: s.sweep,
        changes: s.changes,
        fold: ledger.folds[i],
      })),
      {
        scenario: { name: sc.name, hash: sc.hash, file: sc.file, assumptions: sc.assumptions },
        engineVersion: ENGINE_VERSION,
        seed: run.seed,
        replications: reps,
        horizonDays: sc.horizonDays,
        warmupDays: sc.warmupDays,
        startDate: sc.startDate,
        sweep: sc.sweep,
        labels: sc.labels,
        failures: withFailures ? ledger.sortedFailures() : undefined,
        auto: run.auto,
        precisionTarget: run.target,
      },
    ),
    scenarioWarnings(sc),
  );
}

/**
 * The warnings `check` gave for a scenario loaded from its file (a compiled scenario built in
 * code has none), as the results keep them.
 */
function scenarioWarnings(sc: CompiledScenario): ScenarioWarning[] {
  const diags = (sc as Partial<CompiledScenarioWithWarnings>).warnings ?? [];
  return diags.map((d) => ({
    code: d.code,
    key: d.path,
    line: d.line,
    col: d.col,
    message: d.message,
    ...(d.hint ? { hint: d.hint } : {}),
  }));
}

/** The journal of this run with what it holds already put in the ledger; none without a path. */
async function openJournal(
  sc: CompiledScenario,
  run: Settings,
  opts: RunOptions,
  ledger: ReplicationLedger,
  meter: ProgressMeter,
): Promise<Journal | null> {
  if (!opts.journal) return null;
  const { names, shard } = run;
  const header = {
    format: JOURNAL_FORMAT,
    scenario_hash: sc.hash,
    seed: run.seed,
    engine_version: ENGINE_VERSION,
    strategies: names,
    shard: shard ? shardLabel(shard) : null,
    // Absent for a run, so a run's journal reads as every earlier version wrote it.
    ...(opts.journalMadeBy ? { made_by: opts.journalMadeBy } : {}),
  };
  return Journal.open(opts.journal, header, {
    resume: opts.resume,
    fresh: opts.fresh,
    onNotice: opts.onNotice,
    onEntry: (e) => {
      const s = names.indexOf(e.strategy);
      if (s >= 0 && ledger.accept(s, e.result)) meter.resumed++;
    },
  });
}

/** What every round hands the pool: the models, and each replication's drawn one where parameters are uncertain. */
function poolSettings(sc: CompiledScenario, run: Settings, opts: RunOptions, warm: WarmWorkers | undefined): PoolSettings {
  const { seed, workers } = run;
  const modelFor = sc.strategies.some((s) => s.uncertain)
    ? (s: number, r: number) => (sc.strategies[s].uncertain ? sc.strategies[s].modelFor(seed, r) : undefined)
    : undefined;
  return {
    workers,
    workerFile: workers > 0 ? (opts.workerFile ?? defaultWorkerFile()) : '',
    seed,
    models: sc.strategies.map((s) => s.model),
    modelFor,
    maxMemoryMb: opts.maxMemoryMb,
    backgroundCompile: opts.backgroundCompile,
    signal: opts.signal,
    warm,
  };
}

/** A round: runs what a run of `reps` still lacks, journalling and counting each replication as it finishes. */
function roundOf(run: Settings, pool: PoolSettings, ledger: ReplicationLedger, meter: ProgressMeter, journal: Journal | null) {
  return (reps: number): Promise<boolean> => {
    ledger.extend(reps);
    meter.round(ledger.finishedCount(reps), ledger.total(reps));
    return runTasks(ledger.tasksFor(reps), {
      ...pool,
      onResult: (t, result) => {
        ledger.accept(t.strategy, result);
        journal?.append({ strategy: run.names[t.strategy], replication: t.replication, result });
        meter.ran();
      },
      onFailure: (t, error) => {
        ledger.fail(t.strategy, t.replication, error);
        meter.report();
      },
    });
  };
}

/** Runs a scenario file (or an already compiled scenario) and returns everything it produced. */
export async function runScenarioDetailed(src: string | CompiledScenario, opts: RunOptions = {}): Promise<RunOutcome> {
  checkRunOptions(src, opts);
  // A scenario file compiles while its workers start; an already compiled one starts them at once.
  // An already aborted run starts none: it ends at once, interrupted.
  const warm = opts.warm ?? (typeof src === 'string' && !opts.signal?.aborted ? startWorkers(opts) : undefined);
  let ended: { reps: number; interrupted: boolean };
  let sc: CompiledScenario, run: Settings, ledger: ReplicationLedger, meter: ProgressMeter, journal: Journal | null;
  const keepRaw = opts.keepRaw ?? true;
  try {
    sc = await load(src, opts.set);
    run = settle(sc, opts);
    ledger = new ReplicationLedger(run.names, run.shard, run.reps, keepRaw, !run.auto);
    meter = new ProgressMeter(() => ledger.failures.length, opts.onProgress);
    const pool = poolSettings(sc, run, opts, warm);
    const plan: AutoPlan | null = run.auto
      ? { max: run.max, target: run.target, precision: (n) => summariseRun(sc, run, ledger, n, false).precision! }
      : null;
    journal = await openJournal(sc, run, opts, ledger, meter);
    const round = roundOf(run, pool, ledger, meter, journal);
    try {
      ended = await replicate(run.reps, plan, round);
    } catch (err) {
      journal?.close();
      throw err;
    }
  } finally {
    warm?.close();
  }
  if (!opts.holdJournal) journal?.close();
  ledger.close();
  const results = summariseRun(sc, run, ledger, ended.reps, true);
  const draws = drawTable(sc.strategies[0], run.seed, ended.reps);
  if (draws) results.draws = { ...draws, kpis: ledger.baselineKpis(ended.reps) };
  results.run = {
    seconds: Math.round(meter.seconds * 1000) / 1000,
    workers: run.workers,
    ...(run.shard ? { shard: shardLabel(run.shard) } : {}),
    finished: new Date().toISOString(),
  };
  return {
    results,
    ...kept(run, ledger, journal, keepRaw, ended.reps),
    interrupted: ended.interrupted,
    resumed: meter.resumed,
    shard: run.shard,
    release: (remove) => (remove ? journal?.remove() : journal?.close()),
  };
}

/** The finished replications in index order: kept in memory, or read back from the journal. */
function kept(run: Settings, ledger: ReplicationLedger, journal: Journal | null, keepRaw: boolean, reps: number) {
  const raw: Record<string, ReplicationResult[]> = {};
  const replications: Record<string, Iterable<ReplicationResult>> = {};
  run.names.forEach((name, s) => {
    raw[name] = ledger.finished(s, reps);
    replications[name] = keepRaw || !journal ? raw[name] : journal.index.replications(name, (r) => ledger.inRun(r, reps));
  });
  return { raw, replications, finished: ledger.finishedCount(reps) };
}

/** Every replication's parameter draws (the same for all strategies that keep the param as written). */
function drawTable(s: CompiledStrategy | undefined, seed: number | string, n: number): Results['draws'] {
  if (!s?.drawsFor) return undefined;
  const rows = Array.from({ length: n }, (_, r) => s.drawsFor!(seed, r));
  const params = Object.keys(rows[0] ?? {});
  return { params, values: rows.map((row) => params.map((p) => row[p])) };
}

/**
 * A run stopped by its `signal` before every replication finished. `name` is `AbortError`, as
 * for other aborted operations; the finished replications are in the journal, if the run had one.
 */
export class RunInterruptedError extends Error {
  override readonly name = 'AbortError';
  readonly code = 'ABORT_ERR';
  constructor(
    readonly finished: number,
    readonly journal: string | undefined,
  ) {
    super(
      `the run was interrupted after ${finished} finished replication(s); ` +
        (journal
          ? `they are kept in the journal ${journal}: run again with resume: true to finish it`
          : 'without a journal they are not kept (runScenarioDetailed returns them, with interrupted: true)'),
    );
  }
}

/**
 * Library API: runs a scenario and returns the results file's content (ARCHITECTURE §6). A run
 * stopped by its signal rejects with RunInterruptedError: its results would be those of fewer
 * replications than they say.
 */
export async function runScenario(src: string | CompiledScenario, opts: RunOptions = {}): Promise<Results> {
  const outcome = await runScenarioDetailed(src, { keepRaw: false, ...opts });
  if (outcome.interrupted) throw new RunInterruptedError(outcome.finished, opts.journal);
  return outcome.results;
}
