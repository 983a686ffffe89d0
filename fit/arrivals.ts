/**
 * Arrival rates from daily counts: the mean rate with its interval, the weekday profile, and,
 * with a year or more of data, the yearly seasonality (amplitude and peak) and the trend, all
 * from one Poisson regression of the daily count on weekday, cos/sin of the day of the year and
 * time. The seasonality is turned into caresim's form, 1 + A cos(2π(t - peak)/year): a log-linear
 * r cos(...) has the same peak-to-trough ratio when A = tanh(r).
 */
import { poissonRegression } from './poisson.js';
import { weekday } from './dates.js';

export interface ArrivalFit {
  /** First and last whole day counted. */
  first: number;
  last: number;
  days: number;
  total: number;
  /** Mean arrivals per day over the extract, and its 95% interval (quasi-Poisson). */
  rate: number;
  rateLo: number;
  rateHi: number;
  /** Monday..Sunday factors, mean 1; null with fewer than four weeks. */
  weekday: number[] | null;
  /** 0..23 factors, mean 1; null without times of day. */
  hour: number[] | null;
  /** Amplitude A (caresim's form) with 95% interval, and the day number of a peak. */
  season: { amplitude: number; lo: number; hi: number; peak: number } | null;
  /** Relative change per year (e^b - 1) with 95% interval. */
  trend: { perYear: number; lo: number; hi: number } | null;
  dispersion: number;
  notes: string[];
}

const YEAR = 365.25;
const Z = 1.959964;

/**
 * counts[i] = arrivals on day first + i; hours = arrivals per hour of day (or null);
 * present[i] = 0 for a day with no record (left out, not taken as zero).
 */
export function fitArrivals(
  first: number,
  counts: ArrayLike<number>,
  hours: ArrayLike<number> | null,
  present?: ArrayLike<number>,
): ArrivalFit {
  const span = counts.length;
  const has = (i: number) => !present || present[i] === 1;
  let total = 0,
    days = 0;
  for (let i = 0; i < span; i++)
    if (has(i)) {
      total += counts[i];
      days++;
    }
  const notes: string[] = [];
  const useWeek = days >= 28,
    useYear = span >= 365 && days >= 300;
  if (!useWeek) notes.push('fewer than 4 weeks of data: no weekday profile');
  if (!useYear) notes.push('less than a year of data: no seasonality or trend (they cannot be told apart)');
  const mid = first + (span - 1) / 2;
  const X: number[][] = [],
    y: number[] = [];
  for (let i = 0; i < span; i++) {
    if (!has(i)) continue;
    y.push(counts[i]);
    const d = first + i,
      row = [1];
    if (useWeek) {
      const w = weekday(d);
      for (let k = 1; k < 7; k++) row.push(w === k ? 1 : 0);
    }
    if (useYear) {
      const th = (2 * Math.PI * d) / YEAR;
      row.push(Math.cos(th), Math.sin(th), (d - mid) / YEAR);
    }
    X.push(row);
  }
  const fit = total > 0 ? poissonRegression(X, y) : null;
  const dispersion = fit ? fit.dispersion : 1;
  const rate = total / days;
  const se = Math.sqrt(Math.max(1, dispersion) / Math.max(total, 1));
  const out: ArrivalFit = {
    first,
    last: first + span - 1,
    days,
    total,
    rate,
    rateLo: rate * Math.exp(-Z * se),
    rateHi: rate * Math.exp(Z * se),
    weekday: null,
    hour: null,
    season: null,
    trend: null,
    dispersion,
    notes,
  };
  if (fit && useWeek) {
    const f = [1, ...fit.beta.slice(1, 7).map(Math.exp)];
    const m = f.reduce((a, b) => a + b, 0) / 7;
    out.weekday = f.map((x) => x / m);
  }
  if (fit && useYear) {
    const j = useWeek ? 7 : 1;
    const a = fit.beta[j],
      b = fit.beta[j + 1],
      r = Math.hypot(a, b);
    const va = fit.cov[j][j],
      vb = fit.cov[j + 1][j + 1],
      cab = fit.cov[j][j + 1];
    const sr = r > 0 ? Math.sqrt((a * a * va + b * b * vb + 2 * a * b * cab) / (r * r)) : 0;
    const phase = Math.atan2(b, a); // the peak is where 2πd/YEAR = phase (mod 2π)
    let peak = (phase / (2 * Math.PI)) * YEAR;
    while (peak < first) peak += YEAR;
    while (peak >= first + YEAR) peak -= YEAR;
    out.season = { amplitude: Math.tanh(r), lo: Math.tanh(Math.max(0, r - Z * sr)), hi: Math.tanh(r + Z * sr), peak: Math.floor(peak) };
    const t = fit.beta[j + 2],
      st = Math.sqrt(fit.cov[j + 2][j + 2]);
    out.trend = { perYear: Math.expm1(t), lo: Math.expm1(t - Z * st), hi: Math.expm1(t + Z * st) };
  }
  if (hours) {
    let h = 0;
    for (let i = 0; i < 24; i++) h += hours[i];
    if (h > 0) out.hour = Array.from({ length: 24 }, (_, i) => (24 * hours[i]) / h);
  }
  return out;
}
