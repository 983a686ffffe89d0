/**
 * `--max-memory` for a replication. The budget bounds V8's heap and, separately, the
 * engine's patient columns: typed arrays live outside the heap, so a heap limit alone would
 * let a runaway queue take the process down instead of failing its replication cleanly.
 */
import { PATIENT_BYTES } from '../engine/index.js';
import { WORKER_YOUNG_MB } from './young-generation.js';

/** The most patients at once that a memory budget (MiB) allows; no budget, no limit. */
export function maxPatientsFor(maxMemoryMb: number | undefined): number | undefined {
  return maxMemoryMb ? Math.floor((maxMemoryMb * 1024 * 1024) / PATIENT_BYTES) : undefined;
}

/** The Worker options that apply the budget in a worker thread, and bound its young generation (young-generation.ts). */
export function workerLimits(maxMemoryMb: number | undefined) {
  return {
    resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_MB, ...(maxMemoryMb ? { maxOldGenerationSizeMb: maxMemoryMb } : {}) },
    workerData: { maxPatients: maxPatientsFor(maxMemoryMb) },
  };
}
