/**
 * What a pool run needs: its own file so the pool and the dispatcher it hands work to both
 * read it without importing each other.
 */
import type { Model } from '../engine/index.js';
import type { ReplicationResult } from '../engine/index.js';
import type { Task } from './task-queue.js';
import type { WarmWorkers } from './warm-workers.js';

export interface PoolOptions {
  /** Worker threads; 0 runs every replication in this thread (no messages at all). */
  workers: number;
  workerFile: string;
  seed: number | string;
  /** The model of each strategy, sent once per worker. */
  models: readonly Model[];
  /** For strategies with uncertain parameters: that replication's model, sent with the task. */
  modelFor?: (strategy: number, replication: number) => Model | undefined;
  /** Memory budget of a worker, MiB (V8's heap and, apart, the patient columns): a runaway replication fails alone instead of the process. */
  maxMemoryMb?: number;
  /** Let V8 compile the workers' code on helper threads (default: when there are fewer workers than cores; see jit.ts). */
  backgroundCompile?: boolean;
  signal?: AbortSignal;
  /** Workers already started for this run (warm-workers.ts): taken before any new one is started. */
  warm?: WarmWorkers;
  onResult(task: Task, result: ReplicationResult): void;
  onFailure(task: Task, error: string): void;
}
