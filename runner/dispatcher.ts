/**
 * Hands tasks to worker slots until none is left. worker-threads-pool only bounds how many
 * Workers exist (it never reuses one for several tasks), so each slot acquires one Worker
 * and keeps it until the queue is empty; a Worker that crashes or runs out of memory is
 * replaced by a fresh one, and what it held goes back to the queue under the retry policy.
 */
import Pool from 'worker-threads-pool';
import type { Worker } from 'node:worker_threads';
import type { FromWorker, Model } from '../engine/index.js';
import type { PoolOptions } from './pool-options.js';
import type { Pending, TaskQueue } from './task-queue.js';
import { WorkerSlot } from './worker-slot.js';
import { failureText, workersCannotRun } from './retry.js';
import { workerLimits } from './memory-budget.js';
import { youngGenerationHold } from './young-generation.js';

export class Dispatcher {
  private readonly pool: Pool;
  private readonly slots: WorkerSlot[] = [];
  private finished = false;
  /** Workers in a row that died before answering at all. */
  private stillborn = 0;
  private resolve: (interrupted: boolean) => void = () => {};
  private reject: (err: unknown) => void = () => {};
  private readonly onAbort = () => this.finish(true);
  /** Young generations stay as they are while the workers run (young-generation.ts). */
  private readonly young = youngGenerationHold();

  constructor(
    private readonly queue: TaskQueue,
    private readonly opts: PoolOptions,
  ) {
    this.pool = new Pool({ max: opts.workers });
  }

  /** Resolves when every task has finished or failed (false), or when the signal aborted (true). */
  run(): Promise<boolean> {
    return new Promise<boolean>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
      if (this.opts.signal?.aborted) return resolve(true);
      this.opts.signal?.addEventListener('abort', this.onAbort);
      if (this.queue.size === 0) return this.finish(false);
      const n = Math.max(1, Math.min(this.opts.workers, this.queue.size));
      for (let i = 0; i < n; i++) {
        const slot = new WorkerSlot();
        this.slots.push(slot);
        this.start(slot);
      }
    });
  }

  private finish(interrupted: boolean): void {
    if (this.finished) return;
    this.finished = true;
    this.young.release();
    this.opts.signal?.removeEventListener('abort', this.onAbort);
    // Every answer is in: the caller can go on while the workers shut down.
    for (const s of this.slots) s.terminate()?.catch(() => {});
    this.resolve(interrupted);
  }

  /** The caller's callbacks failed (e.g. the journal disk is full): stop everything and say why. */
  private fatal(err: unknown): void {
    if (this.finished) return;
    this.finished = true;
    this.young.release();
    this.opts.signal?.removeEventListener('abort', this.onAbort);
    const stopping = this.slots.flatMap((s) => s.terminate() ?? []);
    void Promise.allSettled(stopping).then(() => this.reject(err));
  }

  private finishIfSettled(): void {
    if (!this.finished && this.queue.size === 0 && this.slots.every((s) => !s.busy)) this.finish(false);
  }

  private start(slot: WorkerSlot): void {
    const warm = this.opts.warm?.take();
    if (warm) {
      this.use(slot, warm.worker);
      slot.answered = warm.answered;
      // A Worker that answered has started its isolate, which reset V8's growth factor.
      if (warm.answered) this.young.hold();
      return this.fill(slot);
    }
    this.pool.acquire(this.opts.workerFile, workerLimits(this.opts.maxMemoryMb), (err, worker) => {
      if (this.finished) {
        worker?.terminate().catch(() => {});
        return;
      }
      if (err) {
        // No worker could be started: nothing can run, so every remaining task fails.
        this.queue.failAll(`cannot start worker: ${err.message}`);
        return this.finishIfSettled();
      }
      this.use(slot, worker);
      this.fill(slot);
    });
  }

  private use(slot: WorkerSlot, worker: Worker): void {
    slot.attach(worker, { message: (msg) => this.answered(slot, msg), died: (why) => this.died(slot, why) });
  }

  private fill(slot: WorkerSlot): void {
    while (!this.finished && slot.canTake && this.queue.size > 0) this.send(slot, this.queue.take()!);
    this.finishIfSettled();
  }

  private send(slot: WorkerSlot, task: Pending): void {
    let drawn: Model | undefined;
    try {
      drawn = this.opts.modelFor?.(task.strategy, task.replication);
    } catch (err) {
      // Drawing the parameters failed (e.g. an impossible value): only this replication fails.
      return this.queue.failed(task, failureText(err));
    }
    slot.send(task, drawn, this.opts.models, this.opts.seed);
  }

  private answered(slot: WorkerSlot, msg: FromWorker): void {
    if (msg.type === 'ready' && !this.finished) this.young.hold();
    if (msg.type === 'ready' || this.finished) return;
    const task = slot.answer();
    if (!task) return;
    try {
      if (msg.type === 'result') this.opts.onResult({ strategy: task.strategy, replication: task.replication }, msg.result);
      else this.queue.failed(task, msg.error);
      this.fill(slot);
    } catch (err) {
      this.fatal(err);
    }
  }

  /** The Worker died: the task it was running failed; the ones behind it never started. */
  private died(slot: WorkerSlot, why: string): void {
    if (this.finished) return;
    const { running, waiting } = slot.drop();
    this.queue.putBack(waiting);
    if (running) this.queue.failed(running, why);
    // Workers that die before answering at all (a broken bundle) would be replaced forever.
    this.stillborn = slot.answered ? 0 : this.stillborn + 1;
    if (workersCannotRun(this.stillborn)) this.queue.failAll(`workers cannot run: ${why}`);
    if (this.queue.size > 0) this.start(slot);
    else this.finishIfSettled();
  }
}
