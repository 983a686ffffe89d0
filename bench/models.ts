/**
 * The two benchmark models, the same as the reference implementations next to the repository
 * (plain typed JS and SimPy), so that ratios compare like with like.
 *  A: M/M/c, c = 10, lambda = 9, mu = 1 (time unit: one minute), about 1,000,000 customers.
 *  B: pathway with blocking after service: Poisson arrivals into acute (60 beds, LOS
 *     exponential 5 days); then 40% rehab (40 beds, 20 days), 30% home care (50 places,
 *     30 days), 30% home. Rehab and home care have no queue, so patients wait in their
 *     acute bed (blocked). 2,000 days per replication, no warm-up (as the references).
 */
import { buildModel, exponential, DAY } from '../engine/index.js';
import type { Model } from '../engine/index.js';

export const A_CUSTOMERS = 1_000_000;
export const A_LAMBDA = 9;
/** Erlang C mean wait in queue for model A, in time units (minutes here). */
export const A_ERLANG_C_WQ = 0.668731524107697;

export function modelA(monitor = true): Model {
  return buildModel({
    name: 'A: M/M/10',
    horizon: A_CUSTOMERS / A_LAMBDA,
    daily: true,
    monitor,
    units: { s: { capacity: 10, service: exponential(1), next: { out: 1 } } },
    sources: { a: { rate: A_LAMBDA, to: 's' } },
  });
}

export function modelB(arrivalsPerDay: number, monitor = true): Model {
  return buildModel({
    name: 'B: pathway with blocking',
    horizon: 2000 * DAY,
    daily: false,
    monitor,
    units: {
      acute: { role: 'acute', capacity: 60, service: exponential(5 * DAY), next: { rehab: 0.4, homecare: 0.3, home: 0.3 } },
      rehab: { capacity: 40, queue: 0, service: exponential(20 * DAY), next: { home: 1 } },
      homecare: { kind: 'homecare', capacity: 50, queue: 0, service: exponential(30 * DAY), next: { home: 1 } },
    },
    sources: { admissions: { rate: arrivalsPerDay / DAY, to: 'acute' } },
  });
}

export interface BenchCase {
  name: string;
  model: (monitor: boolean) => Model;
  reps: number;
}

export const CASES: Record<string, BenchCase> = {
  A: { name: 'A', model: modelA, reps: 1 },
  B: { name: 'B', model: (m) => modelB(10, m), reps: 50 },
  'B-stable': { name: 'B-stable', model: (m) => modelB(4.5, m), reps: 111 },
};
