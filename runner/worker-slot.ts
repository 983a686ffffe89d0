/**
 * One of a run's `workers` places: a long-lived Worker with up to two tasks in flight, one
 * running and one waiting in its message queue, so the Worker never idles waiting for its
 * next task. It sends each strategy's model once and then only indices (a replication with
 * drawn parameters carries its own model). When the Worker dies the slot says which task
 * it was running and which never started; the dispatcher decides what happens to them.
 */
import type { Worker } from 'node:worker_threads';
import type { Model } from '../engine/model.js';
import type { FromWorker, ToWorker } from '../engine/replication-protocol.js';
import type { Pending } from './task-queue.js';

/** Tasks kept in flight per Worker: one running, one waiting in its message queue. */
const DEPTH = 2;

export interface SlotEvents {
  message(msg: FromWorker): void;
  died(why: string): void;
}

export class WorkerSlot {
  private worker: Worker | null = null;
  /** Tasks sent and not yet answered, in the order the Worker runs them. */
  private readonly inflight: Pending[] = [];
  /** Strategies whose model the Worker holds. */
  private sent = new Set<number>();
  /** Whether the current Worker has said anything: one that dies silent is stillborn. */
  answered = false;

  /** Takes a fresh Worker into the slot; it knows no model yet. */
  attach(worker: Worker, events: SlotEvents): void {
    this.worker = worker;
    this.sent = new Set();
    this.answered = false;
    let dead = false;
    // 'error' and 'exit' can both come for one death: it counts once.
    const die = (why: string) => {
      if (dead) return;
      dead = true;
      this.worker = null;
      events.died(why);
    };
    worker.on('message', (msg: FromWorker) => {
      this.answered = true;
      events.message(msg);
    });
    worker.on('error', (e: Error & { code?: string }) => die(e.code ? `${e.code}: ${e.message}` : e.message));
    worker.on('exit', (code) => die(`worker exited with code ${code}`));
  }

  /** Whether the slot has a live Worker with room for another task. */
  get canTake(): boolean {
    return this.worker !== null && this.inflight.length < DEPTH;
  }

  get busy(): boolean {
    return this.inflight.length > 0;
  }

  /** Sends `task`: with `drawn`, that replication's own model; else the strategy's, once per Worker. */
  send(task: Pending, drawn: Model | undefined, models: readonly Model[], seed: number | string): void {
    const w = this.worker!;
    this.inflight.push(task);
    if (!drawn && !this.sent.has(task.strategy)) {
      w.postMessage({ type: 'model', strategy: task.strategy, model: models[task.strategy] } satisfies ToWorker);
      this.sent.add(task.strategy);
    }
    const msg: ToWorker = { type: 'run', strategy: task.strategy, replication: task.replication, seed };
    if (drawn) msg.model = drawn;
    w.postMessage(msg);
  }

  /** The task an answer is for: the Worker answers in the order it was sent them. */
  answer(): Pending | undefined {
    return this.inflight.shift();
  }

  /** After the Worker died: the task it was running, and the ones behind it that never started. */
  drop(): { running: Pending | undefined; waiting: Pending[] } {
    const [running, ...waiting] = this.inflight.splice(0);
    return { running, waiting };
  }

  terminate(): Promise<unknown> | undefined {
    return this.worker?.terminate();
  }
}
