import { describe, expect, it } from 'vitest';
import { compareFiles } from '../../compare/index.js';
import { compareSeries, expectedCoverage } from '../../compare/compare.js';
import type { AlignedSeries } from '../../compare/match.js';
import { bandResults, longCsv, observedSeries } from './fixture.js';

const run = (resultsText: string, observedText: string) =>
  compareFiles({ resultsFile: 'results.json', resultsText, observedFile: 'observed.csv', observedText }).comparison;

describe('expectedCoverage(band, replications)', () => {
  it('is (R - 1)(q - p) / (R + 1): what a fresh draw from the model reaches', () => {
    expect(expectedCoverage({ percentiles: [5, 95], keys: ['p05', 'p95'] }, 20)).toBeCloseTo((19 * 0.9) / 21, 12);
    expect(expectedCoverage({ percentiles: [10, 90], keys: ['p10', 'p90'] }, 100)).toBeCloseTo((99 * 0.8) / 101, 12);
  });
});

describe('compareFiles(results, observed) on series drawn from the model itself', () => {
  it('covers the band at the expected rate and calls (nearly) every series consistent', async () => {
    const R = 100,
      N = 20;
    const results = await bandResults(2, R, 'band');
    const observed = await observedSeries(2, N, 'observed');
    const text = JSON.stringify(results);
    const comparisons = observed.map((o) => run(text, longCsv('ward.occupancy', o)).series[0]);
    const expected = ((R - 1) * 0.9) / (R + 1);
    const cov = comparisons.map((c) => c.coverage!);
    const mean = cov.reduce((a, b) => a + b, 0) / N;
    const sd = Math.sqrt(cov.reduce((a, c) => a + (c - mean) ** 2, 0) / (N - 1));
    const ess = comparisons.reduce((a, c) => a + c.effective_days, 0) / N;
    // The observed series are independent of each other, so their spread measures the error
    // of the mean coverage; the band itself is estimated from R replications (a Beta error
    // per day, averaged over about `ess` independent days).
    const tolerance = 3 * Math.sqrt(sd ** 2 / N + (expected * (1 - expected)) / ((R + 2) * ess));
    expect(Math.abs(mean - expected)).toBeLessThan(tolerance);
    // At alpha = 0.05 a calibrated test flags about 1 in 20; 5 or more of 20 has probability 1.6%.
    expect(comparisons.filter((c) => c.verdict !== 'consistent').length).toBeLessThan(5);
    // Daily occupancy with 2-day stays: far fewer independent days than days.
    for (const c of comparisons) expect(c.effective_days).toBeLessThan(c.days / 2);
  });
});

describe('compareFiles(results, observed) on a mis-calibrated baseline', () => {
  it('flags a baseline whose stays are 20% too short as running too low', async () => {
    const results = JSON.stringify(await bandResults(2, 60, 'band'));
    const observed = await observedSeries(2.4, 5, 'observed');
    for (const o of observed) {
      const c = run(results, longCsv('ward.occupancy', o));
      expect(c.mismatches).toBe(1);
      expect(c.series[0].verdict).toBe('simulated too low');
      // Occupancy of M/M/inf is rate x stay: 40 simulated against 48 observed.
      expect(c.series[0].relative_error!).toBeGreaterThan(0.1);
      expect(c.series[0].relative_error!).toBeLessThan(0.3);
    }
  });

  it('flags a baseline whose stays are 20% too long as running too high', async () => {
    const results = JSON.stringify(await bandResults(2.4, 60, 'band'));
    const [o] = await observedSeries(2, 1, 'observed');
    expect(run(results, longCsv('ward.occupancy', o)).series[0].verdict).toBe('simulated too high');
  });
});

