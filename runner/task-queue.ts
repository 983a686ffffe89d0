/**
 * The replications still to run, in the order they were asked for, with the retry policy
 * (retry.ts) applied to every failure. A task that runs again goes to the front, so a
 * retry happens now rather than after every other task.
 */
import { retryAfterFailure, type Attempt } from './retry.js';

export interface Task {
  strategy: number;
  replication: number;
}

export interface Pending extends Task, Attempt {}

const taskOf = (t: Task): Task => ({ strategy: t.strategy, replication: t.replication });

export class TaskQueue {
  private readonly pending: Pending[];

  constructor(
    tasks: readonly Task[],
    private readonly onFailure: (task: Task, error: string) => void,
  ) {
    this.pending = tasks.map((t) => ({ ...t, attempts: 0 }));
  }

  get size(): number {
    return this.pending.length;
  }

  take(): Pending | undefined {
    return this.pending.shift();
  }

  /** Tasks handed out that never started (their Worker died first): no failure, they just run later. */
  putBack(tasks: readonly Pending[]): void {
    this.pending.unshift(...tasks);
  }

  /** A run of `task` failed: it runs again or, when the policy says so, is reported. */
  failed(task: Pending, error: string): void {
    if (retryAfterFailure(task)) this.pending.unshift(task);
    else this.onFailure(taskOf(task), error);
  }

  /** Nothing can run any more (no Worker starts): every task left fails with `error`. */
  failAll(error: string): void {
    for (const t of this.pending.splice(0)) this.onFailure(taskOf(t), error);
  }
}
