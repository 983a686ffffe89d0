/**
 * The one protocol between whoever asks for replications (the Node runner, the browser
 * viewer) and a worker that runs them (a Node worker thread, a browser Web Worker). Plain
 * messages that survive structured cloning, and one handler: isomorphic, no Node or DOM API,
 * so each worker entry only wires it to its own port.
 *
 * A worker says `ready` once its code has loaded, caches models sent once per strategy, and
 * answers every `run` message in order with its result or its error. A `run` message carries
 * its own model when the replication has one of its own (a strategy with uncertain
 * parameters, a viewer run); otherwise the strategy's cached model runs.
 */
import { simulate } from './simulator.js';
import { recycleSeries } from './collect.js';
import type { Model } from './model.js';
import type { ReplicationResult } from './replication-result.js';

/** Asker -> worker. */
export type ToWorker =
  | { type: 'model'; strategy: number; model: Model }
  | { type: 'run'; strategy: number; replication: number; seed: number | string; model?: Model };

/** Worker -> asker. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'result'; strategy: number; replication: number; result: ReplicationResult }
  | { type: 'error'; strategy: number; replication: number; error: string };

export interface ReplicationWorkerOptions {
  /** Most patients at once (from the runner's `--max-memory`); unset = the engine's ceiling. */
  maxPatients?: number;
}

/**
 * Starts serving replications: says `ready` through `post` and returns the handler for
 * every incoming message. `post` must copy the message before it returns (as postMessage
 * does): a result's series are reused for the next replication once posted. A failing replication is answered with an error, never thrown, so
 * the worker lives on for the next one.
 */
export function serveReplications(post: (msg: FromWorker) => void, opts: ReplicationWorkerOptions = {}): (msg: ToWorker) => void {
  const models = new Map<number, Model>();
  const { maxPatients } = opts;
  post({ type: 'ready' });
  return (msg) => {
    if (msg.type === 'model') {
      models.set(msg.strategy, msg.model);
      return;
    }
    const { strategy, replication, seed } = msg;
    try {
      const model = msg.model ?? models.get(strategy);
      if (!model) throw new Error(`no model sent for strategy ${strategy}`);
      const result = simulate(model, { seed, replication, maxPatients });
      post({ type: 'result', strategy, replication, result });
      // Posting copied the result: its series are free for the next replication.
      recycleSeries(result);
    } catch (err) {
      post({ type: 'error', strategy, replication, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
    }
  };
}
