/**
 * The Monte Carlo run (ARCHITECTURE §5): every strategy runs the same replication indices
 * with the same seed (common random numbers), on long-lived worker threads, with a journal
 * for resuming, optional sharding and `replications: auto`. Results are gathered by index
 * and summarised in index order, so the output does not depend on the worker count, the
 * shard split or interruptions.
 */
import { performance } from 'node:perf_hooks';
import { availableParallelism } from 'node:os';
import { summariseFolds, StrategyFold } from '../engine/summarise.js';
import { InOrder } from '../engine/in-order.js';
import { withRunWarnings } from '../engine/run-warnings.js';
import type { Model } from '../engine/model.js';
import type { ReplicationResult } from '../engine/result.js';
import type { Results } from '../engine/results.js';
import { runTasks, type Task } from './pool.js';
import { Journal, JOURNAL_FORMAT } from './journal.js';
import { shardIndices, shardLabel, ShardError, type Shard } from './shard.js';
import { AUTO_MIN, nextTarget } from './auto.js';
import { defaultWorkerFile } from './worker-file.js';
import { ENGINE_VERSION } from './version.js';
import type { RunnableScenario, RunnableStrategy } from './loaded.js';

export interface Progress {
  done: number;
  total: number;
  failed: number;
  /** Replications taken from the journal rather than run now. */
  resumed: number;
  seconds: number;
  /** Replications per second run now (not resumed). */
  rate: number;
  /** Seconds left at the current rate; null until known. */
  eta: number | null;
}

export interface RunOptions {
  /** Overrides the scenario's `replications`. */
  reps?: number | 'auto';
  /** Cap for `auto` (default: the scenario's). */
  maxReps?: number;
  seed?: number | string;
  /** Worker threads (default: the machine's parallelism); 0 runs in this thread. */
  workers?: number;
  /** `--set path=expr` overrides, when given a file. */
  set?: string[];
  shard?: Shard | null;
  /** Journal file; none when unset. */
  journal?: string;
  /** Continue from the journal when there is one (none: start; ARCHITECTURE §5). */
  resume?: boolean;
  /** Discard an existing journal; without this or `resume` an existing journal is refused. */
  fresh?: boolean;
  /** Notices for the user (a stale journal lock taken over). */
  onNotice?: (message: string) => void;
  signal?: AbortSignal;
  onProgress?: (p: Progress) => void;
  workerFile?: string;
  /** Memory budget per worker, MiB: V8's heap and, apart, the patient columns (`--max-memory`). */
  maxMemoryMb?: number;
  /** Let V8 compile the workers' code on helper threads (default false: runner/jit.ts says why). */
  backgroundCompile?: boolean;
  /** Relative CI half-width that `auto` aims for (default 5%). */
  precisionTarget?: number;
  /**
   * Keep every finished replication for `raw` (default true; `runScenario` passes false). The
   * summary never needs them: without, memory does not grow with the replication count
   * beyond a few hundred numbers a replication. With a journal, `replications` reads them
   * back from it instead, so the outputs that list them need not keep them.
   */
  keepRaw?: boolean;
}

export interface RunOutcome {
  /** Includes the `run` section (timing); `failures` when some replications failed. */
  results: Results;
  /** Per strategy, the finished replications in index order (for shard files and CSV); empty lists unless `keepRaw`. */
  raw: Record<string, ReplicationResult[]>;
  /**
   * Per strategy, the finished replications in index order, for writing out one at a time:
   * `raw` when kept, else read back line by line from the journal (which must then still
   * exist when they are iterated); empty without either.
   */
  replications: Record<string, Iterable<ReplicationResult>>;
  /** Finished replications over all strategies (resumed ones included). */
  finished: number;
  interrupted: boolean;
  resumed: number;
  shard: Shard | null;
}

/**
 * A strategy has uncertain parameters when its per-replication model is not `model` itself
 * (the compiler returns the very same object when nothing is uncertain).
 */
function isUncertain(s: RunnableStrategy, seed: number | string): boolean {
  return s.modelFor(seed, 0) !== s.model;
}

