/**
 * Worker threads started before the scenario is compiled, so that loading the worker bundle
 * (about a tenth of a second before a worker's first replication) overlaps the compile
 * instead of following it. They do not keep the process alive until a run takes them, and
 * the ones no run took are stopped: a scenario that fails to compile exits as before.
 */
import { Worker } from 'node:worker_threads';
import { workerLimits } from './memory-budget.js';
import { backgroundCompile, backgroundByDefault } from './jit.js';
import { availableParallelism } from 'node:os';
import { defaultWorkerFile } from './worker-file.js';
import type { RunOptions } from './run-options.js';

interface Warm {
  worker: Worker;
  alive: boolean;
  /** Whether it has said anything yet (its `ready`): a run's slot would have heard it. */
  answered: boolean;
  stop: () => void;
}

export class WarmWorkers {
  private readonly spare: Warm[] = [];

  constructor(file: string, count: number, maxMemoryMb: number | undefined, compileInBackground: boolean) {
    // The flag applies to isolates started after it: set it as the dispatcher would.
    backgroundCompile(compileInBackground);
    for (let i = 0; i < count; i++) {
      const worker = new Worker(file, workerLimits(maxMemoryMb));
      worker.unref();
      const warm: Warm = { worker, alive: true, answered: false, stop: () => {} };
      const heard = () => (warm.answered = true);
      const died = () => (warm.alive = false);
      worker.on('message', heard);
      worker.on('error', died);
      worker.on('exit', died);
      warm.stop = () => {
        worker.off('message', heard);
        worker.off('error', died);
        worker.off('exit', died);
      };
      this.spare.push(warm);
    }
  }

  /** A Worker still alive, now keeping the process alive, and whether it already answered; none when all are taken or dead. */
  take(): { worker: Worker; answered: boolean } | undefined {
    for (let w = this.spare.shift(); w; w = this.spare.shift()) {
      w.stop();
      if (!w.alive) continue;
      w.worker.ref();
      return { worker: w.worker, answered: w.answered };
    }
    return undefined;
  }

  /** Stops the Workers no run took. */
  close(): void {
    for (const w of this.spare.splice(0)) {
      // Its 'error' listener goes with stop(): a Worker that fails while terminating must not throw here.
      w.stop();
      w.worker.on('error', () => {});
      w.worker.terminate().catch(() => {});
    }
  }
}

/**
 * Starts the workers a run with these options will use (as many as it starts, when that is
 * known before the scenario is compiled), to pass as `warm` to the run; none without
 * workers or without the worker bundle (the run then says so when its pool starts).
 */
export function startWorkers(
  opts: Pick<RunOptions, 'workers' | 'reps' | 'workerFile' | 'maxMemoryMb' | 'backgroundCompile'>,
): WarmWorkers | undefined {
  const workers = opts.workers ?? availableParallelism();
  const count = typeof opts.reps === 'number' ? Math.min(workers, opts.reps) : workers;
  if (count <= 0) return undefined;
  let file: string;
  try {
    file = opts.workerFile ?? defaultWorkerFile();
  } catch {
    return undefined;
  }
  return new WarmWorkers(file, count, opts.maxMemoryMb, opts.backgroundCompile ?? backgroundByDefault(workers));
}
