/**
 * Browser Web Worker (bundled to dist/viewer-worker.js): serves the engine's replication
 * protocol (engine/replication-protocol.ts), the same handler the CLI's worker threads run.
 */
import { serveReplications, type FromWorker, type ToWorker } from '../engine/index.js';

const scope = self as unknown as { onmessage: ((e: MessageEvent<ToWorker>) => void) | null; postMessage(m: FromWorker): void };

const handle = serveReplications((msg) => scope.postMessage(msg));
scope.onmessage = (e) => handle(e.data);
