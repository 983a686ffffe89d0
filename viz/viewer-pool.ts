/**
 * A pool of browser Web Workers running replications. A new run drops the tasks of the
 * previous one that have not started (a planner moving a slider again does not wait for
 * the old answer); tasks already running finish and are ignored.
 */
import type { Model } from '../engine/model.js';
import type { ReplicationResult } from '../engine/index.js';

interface Task { id: number; model: Model; seed: number | string; replication: number; resolve(r: ReplicationResult): void; reject(e: Error): void }

export class Cancelled extends Error {}

export class ReplicationPool {
  private readonly workers: Worker[] = [];
  private readonly busy = new Map<Worker, Task>();
  private queue: Task[] = [];
  private nextId = 0;

  constructor(url: string, size: number) {
    for (let i = 0; i < size; i++) {
      const w = new Worker(url);
      w.onmessage = (e: MessageEvent<{ id: number; result?: ReplicationResult; error?: string }>) => {
        const t = this.busy.get(w);
        this.busy.delete(w);
        if (t && t.id === e.data.id) {
          if (e.data.result) t.resolve(e.data.result);
          else t.reject(new Error(e.data.error ?? 'replication failed'));
        }
        this.pump();
      };
      this.workers.push(w);
    }
  }

  get size(): number { return this.workers.length; }

  /** Runs replication r of models[r] for every r; rejects with Cancelled if superseded. */
  run(models: Model[], seed: number | string, onDone?: (finished: number) => void): Promise<ReplicationResult[]> {
    for (const t of this.queue) t.reject(new Cancelled('superseded'));
    this.queue = [];
    let finished = 0;
    const jobs = models.map((model, replication) => new Promise<ReplicationResult>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, model, seed, replication, resolve: (r) => { onDone?.(++finished); resolve(r); }, reject });
    }));
    this.pump();
    return Promise.all(jobs);
  }

  private pump(): void {
    for (const w of this.workers) {
      if (this.busy.has(w)) continue;
      const t = this.queue.shift();
      if (!t) return;
      this.busy.set(w, t);
      w.postMessage({ id: t.id, model: t.model, seed: t.seed, replication: t.replication });
    }
  }
}
