/**
 * The P-square estimator of one quantile (Jain and Chlamtac, 1985): five markers (minimum,
 * p/2, p, (1+p)/2, maximum) whose heights follow a piecewise-parabolic fit as values
 * arrive, in constant memory. Many estimators live side by side in one Float64Array, ten
 * numbers each (five heights, then five marker positions), so a day-by-day band over
 * thousands of days is a handful of flat arrays, not thousands of objects.
 * Deterministic: the same values in the same order give the same estimate.
 */
export const PSQ_SIZE = 10;

/** Marker k's desired position after `count` values (1-based), for quantile p. */
function desired(k: number, p: number, count: number): number {
  const f = k === 0 ? 0 : k === 1 ? p / 2 : k === 2 ? p : k === 3 ? (1 + p) / 2 : 1;
  return 1 + (count - 1) * f;
}

/**
 * Starts the estimator at s[o ..] from `count` >= 5 values sorted ascending: each marker
 * takes the order statistic nearest its desired position (kept strictly increasing).
 */
export function psqInit(s: Float64Array, o: number, p: number, sorted: ArrayLike<number>, count: number): void {
  let prev = 0;
  for (let k = 0; k < 5; k++) {
    const pos = Math.min(count - (4 - k), Math.max(prev + 1, Math.round(desired(k, p, count))));
    s[o + 5 + k] = pos;
    s[o + k] = sorted[pos - 1];
    prev = pos;
  }
}

/** Adds x (the `count`-th value, counting x itself) to the estimator at s[o ..]. */
export function psqAdd(s: Float64Array, o: number, p: number, x: number, count: number): void {
  const q = o, n = o + 5;
  let k: number;
  if (x < s[q]) { s[q] = x; k = 0; } else if (x >= s[q + 4]) { s[q + 4] = Math.max(s[q + 4], x); k = 3; } else {
    k = 0;
    while (k < 3 && x >= s[q + k + 1]) k++;
  }
  for (let i = k + 1; i < 5; i++) s[n + i]++;
  for (let i = 1; i <= 3; i++) {
    const d = desired(i, p, count) - s[n + i];
    const up = s[n + i + 1] - s[n + i], down = s[n + i - 1] - s[n + i];
    if ((d >= 1 && up > 1) || (d <= -1 && down < -1)) {
      const sg = d >= 0 ? 1 : -1;
      const qi = s[q + i], qp = s[q + i + 1], qm = s[q + i - 1];
      const ni = s[n + i], np = s[n + i + 1], nm = s[n + i - 1];
      const para = qi + (sg / (np - nm)) * ((ni - nm + sg) * (qp - qi) / (np - ni) + (np - ni - sg) * (qi - qm) / (ni - nm));
      if (qm < para && para < qp) s[q + i] = para;
      else s[q + i] = qi + (sg * (s[q + i + sg] - qi)) / (s[n + i + sg] - ni);
      s[n + i] = ni + sg;
    }
  }
}

/** The current estimate of the quantile. */
export const psqValue = (s: Float64Array, o: number): number => s[o + 2];
