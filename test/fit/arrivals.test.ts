import { describe, expect, it } from 'vitest';
import { fitArrivals } from '../../fit/arrivals.js';
import { dayNumber, weekday } from '../../fit/dates.js';
import { makeStream } from '../../engine/random.js';
import { binomialLowerBound } from './known.js';

const WEEK = [1.2, 1.05, 1.0, 1.0, 1.0, 0.85, 0.9];
const wk = WEEK.map((x) => (7 * x) / WEEK.reduce((a, b) => a + b, 0));

/** Daily Poisson counts: rate x weekday x (1 + A cos(2π(d - peak)/365.25)) x growth. */
function series(seed: number, days: number, rate: number, amp: number, peak: number, growth = 0): { first: number; counts: Float64Array } {
  const rng = makeStream(seed, 0, 'arrivals-test');
  const first = dayNumber(2025, 1, 1),
    mid = first + (days - 1) / 2;
  const counts = new Float64Array(days);
  for (let i = 0; i < days; i++) {
    const d = first + i;
    const lambda =
      rate * wk[weekday(d)] * (1 + amp * Math.cos((2 * Math.PI * (d - peak)) / 365.25)) * Math.exp((growth * (d - mid)) / 365.25);
    let n = 0;
    for (let t = -Math.log(1 - rng.next()) / lambda; t < 1; t += -Math.log(1 - rng.next()) / lambda) n++;
    counts[i] = n;
  }
  return { first, counts };
}

describe('fitArrivals', () => {
  it('fitArrivals(two years of daily counts) recovers the weekday profile, the seasonal amplitude and peak, and a trend', () => {
    const peak = dayNumber(2025, 1, 20);
    const { first, counts } = series(5, 730, 60, 0.15, peak, Math.log(1.05));
    const a = fitArrivals(first, counts, null);
    a.weekday!.forEach((f, i) => expect(Math.abs(f - wk[i]), `weekday ${i}`).toBeLessThan(0.04));
    expect(a.season!.lo).toBeLessThanOrEqual(0.15);
    expect(a.season!.hi).toBeGreaterThanOrEqual(0.15);
    // The peak is within a week of the truth (modulo a year).
    const off = ((((a.season!.peak - peak) % 365.25) + 365.25 + 182) % 365.25) - 182;
    expect(Math.abs(off)).toBeLessThan(7);
    expect(a.trend!.lo).toBeLessThanOrEqual(0.05);
    expect(a.trend!.hi).toBeGreaterThanOrEqual(0.05);
    expect(a.dispersion).toBeGreaterThan(0.85);
    expect(a.dispersion).toBeLessThan(1.15);
  });

  it('fitArrivals(counts): the 95% interval of the mean rate covers the true rate as often as it should over 40 seeds', () => {
    let covered = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const { first, counts } = series(100 + seed, 120, 12, 0, 0);
      // With a flat profile over a whole number of weeks the mean rate is the generating one.
      const a = fitArrivals(first, counts.subarray(0, 119), null);
      if (a.rateLo <= 12 && 12 <= a.rateHi) covered++;
    }
    expect(covered).toBeGreaterThanOrEqual(binomialLowerBound(40, 0.95));
  });

  it('fitArrivals(days missing from a counts file) leaves them out instead of counting zeros', () => {
    const { first, counts } = series(9, 140, 20, 0, 0);
    const present = new Uint8Array(140).fill(1);
    for (let i = 0; i < 140; i += 3) {
      present[i] = 0;
      counts[i] = 0;
    }
    const a = fitArrivals(first, counts, null, present);
    expect(a.days).toBe(140 - 47);
    expect(a.rateLo).toBeLessThan(20);
    expect(a.rateHi).toBeGreaterThan(20);
  });

  it('fitArrivals(less than a year) writes no seasonality or trend and says why', () => {
    const { first, counts } = series(3, 200, 20, 0.2, 0);
    const a = fitArrivals(first, counts, null);
    expect(a.season).toBeNull();
    expect(a.trend).toBeNull();
    expect(a.notes.join(' ')).toMatch(/less than a year/);
  });
});
