/**
 * Node worker-thread entry (bundled alone to dist/worker.js: the engine only, no mathjs,
 * yaml or d3, so a worker starts in milliseconds). A worker lives for the whole run and
 * runs replications in the order their messages arrive; models arrive once per strategy
 * and are cached, so a replication message carries only its index (or, for a strategy
 * with uncertain parameters, that replication's drawn model).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { simulate } from './simulator.js';
import type { Model } from './model.js';
import type { ReplicationResult } from './replication-result.js';

/** Parent -> worker. */
export type ToWorker =
  | { type: 'model'; strategy: number; model: Model }
  | { type: 'run'; strategy: number; replication: number; seed: number | string; model?: Model };

/** Worker -> parent. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; strategy: number; replication: number; result: ReplicationResult }
  | { type: 'error'; strategy: number; replication: number; error: string };

const models = new Map<number, Model>();
const port = parentPort;
/** Set by the runner from `--max-memory`: the patient columns live outside V8's heap limit. */
const maxPatients = (workerData as { maxPatients?: number } | undefined)?.maxPatients;

if (port) {
  // Tells the runner this bundle loads: a worker that dies before saying so is broken, not unlucky.
  port.postMessage({ type: 'ready' } satisfies FromWorker);
  port.on('message', (msg: ToWorker) => {
    if (msg.type === 'model') {
      models.set(msg.strategy, msg.model);
      return;
    }
    const { strategy, replication, seed } = msg;
    try {
      const model = msg.model ?? models.get(strategy);
      if (!model) throw new Error(`no model sent for strategy ${strategy}`);
      const result = simulate(model, { seed, replication, maxPatients });
      port.postMessage({ type: 'result', strategy, replication, result } satisfies FromWorker);
    } catch (err) {
      const error = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
      port.postMessage({ type: 'error', strategy, replication, error } satisfies FromWorker);
    }
  });
}
