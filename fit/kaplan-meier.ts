/**
 * The Kaplan–Meier estimate of the survival function: the censoring-aware reference every
 * fitted curve is judged against. The sample comes sorted and counted (see Sample), so this
 * is one merge of its finished and censored durations.
 */
import type { Sample } from './sample.js';

export interface KaplanMeier {
  /** Distinct times of finished stays, ascending. */
  t: Float64Array;
  /** S just after each time. */
  s: Float64Array;
}

export function kaplanMeier(sample: Sample): KaplanMeier {
  // The sample holds distinct finished durations ascending, then distinct censored ones ascending.
  let k = 0;
  while (k < sample.m && !sample.cens[k]) k++;
  const ts: number[] = [],
    ss: number[] = [];
  let atRisk = sample.n,
    s = 1,
    j = k;
  for (let i = 0; i < k; i++) {
    const t = sample.t[i];
    // Censored at t counts as at risk at t (the usual convention: censoring after the event).
    while (j < sample.m && sample.t[j] < t) atRisk -= sample.w[j++];
    const d = sample.w[i];
    s *= 1 - d / atRisk;
    atRisk -= d;
    ts.push(t);
    ss.push(s);
  }
  return { t: Float64Array.from(ts), s: Float64Array.from(ss) };
}

/** The u-quantile of the KM distribution, or NaN when the estimate never falls that far. */
export function kmQuantile(km: KaplanMeier, u: number): number {
  const target = 1 - u;
  let lo = 0,
    hi = km.s.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (km.s[mid] <= target + 1e-12) hi = mid;
    else lo = mid + 1;
  }
  return lo < km.s.length ? km.t[lo] : NaN;
}

/** Largest vertical distance between the KM step function and a fitted survival curve. */
export function kmDistance(km: KaplanMeier, cdf: (x: number) => number): number {
  let d = 0,
    before = 1;
  for (let i = 0; i < km.t.length; i++) {
    const sf = 1 - cdf(km.t[i]);
    d = Math.max(d, Math.abs(km.s[i] - sf), Math.abs(before - sf));
    before = km.s[i];
  }
  return d;
}
