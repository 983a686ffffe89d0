/**
 * What a run takes and gives (the runner's library API, ARCHITECTURE §5): the options of
 * `runScenario` / `runScenarioDetailed`, what they settle to with the scenario's own
 * settings, and everything a run produced.
 */
import { availableParallelism } from 'node:os';
import type { ReplicationResult } from '../engine/index.js';
import type { Results } from '../results/index.js';
import type { CompiledScenario } from '../engine/index.js';
import { ShardError, type Shard } from './shard.js';
import { AUTO_MIN } from '../engine/index.js';
import type { Progress } from './progress-meter.js';
import type { WarmWorkers } from './warm-workers.js';

export type { Progress };

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
  /** The command the journal belongs to, when not a run (`caresim sensitivity`): another command's journal is refused. */
  journalMadeBy?: 'sensitivity';
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
  /** Let V8 compile the workers' code on helper threads (default: when there are fewer workers than cores; runner/jit.ts says why). */
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
  /**
   * Keep the journal open and locked after the run, until the caller's `release`: the caller
   * writes its outputs from the journal and then removes it, and no other run may take the
   * journal over in between (a `--resume` started in that instant would resume from a journal
   * about to be deleted).
   */
  holdJournal?: boolean;
  /**
   * Workers started ahead (`startWorkers`, e.g. before compiling the scenario): the run takes
   * them before starting any, and stops the ones it did not need when it ends.
   */
  warm?: WarmWorkers;
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
  /**
   * Closes the journal and releases its lock, first removing it when `remove` (the run's outputs
   * are written). A no-op unless `holdJournal` was set; safe to call more than once.
   */
  release(remove: boolean): void;
}

/** What the options and the scenario settle for one run. */
export interface Settings {
  seed: number | string;
  auto: boolean;
  /** The first round's replications. */
  reps: number;
  max: number;
  target: number;
  workers: number;
  shard: Shard | null;
  names: string[];
}

export function settle(sc: CompiledScenario, opts: RunOptions): Settings {
  const requested = opts.reps ?? sc.replications;
  const auto = requested === 'auto';
  const shard = opts.shard ?? null;
  if (auto && shard)
    throw new ShardError('replications: auto cannot be split into shards (each shard would stop at a different count); give --reps N');
  return {
    seed: opts.seed ?? sc.seed,
    auto,
    reps: auto ? AUTO_MIN : requested,
    max: Math.max(AUTO_MIN, opts.maxReps ?? sc.maxReplications ?? 1000),
    target: opts.precisionTarget ?? 0.05,
    workers: opts.workers ?? availableParallelism(),
    shard,
    names: sc.strategies.map((s) => s.name),
  };
}
