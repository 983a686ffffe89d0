/**
 * Browser Web Worker (bundled to dist/viewer-worker.js): runs one replication of the
 * engine per message, the same pure function the CLI's worker threads run.
 */
import { simulate } from '../engine/simulator.js';
import type { Model } from '../engine/model.js';

export interface WorkerTask { id: number; model: Model; seed: number | string; replication: number }

const scope = self as unknown as { onmessage: ((e: MessageEvent<WorkerTask>) => void) | null; postMessage(m: unknown): void };

scope.onmessage = (e) => {
  const { id, model, seed, replication } = e.data;
  try {
    scope.postMessage({ id, result: simulate(model, { seed, replication }) });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err) });
  }
};
