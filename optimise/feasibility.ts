/**
 * Is a plan feasible? A target is met only when the one-sided confidence bound of the mean
 * meets it (the upper bound for `<=`, the lower bound for `>=`), so "feasible" is a statement
 * at a stated confidence, not a coin toss on a sample mean. The caller shares its error among
 * targets and candidates (Bonferroni) and gives each bound its share.
 */
import { tQuantile } from './quantiles.js';

export interface Bound {
  mean: number;
  sd: number;
  n: number;
  /** The one-sided bound on the side that matters. */
  bound: number;
  meets: boolean;
}

export function meanSd(values: readonly number[]): { mean: number; sd: number; n: number } {
  let n = 0,
    sum = 0;
  for (const v of values)
    if (Number.isFinite(v)) {
      n++;
      sum += v;
    }
  const mean = n > 0 ? sum / n : NaN;
  let ss = 0;
  for (const v of values) if (Number.isFinite(v)) ss += (v - mean) * (v - mean);
  return { mean, sd: n > 1 ? Math.sqrt(ss / (n - 1)) : NaN, n };
}

/** The one-sided (1 - alpha) bound of the mean and whether it meets `op target`. */
export function oneSidedBound(values: readonly number[], op: '<=' | '>=', target: number, alpha: number): Bound {
  const { mean, sd, n } = meanSd(values);
  if (n < 2) return { mean, sd, n, bound: NaN, meets: false };
  const half = (tQuantile(1 - alpha, n - 1) * sd) / Math.sqrt(n);
  const bound = op === '<=' ? mean + half : mean - half;
  return { mean, sd, n, bound, meets: op === '<=' ? bound <= target : bound >= target };
}

/**
 * Replications a candidate needs so that its bound can show a target met (Stein's two-stage
 * rule): enough for a half-width of half the gap between the first-stage mean and the target,
 * and no less precise than `tolerance`; a mean on the wrong side needs no more than it has.
 */
export function steinSize(values: readonly number[], op: '<=' | '>=', target: number, alpha: number, tolerance: number): number {
  const { mean, sd, n } = meanSd(values);
  if (n < 2 || !Number.isFinite(sd)) return n;
  const gap = op === '<=' ? target - mean : mean - target;
  if (gap <= 0) return n;
  if (sd === 0) return n;
  const h = Math.max(tolerance, gap / 2);
  const t = tQuantile(1 - alpha, n - 1);
  return Math.max(n, Math.ceil(((t * sd) / h) ** 2));
}

/** How far a mean or bound is from meeting a target, as a share of the target's size (0 when met). */
export function shortfall(value: number, op: '<=' | '>=', target: number): number {
  if (!Number.isFinite(value)) return Infinity;
  const over = op === '<=' ? value - target : target - value;
  return Math.max(0, over) / Math.max(Math.abs(target), 1e-9);
}
