/**
 * Statistics over replications: the mean of per-replication values with a t interval, and
 * the ratio estimator (sum of numerators / sum of denominators) with a delta-method interval
 * for shares of patients. Isomorphic and free of I/O.
 * NaN ("not defined" in one replication) is left out of a Stat; a Stat with no defined
 * value has null mean (JSON has no NaN).
 */
import type { Stat } from './format.js';
import { range } from './percentiles.js';

/** Two-sided 95% t quantiles for 1..30 degrees of freedom. */
const T975 = [
  12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135, 2.262157163, 2.228138852,
  2.20098516, 2.17881283, 2.160368656, 2.144786688, 2.131449546, 2.119905299, 2.109815578, 2.10092204, 2.093024054, 2.085963447,
  2.079613845, 2.073873068, 2.06865761, 2.063898562, 2.059538553, 2.055529439, 2.051830516, 2.048407142, 2.045229642, 2.042272456,
];

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom: a table up to 30, then
 * the Cornish-Fisher expansion around the normal quantile (error below 1e-6 from df 30 on).
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) return NaN;
  if (df <= 30 && Number.isInteger(df)) return T975[df - 1];
  const z = 1.959963984540054,
    z2 = z * z;
  const g1 = (z2 * z + z) / 4;
  const g2 = (5 * z2 * z2 * z + 16 * z2 * z + 3 * z) / 96;
  const g3 = (3 * z2 * z2 * z2 * z + 19 * z2 * z2 * z + 17 * z2 * z - 15 * z) / 384;
  return z + g1 / df + g2 / (df * df) + g3 / (df * df * df);
}

/** A Stat with no defined value. */
export const EMPTY_STAT: Readonly<Stat> = { mean: null, sd: null, ci95: [null, null], p10: null, p90: null, n: 0 };

/**
 * Mean, sample sd and the t-based 95% CI of the defined (finite) values, and their 10th and
 * 90th percentiles (percentiles.ts; `indices` are the rows' replication indices, which pick
 * the sample beyond RANGE_SAMPLE rows; the row positions when absent).
 */
export function stat(values: ArrayLike<number>, indices?: ArrayLike<number>): Stat {
  let n = 0,
    sum = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) {
      n++;
      sum += v;
    }
  }
  if (n === 0) return { ...EMPTY_STAT, ci95: [null, null] };
  const mean = sum / n;
  const { p10, p90 } = range(values, indices);
  if (n === 1) return { mean, sd: null, ci95: [null, null], p10, p90, n };
  let ss = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (Number.isFinite(v)) ss += (v - mean) * (v - mean);
  }
  const sd = Math.sqrt(ss / (n - 1));
  const half = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return { mean, sd, ci95: [mean - half, mean + half], p10, p90, n };
}

/**
 * A share of replications (values 0 or 1): the mean, with the Wilson score 95% interval instead
 * of the t interval, which for a share near 0 or 1 over few replications runs outside 0 to 1
 * (a probability of saving of 33% read "95% CI -110% to 177%" over 3 replications) and for a
 * share of exactly 0 or 1 collapses to a point. Wilson's stays in [0, 1] and keeps a width.
 */
export function shareStat(values: ArrayLike<number>, indices?: ArrayLike<number>): Stat {
  const s = stat(values, indices);
  return s.mean === null || s.n < 2 ? s : { ...s, ci95: wilson(s.mean, s.n) };
}

