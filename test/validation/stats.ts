/**
 * Confidence intervals over independent replications. A theoretical value is accepted when
 * it lies inside the 95% t-interval of the replication means, optionally widened by a stated
 * bias allowance (e.g. the 1% bins of the wait histogram behind `wait_p95`).
 */

/** Two-sided 97.5% quantiles of Student's t for 1..30 degrees of freedom. */
const T975 = [
  12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131, 2.12, 2.11, 2.101, 2.093, 2.086,
  2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042,
];

export function t975(df: number): number {
  if (df < 1) return Infinity;
  if (df <= 30) return T975[df - 1];
  // Cornish-Fisher expansion around the normal quantile; error < 1e-3 for df > 30.
  const z = 1.959964;
  return z + (z ** 3 + z) / (4 * df) + (5 * z ** 5 + 16 * z ** 3 + 3 * z) / (96 * df * df);
}

export interface Interval {
  mean: number;
  sd: number;
  n: number;
  lo: number;
  hi: number;
}

/** CI of the mean of xs; `tq` overrides the t quantile (for a family of checks, Bonferroni). */
export function ci95(xs: number[], tq?: number): Interval {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1));
  const h = ((tq ?? t975(n - 1)) * sd) / Math.sqrt(n);
  return { mean, sd, n, lo: mean - h, hi: mean + h };
}

export function sampleVariance(xs: number[]): number {
  const n = xs.length;
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  return xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
}

/**
 * Asserts that `theory` lies in the 95% CI of `xs`, widened on each side by `bias`
 * (an absolute allowance for a known, bounded estimator bias; 0 when there is none).
 * Throws with the numbers so a failure explains itself.
 */
export function expectInCi(label: string, xs: number[], theory: number, bias = 0, tq?: number): Interval {
  const ci = ci95(xs, tq);
  if (!(theory >= ci.lo - bias && theory <= ci.hi + bias)) {
    throw new Error(
      `${label}: theory ${theory} outside 95% CI [${ci.lo}, ${ci.hi}]` +
        `${bias ? ` widened by ${bias}` : ''} (mean ${ci.mean}, sd ${ci.sd}, n ${ci.n})`,
    );
  }
  return ci;
}
