/**
 * Runs replications on long-lived worker threads. worker-threads-pool only bounds how many
 * Workers exist (it never reuses one for several tasks), so each of the `workers` slots
 * acquires one Worker and keeps it, with up to two tasks in flight (so the Worker never
 * idles waiting for its next task), until no task is left. A Worker that crashes or runs out of memory is replaced by a fresh one.
 * A task that fails is retried once; a second failure is reported and the run goes on.
 */
import Pool from 'worker-threads-pool';
import type { Worker } from 'node:worker_threads';
import { simulate } from '../engine/simulator.js';
import { PATIENT_BYTES } from '../engine/patients.js';
import type { Model } from '../engine/model.js';
import type { ReplicationResult } from '../engine/result.js';
import type { FromWorker, ToWorker } from '../engine/worker.js';
import { backgroundCompile } from './jit.js';

export interface Task {
  strategy: number;
  replication: number;
}

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
  /** Let V8 compile the workers' code on helper threads (default false: see jit.ts). */
  backgroundCompile?: boolean;
  signal?: AbortSignal;
  onResult(task: Task, result: ReplicationResult): void;
  onFailure(task: Task, error: string): void;
}

interface Pending extends Task {
  attempts: number;
}

interface Slot {
  worker: Worker | null;
  /** Tasks sent and not yet answered, in the order the Worker runs them. */
  inflight: Pending[];
  sent: Set<number>;
}

/** Tasks kept in flight per Worker: one running, one waiting in its message queue. */
const DEPTH = 2;