/** Quantile with linear interpolation between order statistics (R type 7), of the first `length` sorted values. */
export function quantile(sorted: readonly number[], p: number, length = sorted.length): number {
  if (length === 0) return NaN;
  const h = (length - 1) * p,
    lo = Math.floor(h);
  const hi = Math.min(lo + 1, length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/**
 * The delta method linearises the ratio estimator R = sum(x) / sum(y): replication i
 * contributes z_i = R + (x_i - R y_i) / mean(y). The z_i average exactly to R and their
 * sample sd, over sqrt(n), is the estimator's standard error; a t interval on them is the
 * delta-method CI. Returns null when no replication has a positive denominator. Pairs with
 * a non-finite part are left out (a replication that never measured the share).
 */
export function linearisedRatio(num: ArrayLike<number>, den: ArrayLike<number>): { ratio: number; z: Float64Array } | null {
  let sx = 0,
    sy = 0,
    n = 0;
  for (let i = 0; i < num.length; i++) {
    if (!Number.isFinite(num[i]) || !Number.isFinite(den[i])) continue;
    sx += num[i];
    sy += den[i];
    n++;
  }
  if (!(sy > 0)) return null;
  const ratio = sx / sy,
    ybar = sy / n;
  const z = new Float64Array(num.length).fill(NaN);
  for (let i = 0; i < num.length; i++) {
    if (!Number.isFinite(num[i]) || !Number.isFinite(den[i])) continue;
    z[i] = ratio + (num[i] - ratio * den[i]) / ybar;
  }
  return { ratio, z };
}

/**
 * The ratio estimator of a share: sum of numerators / sum of denominators over the
 * replications (each replication weighs by its own number of patients), with the
 * delta-method 95% CI. `sd` is the sd of the linearised values (standard error times
 * sqrt(n)), so `ci95` is mean +/- t * sd / sqrt(n) as for every other Stat; `n` counts the
 * replications that took part, including those with no patient to count (denominator 0).
 */
export function ratioStat(num: ArrayLike<number>, den: ArrayLike<number>, indices?: ArrayLike<number>): Stat {
  const lin = linearisedRatio(num, den);
  if (!lin) return { ...EMPTY_STAT, ci95: [null, null] };
  return withRange(withMean(stat(lin.z, indices), lin.ratio), shares(num, den), indices);
}

/**
 * Each replication's own share (NaN where it had no patient to count): the outcome range of
 * a share is over these, not over the linearised values that carry its CI.
 */
export function shares(num: ArrayLike<number>, den: ArrayLike<number>): Float64Array {
  const out = new Float64Array(num.length);
  for (let i = 0; i < num.length; i++) out[i] = den[i] > 0 && Number.isFinite(num[i]) ? num[i] / den[i] : NaN;
  return out;
}

/** The Stat with its p10/p90 read from `values` (the replication values the range is of). */
export function withRange(s: Stat, values: ArrayLike<number>, indices?: ArrayLike<number>): Stat {
  if (s.mean === null) return s;
  const { p10, p90 } = range(values, indices);
  return { mean: s.mean, sd: s.sd, ci95: s.ci95, p10, p90, n: s.n };
}

/** A Stat of linearised values, re-centred on the exact estimate (the z average to it up to rounding). */
export function withMean(s: Stat, mean: number): Stat {
  if (s.mean === null) return s;
  if (s.ci95[0] === null || s.ci95[1] === null) return { ...s, mean };
  const half = (s.ci95[1] - s.ci95[0]) / 2;
  return { mean, sd: s.sd, ci95: [mean - half, mean + half], p10: s.p10, p90: s.p90, n: s.n };
}

const LANCZOS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** log Γ(x) for x > 0 (Lanczos, g = 7: about 15 significant digits); for the likelihoods of `caresim fit` and the binomial tests of `caresim compare`. */
export function logGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/**
 * Wilson's 95% interval of a share from n trials (n may be an effective, non-integer count):
 * sound near 0% and 100%, where p ± 1.96 se leaves [0, 1]. For the routing shares of
 * `caresim fit` and the band coverage of `caresim compare`.
 */
export function wilson(share: number, n: number): [number, number] {
  if (!(n > 0)) return [0, 1];
  const z = 1.959963984540054,
    z2 = z * z;
  const centre = (share + z2 / (2 * n)) / (1 + z2 / n);
  const half = (z / (1 + z2 / n)) * Math.sqrt((share * (1 - share)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** Ranks from 1, ties given their average rank. */
export function ranks(x: readonly number[]): number[] {
  const idx = x.map((_, i) => i).sort((a, b) => x[a] - x[b]);
  const r = new Array<number>(x.length);
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && x[idx[j + 1]] === x[idx[i]]) j++;
    const avg = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) r[idx[k]] = avg;
    i = j + 1;
  }
  return r;
}