async function load(src: string | RunnableScenario, set: string[] | undefined): Promise<RunnableScenario> {
  if (typeof src !== 'string') return src;
  // Loaded on demand: the scenario compiler (mathjs, yaml) is the heavy part of start-up.
  const { loadScenario } = await import('../scenarios/index.js');
  return loadScenario(src, { set });
}

/** Runs a scenario file (or an already loaded scenario) and returns everything it produced. */
export async function runScenarioDetailed(src: string | RunnableScenario, opts: RunOptions = {}): Promise<RunOutcome> {
  const sc = await load(src, opts.set);
  const t0 = performance.now();
  const seed = opts.seed ?? sc.seed;
  const requested = opts.reps ?? sc.replications;
  const auto = requested === 'auto';
  const shard = opts.shard ?? null;
  if (auto && shard) throw new ShardError('replications: auto cannot be split into shards (each shard would stop at a different count); give --reps N');
  const max = Math.max(AUTO_MIN, opts.maxReps ?? sc.maxReplications ?? 1000);
  const target = opts.precisionTarget ?? 0.05;
  const workers = opts.workers ?? availableParallelism();
  const names = sc.strategies.map((s) => s.name);
  const keepRaw = opts.keepRaw ?? true;
  // What has finished (indices only) and, with keepRaw, the replications themselves.
  const doneIdx: Set<number>[] = names.map(() => new Set());
  const kept: Map<number, ReplicationResult>[] = names.map(() => new Map());
  // Each replication is folded into its strategy's summary in index order as it arrives,
  // then dropped (unless kept): the summary holds only what the results file needs.
  let n = auto ? AUTO_MIN : requested;
  const folds = names.map(() => new StrategyFold());
  const feeds = folds.map((fold) => new InOrder<ReplicationResult>(shard ? shard.index : 0, shard ? shard.count : 1, n, (_, r) => fold.add(r)));
  const accept = (s: number, r: ReplicationResult) => {
    if (doneIdx[s].has(r.replication)) return false;
    doneIdx[s].add(r.replication);
    if (keepRaw) kept[s].set(r.replication, r);
    feeds[s].add(r.replication, r);
    return true;
  };
  const failures: NonNullable<Results['failures']> = [];
  const failed = new Set<string>();

  const uncertain = sc.strategies.map((s) => isUncertain(s, seed));
  const models: Model[] = sc.strategies.map((s) => s.model);
  const modelFor = uncertain.some(Boolean)
    ? (s: number, r: number) => (uncertain[s] ? sc.strategies[s].modelFor(seed, r) : undefined)
    : undefined;
  const workerFile = workers > 0 ? (opts.workerFile ?? defaultWorkerFile()) : '';

  let interrupted = false;
  let ranNow = 0;
  const tasksFor = (reps: number): Task[] => {
    const tasks: Task[] = [];
    for (const r of shardIndices(reps, shard)) {
      names.forEach((_, s) => {
        if (!doneIdx[s].has(r) && !failed.has(`${s}:${r}`)) tasks.push({ strategy: s, replication: r });
      });
    }
    return tasks;
  };
  // Finished replications that count towards the current target (a journal may hold more).
  let done = 0;
  const countDone = (reps: number) => {
    done = 0;
    for (const m of doneIdx) for (const r of m) if (inRun(r, reps)) done++;
  };
  const inRun = (r: number, reps: number) => r < reps && (!shard || r % shard.count === shard.index);
  const progress = (total: number) => {
    if (!opts.onProgress) return;
    const seconds = (performance.now() - t0) / 1000;
    const rate = seconds > 0 ? ranNow / seconds : 0;
    const left = total - done - failures.length;
    opts.onProgress({ done, total, failed: failures.length, resumed, seconds, rate, eta: rate > 0 ? left / rate : null });
  };

  const finished = (s: number, reps: number) =>
    [...kept[s].values()].filter((r) => inRun(r.replication, reps)).sort((a, b) => a.replication - b.replication);
  const summariseNow = (reps: number, withFailures: boolean) => withRunWarnings(summariseFolds(
    sc.strategies.map((s, i) => ({ name: s.name, description: s.description, set: s.set, sweep: s.sweep, fold: folds[i] })),
    {
      scenario: { name: sc.name, hash: sc.hash, file: sc.file, assumptions: sc.assumptions },
      engineVersion: ENGINE_VERSION, seed, replications: reps,
      horizonDays: sc.horizonDays, warmupDays: sc.warmupDays, startDate: sc.startDate,
      sweep: sc.sweep, failures: withFailures ? sortedFailures(failures, names) : undefined,
      auto, precisionTarget: target,
    },
  ));

  let resumed = 0;
  let journal: Journal | null = null;
  if (opts.journal) {
    const header = { format: JOURNAL_FORMAT, scenario_hash: sc.hash, seed, engine_version: ENGINE_VERSION, strategies: names, shard: shard ? shardLabel(shard) : null };
    journal = await Journal.open(opts.journal, header, {
      resume: opts.resume, fresh: opts.fresh, onNotice: opts.onNotice,
      onEntry: (e) => {
        const s = names.indexOf(e.strategy);
        if (s >= 0 && accept(s, e.result)) resumed++;
      },
    });
  }

  try {
    for (;;) {
      const tasks = tasksFor(n);
      const total = shardIndices(n, shard).length * names.length;
      countDone(n);
      progress(total);
      interrupted = await runTasks(tasks, {
        workers, workerFile, seed, models, modelFor, maxMemoryMb: opts.maxMemoryMb, backgroundCompile: opts.backgroundCompile, signal: opts.signal,
        onResult: (t, result) => {
          accept(t.strategy, result);
          done++;
          journal?.append({ strategy: names[t.strategy], replication: t.replication, result });
          ranNow++;
          progress(total);
        },
        onFailure: (t, error) => {
          failures.push({ strategy: names[t.strategy], replication: t.replication, error });
          failed.add(`${t.strategy}:${t.replication}`);
          feeds[t.strategy].skip(t.replication);
          progress(total);
        },
      });
      if (interrupted || !auto || n >= max) break;
      const p = summariseNow(n, false).precision!;
      if (p.reached) break;
      n = nextTarget(n, p.worst.relative_half_width, target, max);
      for (const f of feeds) f.setLimit(n);
    }
  } finally {
    journal?.close();
  }

  // An interrupted run leaves gaps that will not be filled now: fold what finished.
  for (const f of feeds) f.flush();
  const results = summariseNow(n, true);
  const draws = drawTable(sc.strategies[0], seed, n);
  if (draws) results.draws = draws;
  results.run = {
    seconds: Math.round(performance.now() - t0) / 1000,
    workers,
    ...(shard ? { shard: shardLabel(shard) } : {}),
    finished: new Date().toISOString(),
  };
  const raw: Record<string, ReplicationResult[]> = {};
  names.forEach((name, s) => { raw[name] = finished(s, n); });
  const replications: Record<string, Iterable<ReplicationResult>> = {};
  names.forEach((name) => {
    replications[name] = keepRaw || !journal ? raw[name] : journal.index.replications(name, (r) => inRun(r, n));
  });
  let count = 0;
  for (const m of doneIdx) for (const r of m) if (inRun(r, n)) count++;
  return { results, raw, replications, finished: count, interrupted, resumed, shard };
}

/** Every replication's parameter draws (the same for all strategies that keep the param as written). */
function drawTable(s: RunnableStrategy | undefined, seed: number | string, n: number): Results['draws'] {
  if (!s?.drawsFor) return undefined;
  const rows = Array.from({ length: n }, (_, r) => s.drawsFor!(seed, r));
  const params = Object.keys(rows[0] ?? {});
  return { params, values: rows.map((row) => params.map((p) => row[p])) };
}

function sortedFailures(failures: NonNullable<Results['failures']>, names: string[]) {
  return [...failures].sort((a, b) => names.indexOf(a.strategy) - names.indexOf(b.strategy) || a.replication - b.replication);
}

/** Library API: runs a scenario and returns the results file's content (ARCHITECTURE §6). */
export async function runScenario(src: string | RunnableScenario, opts: RunOptions = {}): Promise<Results> {
  return (await runScenarioDetailed(src, { keepRaw: false, ...opts })).results;
}
