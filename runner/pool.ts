/**
 * Runs replications on long-lived worker threads (dispatcher.ts, worker-slot.ts) or, with
 * no workers, in this thread. Either way a task that fails follows the one retry policy
 * (retry.ts) and a failure that stays is reported while the run goes on.
 */
import { simulate } from '../engine/index.js';
import type { ReplicationResult } from '../engine/index.js';
import { backgroundCompile, backgroundByDefault } from './jit.js';
import { TaskQueue, type Task } from './task-queue.js';
import { Dispatcher } from './dispatcher.js';
import { maxPatientsFor } from './memory-budget.js';
import { failureText } from './retry.js';
import type { PoolOptions } from './pool-options.js';

export type { Task };

export type { PoolOptions };

/** Resolves when every task has finished or failed (false), or when the signal aborted (true). */
export function runTasks(tasks: readonly Task[], opts: PoolOptions): Promise<boolean> {
  const queue = new TaskQueue(tasks, (task, error) => opts.onFailure(task, error));
  if (opts.workers <= 0) return runInline(queue, opts);
  // From the workers asked for, as startWorkers decides it, so warm workers and the ones started here agree.
  backgroundCompile(opts.backgroundCompile ?? backgroundByDefault(opts.workers));
  return new Dispatcher(queue, opts).run();
}

/** In-thread execution: yields to the event loop between replications so Ctrl-C is heard. */
async function runInline(queue: TaskQueue, opts: PoolOptions): Promise<boolean> {
  const maxPatients = maxPatientsFor(opts.maxMemoryMb);
  while (queue.size > 0) {
    if (opts.signal?.aborted) return true;
    const task = queue.take()!;
    let result: ReplicationResult;
    try {
      const model = opts.modelFor?.(task.strategy, task.replication) ?? opts.models[task.strategy];
      result = simulate(model, { seed: opts.seed, replication: task.replication, maxPatients });
    } catch (err) {
      queue.failed(task, failureText(err));
      continue;
    }
    opts.onResult({ strategy: task.strategy, replication: task.replication }, result);
    await new Promise((r) => setImmediate(r));
  }
  return false;
}
