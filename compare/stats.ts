/**
 * The statistics of a comparison. Daily values of a bed count are strongly autocorrelated
 * (a patient in today is mostly in tomorrow), so 365 days are far fewer than 365
 * independent checks: every test here uses an effective sample size instead of the day count.
 */
import { logGamma } from '../results/index.js';

export { logGamma };

/**
 * Effective sample size of a daily series with gaps (NaN = not observed): n / tau with
 * tau = 1 + 2 sum of autocorrelations, summed by Geyer's initial positive sequence (pairs of
 * lags while their sum is positive and falling). Unlike the lag-1 formula n (1 - r) / (1 + r),
 * this does not overstate the sample when correlation decays slowly (a long length of stay).
 */
export function effectiveSampleSize(x: readonly number[]): number {
  const present = x.filter((v) => Number.isFinite(v));
  const n = present.length;
  if (n < 3) return n;
  const mean = present.reduce((a, b) => a + b, 0) / n;
  const c0 = present.reduce((a, v) => a + (v - mean) ** 2, 0) / n;
  if (c0 === 0) return n;
  const rho = (k: number): number => {
    let s = 0;
    for (let t = 0; t + k < x.length; t++) {
      const a = x[t],
        b = x[t + k];
      if (Number.isFinite(a) && Number.isFinite(b)) s += (a - mean) * (b - mean);
    }
    return s / n / c0;
  };
  let tau = -1,
    prev = Infinity;
  for (let m = 0; 2 * m + 1 < x.length; m++) {
    let g = (m === 0 ? 1 : rho(2 * m)) + rho(2 * m + 1);
    if (g <= 0) break;
    g = Math.min(g, prev); // initial monotone sequence
    tau += 2 * g;
    prev = g;
  }
  return Math.max(1, Math.min(n, n / Math.max(tau, 1e-9)));
}

function binomialPmf(k: number, n: number, p: number): number {
  if (p <= 0) return k === 0 ? 1 : 0;
  if (p >= 1) return k === n ? 1 : 0;
  return Math.exp(logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log(1 - p));
}

/** Two-sided exact binomial test of k successes in n trials against rate p (sum of the outcomes no likelier than k). */
export function binomialTest(k: number, n: number, p: number): number {
  const pk = binomialPmf(k, n, p);
  let total = 0;
  for (let i = 0; i <= n; i++) {
    const pi = binomialPmf(i, n, p);
    if (pi <= pk * (1 + 1e-7)) total += pi;
  }
  return Math.min(1, total);
}

/** Regularised incomplete beta I_x(a, b) (continued fraction, Lentz's method). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use symmetry otherwise.
  if (x > (a + 1) / (a + b + 2)) return 1 - incompleteBeta(1 - x, b, a);
  const tiny = 1e-300;
  let c = 1,
    d = 1 - ((a + b) * x) / (a + 1);
  d = 1 / (Math.abs(d) < tiny ? tiny : d);
  let f = d;
  for (let m = 1; m <= 300; m++) {
    for (const num of [
      (m * (b - m) * x) / ((a + 2 * m - 1) * (a + 2 * m)),
      (-(a + m) * (a + b + m) * x) / ((a + 2 * m) * (a + 2 * m + 1)),
    ]) {
      d = 1 + num * d;
      d = 1 / (Math.abs(d) < tiny ? tiny : d);
      c = 1 + num / c;
      if (Math.abs(c) < tiny) c = tiny;
      f *= c * d;
    }
    if (Math.abs(c * d - 1) < 1e-15) break;
  }
  return (front * f) / a;
}

/** Two-sided p-value of Student's t statistic with df degrees of freedom. */
export function tTestTwoSided(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}
