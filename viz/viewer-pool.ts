/**
 * A pool of browser Web Workers running replications over the engine's replication
 * protocol. Each run() is numbered as a strategy of its own and sends every replication its
 * model, so an answer names the task it belongs to. A new run drops the tasks of the
 * previous one that have not started (a planner moving a slider again does not wait for the
 * old answer); tasks already running finish and are ignored.
 */
import type { Model } from '../engine/index.js';
import type { ReplicationResult } from '../engine/index.js';
import type { FromWorker, ToWorker } from '../engine/index.js';

interface Task {
  strategy: number;
  model: Model;
  seed: number | string;
  replication: number;
  resolve(r: ReplicationResult): void;
  reject(e: Error): void;
}

export class Cancelled extends Error {}

export class ReplicationPool {
  private readonly workers: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private queue: Task[] = [];
  private runs = 0;

  constructor(url: string, size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(url);
      w.onmessage = (e: MessageEvent<FromWorker>) => {
        const msg = e.data;
        if (msg.type === 'ready') return;
        const t = this.busy.get(w);
        this.busy.delete(w);
        if (t && t.strategy === msg.strategy && t.replication === msg.replication) {
          if (msg.type === 'result') t.resolve(msg.result);
          else t.reject(new Error(msg.error));
        }
        this.pump();
      };
      this.workers.push(w);
    }
  }

  get size(): number {
    return this.workers.length;
  }

  /** Runs replication r of models[r] for every r; rejects with Cancelled if superseded. */
  run(models: Model[], seed: number | string, onDone?: (finished: number) => void): Promise<ReplicationResult[]> {
    for (const t of this.queue) t.reject(new Cancelled('superseded'));
    this.queue = [];
    const strategy = this.runs++;
    let finished = 0;
    const jobs = models.map(
      (model, replication) =>
        new Promise<ReplicationResult>((resolve, reject) => {
          this.queue.push({
            strategy,
            model,
            seed,
            replication,
            resolve: (r) => {
              onDone?.(++finished);
              resolve(r);
            },
            reject,
          });
        }),
    );
    this.pump();
    return Promise.all(jobs);
  }

  private pump(): void {
    for (const w of this.workers) {
      if (this.busy.has(w)) continue;
      const t = this.queue.shift();
      if (!t) return;
      this.busy.set(w, t);
      w.postMessage({ type: 'run', strategy: t.strategy, replication: t.replication, seed: t.seed, model: t.model } satisfies ToWorker);
    }
  }
}
