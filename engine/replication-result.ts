/**
 * What one replication returns: columnar, plain data (structured-cloneable, JSON-safe
 * except NaN, which marks "not defined", e.g. utilisation of an unlimited unit).
 * All statistics exclude the warm-up. Durations are in DAYS, rates per day.
 */
import type { SystemKpiName, SystemKpis, UnitMetricName, UnitMetrics } from './metrics.js';

/**
 * Series are Float64Arrays: a worker thread hands them back in one block copy (a plain array is
 * cloned element by element, which cost a tenth of a replication's time).
 */
import type { Economics } from './model.js';

export interface DailySeries {
  /** Time-average over each day, one entry per day from t = 0 (warm-up days first). */
  occupancy: Float64Array;
  blocked: Float64Array;
  queue: Float64Array;
  capacity: Float64Array;
  /** Stays started in the unit each day (the daily form of `admitted_per_day`), a count per day. */
  admissions: Float64Array;
}

export interface CohortOutcome {
  /** People at the start of each day, warm-up days first. */
  people: Float64Array;
  crises: number;
  /** Admissions to acute-role units, bed-days in bed units, both after warm-up. */
  admissions: number;
  bed_days: number;
  /** Person-days not spent in any unit, per person-year. */
  days_at_home_per_person_year: number;
  /** Mean people over the measured period. */
  people_mean: number;
  /** Whole-run flows (warm-up included): end = start + growth - deaths - pathway_deaths + moved_in - moved_out. */
  flows: { start: number; growth: number; deaths: number; pathway_deaths: number; moved_in: number; moved_out: number; end: number };
}

/** [numerator, denominator] of a share, e.g. [lost, arrivals] for `lost_fraction`. */
export type Fraction = [number, number];

export interface Fractions {
  units: Record<string, Partial<Record<UnitMetricName, Fraction>>>;
  kpis: Partial<Record<SystemKpiName, Fraction>>;
}

/**
 * Patients who moved along one edge of the pathway after warm-up (engine/flow-counts.ts), e.g.
 * `unit:acute` -> `exit:home`; `delayed` of them had first waited, blocked, for a place there.
 */
export interface FlowCount {
  from: string;
  to: string;
  moved: number;
  delayed: number;
}

export interface ReplicationResult {
  replication: number;
  /** Events processed (all, warm-up included). */
  events: number;
  horizonDays: number;
  warmupDays: number;
  /** unit name -> metric name (ARCHITECTURE §6, metrics.ts) -> value. */
  units: Record<string, UnitMetrics>;
  /** System KPIs (metrics.ts; definitions in kpis.ts). */
  kpis: SystemKpis;
  /** exit name -> patients who left that way after warm-up. */
  exits: Record<string, number>;
  daily: Record<string, DailySeries>;
  population: Record<string, CohortOutcome> | null;
  /**
   * Numerator and denominator (counts of patients) of every share among `units` metrics and
   * `kpis`, so a summary over replications can take the ratio of sums (results/statistics.ts).
   * Optional: results written before it existed are summarised as a mean of shares.
   */
  fractions?: Fractions;
  /** The strategy's one-off cost, double running and discounting (economics/), when the model has them. */
  economics?: Economics;
  /** Moves along each edge of the pathway after warm-up (absent in results written before flows were counted). */
  flows?: FlowCount[];
  /**
   * Patients inside each unit (holding a place or queueing) when measuring started and at the
   * horizon: for every unit, moves in = moves out + end - start, exactly.
   */
  inside?: Record<string, { start: number; end: number }>;
  /** Whole-run flow balance: entered = left + inSystem (lost patients count as left). */
  conservation: { entered: number; left: number; inSystem: number };
}
