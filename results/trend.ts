/**
 * Is a daily series still rising? The Mann–Kendall trend test with its variance corrected
 * for autocorrelation (Hamed and Rao's formula, with the lags of an AR(1) fitted to the
 * detrended ranks): a daily queue series is strongly autocorrelated, and the plain test
 * would call a slow swing a trend. Sen's slope gives the size.
 */
import { normalUpper } from './normal.js';
import { ranks } from './statistics.js';

export interface Trend {
  /** Sen's slope: median of pairwise slopes, per step of the series. */
  slope: number;
  /** Corrected standard normal score of the Mann–Kendall S. */
  z: number;
  /** One-sided p-value for an increasing trend. */
  p: number;
}

/**
 * Most points the test works on: longer series are cut into batch means. Means over a week
 * or more remove the weekly cycle and most of the day-to-day autocorrelation, which the
 * Hamed–Rao correction only partly removes when it is strong (and the test is O(n^2)).
 */
export const MAX_POINTS = 52;

/** Means of consecutive batches, so at most `max` points remain; returns the batch size too. */
export function batchMeans(xs: readonly number[], max = MAX_POINTS): { points: number[]; size: number } {
  const size = Math.max(1, Math.ceil(xs.length / max));
  const points: number[] = [];
  for (let i = 0; i + size <= xs.length; i += size) {
    let s = 0;
    for (let j = i; j < i + size; j++) s += xs[j];
    points.push(s / size);
  }
  return { points, size };
}

/** Mann–Kendall with the autocorrelation correction; null for fewer than 10 points or a flat series. */
export function mannKendall(xs: readonly number[]): Trend | null {
  const n = xs.length;
  if (n < 10) return null;
  let s = 0;
  const slopes: number[] = [];
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const d = xs[j] - xs[i];
      s += d > 0 ? 1 : d < 0 ? -1 : 0;
      slopes.push(d / (j - i));
    }
  }
  slopes.sort((a, b) => a - b);
  const m = slopes.length;
  const slope = m % 2 ? slopes[(m - 1) / 2] : (slopes[m / 2 - 1] + slopes[m / 2]) / 2;
  // Variance of S with the correction for ties.
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let ties = 0;
  for (const t of counts.values()) ties += t * (t - 1) * (2 * t + 5);
  const var0 = (n * (n - 1) * (2 * n + 5) - ties) / 18;
  if (var0 <= 0) return null;
  // Autocorrelation of the ranks of the detrended series. Hamed and Rao sum the significant
  // lags of its sample autocorrelation, which under-corrects strong persistence (a
  // trend-free AR(1) with phi = 0.95 was called rising at 5% in 16% of cases); the lags an
  // AR(1) with the lag-1 value implies (as Yue and Wang, 2004) keep the level near 5%.
  const r = ranks(xs.map((x, i) => x - slope * i));
  const mean = (n + 1) / 2;
  let c0 = 0,
    c1 = 0;
  for (let i = 0; i < n; i++) c0 += (r[i] - mean) ** 2;
  for (let i = 0; i + 1 < n; i++) c1 += (r[i] - mean) * (r[i + 1] - mean);
  const rho1 = c0 > 0 ? Math.max(0, c1 / c0) : 0;
  let sum = 0;
  for (let k = 1, rho = rho1; k < n - 2; k++, rho *= rho1) sum += (n - k) * (n - k - 1) * (n - k - 2) * rho;
  const factor = Math.max(1, 1 + (2 / (n * (n - 1) * (n - 2))) * sum);
  const z = s === 0 ? 0 : (s - Math.sign(s)) / Math.sqrt(var0 * factor);
  return { slope, z, p: normalUpper(z) };
}
