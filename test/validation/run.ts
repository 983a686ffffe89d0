/**
 * Runs independent replications of a model and checks, on EVERY run, the identities that
 * hold on any sample path: conservation (entered = left + in system) and Little's law per
 * unit and for the system, so each validation model also guards the bookkeeping.
 */
import { expect } from 'vitest';
import { simulate } from '../../engine/index.js';
import type { Model, ReplicationResult } from '../../engine/index.js';
import type { UnitMetricName } from '../../results/index.js';
import type { TraceEvent } from '../../engine/model.js';

export const SEED = 2027;

export interface LittleOptions {
  /** Units to leave out of the per-unit Little check (teams whose queue loses reneging patients). */
  skipUnits?: string[];
  /**
   * Relative tolerance. Little's law is exact except for boundary terms (patients present at
   * the start or end of the measured window), whose relative size is about W / T; models here
   * keep T / W above ~500, so 3% is generous yet catches a wrong area or a lost counter.
   */
  rel?: number;
}

export function replicate(
  model: Model,
  reps: number,
  opts: LittleOptions = {},
  trace?: (r: number) => (e: TraceEvent) => void,
): ReplicationResult[] {
  const out: ReplicationResult[] = [];
  for (let r = 0; r < reps; r++) {
    const res = simulate(model, { seed: SEED, replication: r, trace: trace?.(r) });
    checkInvariants(res, opts);
    out.push(res);
  }
  return out;
}

export function checkInvariants(r: ReplicationResult, opts: LittleOptions = {}): void {
  const c = r.conservation;
  expect(c.entered).toBe(c.left + c.inSystem);
  const rel = opts.rel ?? 0.03;
  for (const [name, u] of Object.entries(r.units)) {
    if (opts.skipUnits?.includes(name)) continue;
    const L = u.occupancy_mean + u.queue_mean;
    if (!(u.admitted_per_day > 0)) continue;
    const W = (u.wait_mean || 0) + u.los_mean;
    closeTo(`Little's law at ${name} (L vs lambda W)`, L, u.admitted_per_day * W, rel);
  }
  const k = r.kpis;
  if (k.journeys > 0) closeTo("Little's law for the system", k.in_system_mean, k.journeys_per_day * k.time_in_system_mean, rel);
}

function closeTo(label: string, a: number, b: number, rel: number): void {
  if (!(Math.abs(a - b) <= rel * Math.max(Math.abs(a), Math.abs(b)) + 1e-9)) {
    throw new Error(`${label}: ${a} vs ${b} (relative tolerance ${rel})`);
  }
}

/** Column of one unit metric over replications. */
export const col = (rs: ReplicationResult[], unit: string, metric: UnitMetricName): number[] => rs.map((r) => r.units[unit][metric] ?? NaN);
