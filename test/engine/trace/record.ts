/** Runs a tiny deterministic model and returns its trace as compact rows for exact comparison. */
import { simulate } from '../../../engine/index.js';
import type { Model, ReplicationResult } from '../../../engine/index.js';
import type { TraceEvent } from '../../../engine/model.js';

/** [time, what, patient, unit] or [time, what, patient, unit, detail]. */
export type Row = [number, TraceEvent['what'], number, string] | [number, TraceEvent['what'], number, string, string | number];

export function record(model: Model): { rows: Row[]; result: ReplicationResult } {
  const rows: Row[] = [];
  const result = simulate(model, {
    seed: 1,
    replication: 0,
    trace: (e) => {
      rows.push(e.detail === undefined ? [e.time, e.what, e.patient, e.unit] : [e.time, e.what, e.patient, e.unit, e.detail]);
    },
  });
  return { rows, result };
}

/** A source that arrives at the given minutes once (the period is longer than any test run). */
export const timetable = (times: number[]) => ({ times, period: 1e9 });