/** Resolves when every task has finished or failed (false), or when the signal aborted (true). */
export function runTasks(tasks: readonly Task[], opts: PoolOptions): Promise<boolean> {
  const queue: Pending[] = tasks.map((t) => ({ ...t, attempts: 0 }));
  if (opts.workers <= 0) return runInline(queue, opts);
  backgroundCompile(opts.backgroundCompile ?? false);
  return new Promise<boolean>((resolve, reject) => {
    const pool = new Pool({ max: opts.workers });
    const slots: Slot[] = [];
    let finished = false;
    let stillborn = 0;

    const finish = (interrupted: boolean) => {
      if (finished) return;
      finished = true;
      opts.signal?.removeEventListener('abort', onAbort);
      // Every answer is in: the caller can go on while the workers shut down.
      for (const s of slots) s.worker?.terminate().catch(() => {});
      resolve(interrupted);
    };
    // The caller's callbacks failed (e.g. the journal disk is full): stop everything and say why.
    const fatal = (err: unknown) => {
      if (finished) return;
      finished = true;
      opts.signal?.removeEventListener('abort', onAbort);
      void Promise.allSettled(slots.flatMap((s) => (s.worker ? [s.worker.terminate()] : []))).then(() => reject(err));
    };
    const onAbort = () => finish(true);
    if (opts.signal?.aborted) return resolve(true);
    opts.signal?.addEventListener('abort', onAbort);

    const settled = () => !finished && queue.length === 0 && slots.every((s) => s.inflight.length === 0);

    const fail = (task: Pending, error: string) => {
      task.attempts++;
      if (task.attempts < 2) queue.unshift(task);
      else opts.onFailure({ strategy: task.strategy, replication: task.replication }, error);
    };

    /** The Worker died: the task it was running failed; the ones behind it never started. */
    const lost = (slot: Slot, error: string) => {
      const [running, ...waiting] = slot.inflight.splice(0);
      queue.unshift(...waiting);
      if (running) fail(running, error);
    };

    const next = (slot: Slot) => {
      while (!finished && slot.worker && slot.inflight.length < DEPTH && queue.length > 0) send(slot, queue.shift()!);
      if (settled()) finish(false);
    };

    const send = (slot: Slot, task: Pending) => {
      const w = slot.worker!;
      let drawn: Model | undefined;
      try {
        drawn = opts.modelFor?.(task.strategy, task.replication);
      } catch (err) {
        // Drawing the parameters failed (e.g. an impossible value): only this replication fails.
        fail(task, err instanceof Error ? `${err.name}: ${err.message}` : String(err));
        return;
      }
      slot.inflight.push(task);
      if (!drawn && !slot.sent.has(task.strategy)) {
        w.postMessage({ type: 'model', strategy: task.strategy, model: opts.models[task.strategy] } satisfies ToWorker);
        slot.sent.add(task.strategy);
      }
      const msg: ToWorker = { type: 'run', strategy: task.strategy, replication: task.replication, seed: opts.seed };
      if (drawn) msg.model = drawn;
      w.postMessage(msg);
    };

    const start = (slot: Slot) => {
      // The budget bounds V8's heap and, separately, the engine's patient columns (typed
      // arrays live outside the heap): a runaway queue then fails its replication cleanly.
      const resourceLimits = opts.maxMemoryMb ? { maxOldGenerationSizeMb: opts.maxMemoryMb } : undefined;
      const workerData = { maxPatients: maxPatientsFor(opts.maxMemoryMb) };
      pool.acquire(opts.workerFile, { resourceLimits, workerData }, (err, worker) => {
        if (finished) { worker?.terminate().catch(() => {}); return; }
        if (err) {
          // No worker could be started: nothing can run, so every remaining task fails.
          for (const t of queue.splice(0)) opts.onFailure(t, `cannot start worker: ${err.message}`);
          if (settled()) finish(false);
          return;
        }
        slot.worker = worker;
        slot.sent = new Set();
        let dead = false, answered = false;
        const die = (why: string) => {
          if (dead || finished) return;
          dead = true;
          slot.worker = null;
          lost(slot, why);
          // Workers that die before answering at all (a broken bundle) would be replaced forever.
          stillborn = answered ? 0 : stillborn + 1;
          if (stillborn >= 3) {
            for (const t of queue.splice(0)) opts.onFailure({ strategy: t.strategy, replication: t.replication }, `workers cannot run: ${why}`);
          }
          if (queue.length > 0) start(slot);
          else if (settled()) finish(false);
        };
        worker.on('message', (msg: FromWorker) => {
          answered = true;
          if (msg.type === 'ready' || finished || slot.inflight.length === 0) return;
          const task = slot.inflight.shift()!;
          try {
            if (msg.type === 'result') opts.onResult({ strategy: task.strategy, replication: task.replication }, msg.result);
            else fail(task, msg.error);
            next(slot);
          } catch (err) {
            fatal(err);
          }
        });
        worker.on('error', (e: Error & { code?: string }) => die(e.code ? `${e.code}: ${e.message}` : e.message));
        worker.on('exit', (code) => die(`worker exited with code ${code}`));
        next(slot);
      });
    };

    const n = Math.max(1, Math.min(opts.workers, queue.length));
    if (queue.length === 0) return finish(false);
    for (let i = 0; i < n; i++) {
      const slot: Slot = { worker: null, inflight: [], sent: new Set() };
      slots.push(slot);
      start(slot);
    }
  });
}

/** The most patients at once that a memory budget (MiB) allows; no budget, no limit. */
function maxPatientsFor(maxMemoryMb: number | undefined): number | undefined {
  return maxMemoryMb ? Math.floor((maxMemoryMb * 1024 * 1024) / PATIENT_BYTES) : undefined;
}

/** In-thread execution: yields to the event loop between replications so Ctrl-C is heard. */
async function runInline(queue: Pending[], opts: PoolOptions): Promise<boolean> {
  const maxPatients = maxPatientsFor(opts.maxMemoryMb);
  while (queue.length > 0) {
    if (opts.signal?.aborted) return true;
    const task = queue.shift()!;
    let result: ReplicationResult;
    try {
      const model = opts.modelFor?.(task.strategy, task.replication) ?? opts.models[task.strategy];
      result = simulate(model, { seed: opts.seed, replication: task.replication, maxPatients });
    } catch (err) {
      task.attempts++;
      if (task.attempts < 2) queue.unshift(task);
      else opts.onFailure({ strategy: task.strategy, replication: task.replication }, err instanceof Error ? `${err.name}: ${err.message}` : String(err));
      continue;
    }
    opts.onResult({ strategy: task.strategy, replication: task.replication }, result);
    await new Promise((r) => setImmediate(r));
  }
  return false;
}
