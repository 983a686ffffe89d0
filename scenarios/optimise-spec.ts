/**
 * The compiled `optimise:` section (scenarios/optimise.ts builds it): what to decide, what to
 * minimise and which targets a plan must meet. Plain data and closures only, so the search
 * (optimise/*) never sees YAML or expressions.
 */

/** What a measure reads from one replication of one candidate. */
export type MetricRef =
  | { kind: 'kpi'; name: string }
  | { kind: 'unit'; unit: string; metric: string }
  /** A decision variable's value (e.g. beds funded), the same in every replication. */
  | { kind: 'decision'; index: number };

/** An integer decision variable: value = from + i * step for i = 0 .. count - 1. */
export interface Decision {
  path: string;
  from: number;
  step: number;
  count: number;
}

export interface Constraint {
  /** As written, e.g. `delayed_bed_days_per_day <= 150`. */
  text: string;
  /** The left-hand side, e.g. `units.ucr.within_target`. */
  name: string;
  ref: MetricRef;
  op: '<=' | '>=';
  target: number;
}

export interface Objective {
  text: string;
  sense: 'minimise' | 'maximise';
  refs: MetricRef[];
  /** The objective from the values of `refs`, in order. */
  value(values: readonly number[]): number;
}

export interface OptimiseSpec {
  decide: Decision[];
  objective: Objective;
  constraints: Constraint[];
  /** Joint confidence of the final statement (feasible and within `indifference` of the best). */
  confidence: number;
  /** The indifference zone δ of the selection in objective units; null: 1% of the best mean. */
  indifference: number | null;
}

/** A decision variable's value at lattice index i. */
export function decisionValue(d: Decision, i: number): number {
  // Rounded to the step's decimals, so 0.1 steps do not print as 0.30000000000000004.
  const v = d.from + i * d.step;
  return Math.round(v * 1e9) / 1e9;
}

/** Lattice size of the whole decision space (the full grid). */
export function gridSize(decide: readonly Decision[]): number {
  return decide.reduce((n, d) => n * d.count, 1);
}
