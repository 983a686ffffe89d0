/**
 * MSER-5 (White, 1997; Franklin and White, 2008): where to end the warm-up. The series is
 * cut into batch means of 5; the truncation point d minimises the marginal standard error
 * of what remains, sum over j > d of (z_j - mean)^2 / (m - d)^2, searched over the first
 * half only (beyond it the statistic is unreliable).
 */
export const MSER_BATCH = 5;

/** Steps (of the input series) to drop; null for a series too short to judge (under 10 batches). */
export function mser5(xs: readonly number[]): number | null {
  const m = Math.floor(xs.length / MSER_BATCH);
  if (m < 10) return null;
  const z: number[] = [];
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let i = 0; i < MSER_BATCH; i++) s += xs[j * MSER_BATCH + i];
    z.push(s / MSER_BATCH);
  }
  // Suffix sums give each truncation's statistic in O(1).
  const sum = new Array<number>(m + 1).fill(0),
    sq = new Array<number>(m + 1).fill(0);
  for (let j = m - 1; j >= 0; j--) {
    sum[j] = sum[j + 1] + z[j];
    sq[j] = sq[j + 1] + z[j] * z[j];
  }
  let best = 0,
    bestValue = Infinity;
  for (let d = 0; d <= Math.floor(m / 2); d++) {
    const k = m - d;
    const value = Math.max(0, sq[d] - (sum[d] * sum[d]) / k) / (k * k);
    if (value < bestValue) {
      bestValue = value;
      best = d;
    }
  }
  return best * MSER_BATCH;
}