describe('compareFiles(results, observed) on daily admissions', () => {
  // Admissions to an unlimited ward are Poisson(20) a day, independent from day to day.
  it('accepts admissions drawn from the same arrival rate, not calling whole counts a band too wide', async () => {
    const R = 60,
      N = 20;
    const results = JSON.stringify(await bandResults(2, R, 'band'));
    const observed = await observedSeries(2, N, 'observed', 20, 'admissions');
    const comparisons = observed.map((o) => run(results, longCsv('ward.admissions', o)).series[0]);
    // Whole counts land inside a band of whole counts more often than the continuous rate
    // (R - 1)(q - p) / (R + 1); on its own that would read as a band too wide.
    const expected = ((R - 1) * 0.9) / (R + 1);
    const cov = comparisons.map((c) => c.coverage!).reduce((a, b) => a + b, 0) / N;
    expect(cov).toBeGreaterThan(expected);
    expect(comparisons.filter((c) => c.verdict === 'band too wide')).toEqual([]);
    // At alpha = 0.05 a calibrated test flags about 1 in 20; 5 or more of 20 has probability 1.6%.
    expect(comparisons.filter((c) => c.verdict !== 'consistent').length).toBeLessThan(5);
    // A year of Poisson(20) days: the observed mean is within 4 sd (0.23) of 20.
    for (const c of comparisons) expect(Math.abs(c.observed_mean! - 20)).toBeLessThan(4 * Math.sqrt(20 / 365));
  });

  it('flags a baseline whose arrival rate is 20% too low', async () => {
    const results = JSON.stringify(await bandResults(2, 60, 'band'));
    const observed = await observedSeries(2, 5, 'observed', 24, 'admissions');
    for (const o of observed) {
      const c = run(results, longCsv('ward.admissions', o));
      expect(c.mismatches).toBe(1);
      expect(c.series[0].verdict).toBe('simulated too low');
      // 20 a day simulated against 24 observed.
      expect(c.series[0].relative_error!).toBeGreaterThan(0.1);
      expect(c.series[0].relative_error!).toBeLessThan(0.3);
    }
  });
});

describe('compareSeries(series, expected, label)', () => {
  const day = (index: number, observed: number, lo = 10, hi = 20) => ({ index, date: '', observed, mean: (lo + hi) / 2, lo, hi });
  const series = (days: AlignedSeries['days'], period: AlignedSeries['period'] = null, simulatedDays = days.length): AlignedSeries => ({
    name: 'a.queue',
    unit: 'a',
    series: 'queue',
    days,
    missing: 0,
    simulatedDays,
    period,
  });

  it('calls misses on both sides a band too narrow, and counts bounds as inside', () => {
    const days = Array.from({ length: 200 }, (_, i) => day(i, [5, 25, 10, 20][i % 4]));
    const c = compareSeries(series(days), 0.9, '5–95%');
    expect(c.coverage).toBe(0.5);
    expect(c.below_band).toBe(0.25);
    expect(c.verdict).toBe('band too narrow');
  });

  it('does not call a band too wide when the observed values sit on its bound (a series that is mostly 0)', () => {
    const days = Array.from({ length: 200 }, (_, i) => day(i, i % 7 === 0 ? 1 : 0, 0, i % 7 === 0 ? 2 : 0));
    const c = compareSeries(series(days), 0.8, '5–95%');
    expect(c.coverage).toBe(1);
    expect(c.verdict).toBe('consistent');
    expect(c.summary).toContain('sit exactly on a bound');
  });

  it('calls an observed series that never leaves the middle of a wide band a band too wide', () => {
    const days = Array.from({ length: 300 }, (_, i) => day(i, 15 + ((i * 7) % 5) / 10));
    expect(compareSeries(series(days), 0.5, '5–95%').verdict).toBe('band too wide');
  });

  it('flags a period mean that one more replication would not give, even when the daily coverage looks fine', () => {
    // Observed 16 on every day of a 10-20 band: inside, but the replications' period means are 15 +- 0.2.
    const days = Array.from({ length: 100 }, (_, i) => day(i, 16 + 0.5 * Math.sin(i)));
    const flat = compareSeries(series(days), 0.9, '5–95%');
    expect(flat.period_mean_test).toBeNull();
    const c = compareSeries(series(days, { mean: 15, sd: 0.2, n: 30 }), 0.9, '5–95%');
    expect(c.period_mean_test!.t).toBeCloseTo((16 - 15) / (0.2 * Math.sqrt(1 + 1 / 30)), 1);
    expect(c.period_mean_test!.p_value).toBeLessThan(1e-4);
    expect(c.verdict).toBe('simulated too low');
    // The same observed days over a fifth of a longer simulated period: no period test.
    expect(compareSeries(series(days, { mean: 15, sd: 0.2, n: 30 }, 500), 0.9, '5–95%').period_mean_test).toBeNull();
  });
});
