/**
 * Node worker-thread entry (bundled alone to dist/worker.js: the engine only, no mathjs,
 * yaml or d3, so a worker starts in milliseconds). A worker lives for the whole run and
 * serves the engine's replication protocol (engine/replication-protocol.ts) on its port,
 * the same handler the browser viewer's Web Worker runs.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { serveReplications, type ToWorker } from '../engine/index.js';

/** Set by the runner from `--max-memory`: the patient columns live outside V8's heap limit. */
const maxPatients = (workerData as { maxPatients?: number } | undefined)?.maxPatients;
const port = parentPort;

if (port) {
  // `ready` tells the runner this bundle loads: a worker that dies before saying so is broken, not unlucky.
  const handle = serveReplications((msg) => port.postMessage(msg), { maxPatients });
  port.on('message', (msg: ToWorker) => handle(msg));
}
