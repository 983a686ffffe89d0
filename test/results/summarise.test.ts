import { describe, expect, it } from 'vitest';
import { summariseStrategy, pairedDifferences, summarise, warmupAid } from '../../results/summarise.js';
import { precision, relativeHalfWidth } from '../../results/precision.js';
import { stat, tQuantile975, quantile } from '../../results/statistics.js';
import { firstMeasuredDay } from '../../results/summary-fold.js';
import { simulate, buildModel, exponential, makeStream, DAY, HOUR } from '../../engine/index.js';
import type { ReplicationResult } from '../../engine/index.js';
import { BAND_SAMPLE } from '../../results/daily-bands.js';

const model = buildModel({
  horizon: 30 * DAY,
  warmup: 5 * DAY,
  units: { acute: { kind: 'beds', role: 'acute', capacity: 6, service: exponential(2 * DAY), queue: 0, next: { home: 1 }, cost: 300 } },
  sources: { a: { rate: 2.5 / DAY, to: 'acute' } },
});
const reps: ReplicationResult[] = [0, 1, 2, 3, 4, 5, 6, 7].map((r) => simulate(model, { seed: 11, replication: r }));

describe('tQuantile975(df)', () => {
  it('matches published two-sided 95% t values', () => {
    expect(tQuantile975(1)).toBeCloseTo(12.7062, 4);
    expect(tQuantile975(4)).toBeCloseTo(2.7764, 4);
    expect(tQuantile975(29)).toBeCloseTo(2.0452, 4);
    expect(tQuantile975(40)).toBeCloseTo(2.0211, 4);
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 4);
    expect(tQuantile975(120)).toBeCloseTo(1.9799, 4);
    expect(tQuantile975(1e9)).toBeCloseTo(1.95996, 5);
  });
  it('is undefined below one degree of freedom', () => {
    expect(tQuantile975(0)).toBeNaN();
  });
});

describe('stat(values)', () => {
  it('gives mean, sample sd and a t-based CI', () => {
    const s = stat([1, 2, 3, 4]);
    const sd = Math.sqrt(5 / 3);
    expect(s.mean).toBe(2.5);
    expect(s.sd).toBeCloseTo(sd, 12);
    expect(s.ci95[0]).toBeCloseTo(2.5 - (3.182446305 * sd) / 2, 9);
    expect(s.ci95[1]).toBeCloseTo(2.5 + (3.182446305 * sd) / 2, 9);
    expect(s.n).toBe(4);
  });
  it('leaves out NaN and reports null when nothing is defined', () => {
    expect(stat([NaN, 2, 4]).n).toBe(2);
    expect(stat([NaN, 2, 4]).mean).toBe(3);
    expect(stat([NaN])).toEqual({ mean: null, sd: null, ci95: [null, null], p10: null, p90: null, n: 0 });
    expect(stat([7])).toEqual({ mean: 7, sd: null, ci95: [null, null], p10: 7, p90: 7, n: 1 });
  });
  it('covers the true mean of small normal samples 95% of the time', () => {
    const rng = makeStream(2027, 0, 'coverage');
    const normal = () => Math.sqrt(-2 * Math.log(rng.next())) * Math.cos(2 * Math.PI * rng.next());
    let covered = 0;
    const trials = 4000;
    for (let t = 0; t < trials; t++) {
      const s = stat([normal(), normal(), normal(), normal(), normal()]);
      if (s.ci95[0]! <= 0 && 0 <= s.ci95[1]!) covered++;
    }
    // Binomial sd at 95% over 4000 trials is 0.34%; with z = 1.96 instead of t the coverage would be ~88%.
    expect(Math.abs(covered / trials - 0.95)).toBeLessThan(0.012);
  });
});

describe('quantile(sorted, p)', () => {
  it('interpolates between order statistics', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4, 5], 0.05)).toBeCloseTo(1.2, 12);
    expect(quantile([10], 0.95)).toBe(10);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

describe('summariseStrategy(reps, meta)', () => {
  const s = summariseStrategy(reps, { description: 'd', set: {} });
  it('summarises every KPI and unit metric over replications', () => {
    expect(s.kpis.acute_occupancy!.n).toBe(reps.length);
    const mean = reps.reduce((a, r) => a + r.kpis.acute_occupancy!, 0) / reps.length;
    expect(s.kpis.acute_occupancy!.mean).toBeCloseTo(mean, 12);
    expect(s.units.acute.lost_fraction!.n).toBe(reps.length);
  });
  it('cuts the warm-up days from the daily bands', () => {
    expect(firstMeasuredDay(5)).toBe(5);
    expect(s.daily.acute.occupancy.mean).toHaveLength(30);
    const day0 = reps.map((r) => r.daily.acute.occupancy[5]);
    expect(s.daily.acute.occupancy.mean[0]).toBeCloseTo(day0.reduce((a, b) => a + b) / day0.length, 12);
    for (let d = 0; d < 30; d++) {
      expect(s.daily.acute.occupancy.p05[d]).toBeLessThanOrEqual(s.daily.acute.occupancy.p95[d]);
    }
  });
  it('does not depend on the order replications arrive in', () => {
    const shuffled = [reps[3], reps[0], reps[7], reps[1], reps[6], reps[2], reps[5], reps[4]];
    expect(JSON.stringify(summariseStrategy(shuffled, { description: 'd', set: {} }))).toBe(JSON.stringify(s));
  });
  it('reports exits per day', () => {
    const home = reps.map((r) => r.exits.home / r.horizonDays);
    expect(s.exits.home.mean).toBeCloseTo(home.reduce((a, b) => a + b) / home.length, 12);
  });
});

describe('pairedDifferences(baseline, other)', () => {
  it('is exactly zero for identical replications', () => {
    const d = pairedDifferences(
      reps,
      reps.map((r) => structuredClone(r)),
    );
    for (const st of Object.values(d)) {
      if (st.mean === null) continue;
      expect(st.mean).toBe(0);
      expect(st.ci95).toEqual([0, 0]);
    }
  });
  it('pairs by replication index and skips unpaired ones', () => {
    const other = reps
      .slice(2)
      .map((r) => ({ ...r, kpis: { ...r.kpis, acute_occupancy: r.kpis.acute_occupancy! + 0.1 } }))
      .reverse();
    const d = pairedDifferences(reps, other);
    expect(d.acute_occupancy!.n).toBe(reps.length - 2);
    expect(d.acute_occupancy!.mean).toBeCloseTo(0.1, 12);
    expect(d.acute_occupancy!.sd).toBeLessThan(1e-12);
  });
});

describe('warmupAid(reps)', () => {
  it('covers every day from t = 0 and smooths the across-replication mean', () => {
    const aid = warmupAid(reps);
    expect(aid.acute).toHaveLength(35);
    const mean = (d: number) => reps.reduce((a, r) => a + r.daily.acute.occupancy[d], 0) / reps.length;
    expect(aid.acute[10]).toBeCloseTo([7, 8, 9, 10, 11, 12, 13].reduce((a, d) => a + mean(d), 0) / 7, 12);
    expect(aid.acute[0]).toBeCloseTo((mean(0) + mean(1) + mean(2) + mean(3)) / 4, 12);
  });
});

describe('precision(strategies, target)', () => {
  it('finds the widest headline KPI', () => {
    const s = summariseStrategy(reps, { description: '', set: {} });
    const p = precision({ baseline: s }, 0.05);
    const widths = (['acute_occupancy', 'admissions_per_day', 'cost_per_day', 'delayed_bed_days_per_day'] as const).map(
      (k) => relativeHalfWidth(s.kpis[k]) ?? 0,
    );
    expect(p.worst.relative_half_width).toBeCloseTo(Math.max(...widths), 12);
    expect(p.reached).toBe(Math.max(...widths) <= 0.05);
    expect(precision({ baseline: s }, 10).reached).toBe(true);
  });

  it('judges a model that answers no headline KPI (no acute, UCR or cost) by its units', () => {
    const queue = buildModel({
      horizon: 20 * DAY,
      units: { desk: { kind: 'team', capacity: 1, service: exponential(0.8 * HOUR), next: { out: 1 } } },
      sources: { calls: { rate: 1 / HOUR, to: 'desk' } },
    });
    const rs = [0, 1, 2, 3, 4].map((r) => simulate(queue, { seed: 3, replication: r }));
    const s = summariseStrategy(rs, { description: '', set: {} });
    expect(s.kpis.cost_per_day!.mean).toBe(0);
    const p = precision({ baseline: s }, 0.05);
    const widths = (['occupancy_mean', 'wait_mean'] as const).map((m) => relativeHalfWidth(s.units.desk[m])!);
    expect(p.worst.kpi).toBe(`desk.${widths[0] >= widths[1] ? 'occupancy_mean' : 'wait_mean'}`);
    expect(p.worst.relative_half_width).toBeCloseTo(Math.max(...widths), 12);
    expect(p.worst.relative_half_width).toBeGreaterThan(0);
    expect(p.reached).toBe(Math.max(...widths) <= 0.05);
  });
});

describe('summarise(strategies, meta)', () => {
  it('puts the baseline first and differences for the others', () => {
    const r = summarise(
      [
        { name: 'baseline', description: '', set: {}, reps },
        { name: 'copy', description: 'same', set: { 'units.acute.capacity': '6' }, reps },
      ],
      {
        scenario: { name: 'x', hash: 'h', assumptions: [] },
        engineVersion: '0',
        seed: 11,
        replications: 8,
        horizonDays: 30,
        warmupDays: 5,
        startDate: '2027-01-04',
      },
    );
    expect(Object.keys(r.strategies)).toEqual(['baseline', 'copy']);
    expect(Object.keys(r.differences)).toEqual(['copy']);
    expect(r.differences.copy.acute_occupancy!.mean).toBe(0);
    expect(r.warmup_aid!.acute).toHaveLength(35);
    expect(r.precision).toBeUndefined();
    expect(r.failures).toBeUndefined();
  });
});

describe('summariseStrategy(reps) daily bands', () => {
  it('gives the same 5% and 95% points as sorting each day', () => {
    const s = summariseStrategy(reps, { description: '', set: {} });
    for (let d = 0; d < 30; d++) {
      const col = reps.map((r) => r.daily.acute.occupancy[d + 5]).sort((a, b) => a - b);
      expect(s.daily.acute.occupancy.p05[d]).toBe(quantile(col, 0.05));
      expect(s.daily.acute.occupancy.p95[d]).toBe(quantile(col, 0.95));
    }
  });
});

describe('summariseStrategy(reps) daily bands with many replications, gaps and ties', () => {
  // Up to BAND_SAMPLE replications the bands are exact: check them against a full sort at that
  // many replications, where days have NaN gaps (fewer values than replications) and where
  // values tie. Beyond, see test/engine/daily-bands.test.ts.
  const rng = makeStream(5, 0, 'bands');
  const R = BAND_SAMPLE,
    days = reps[0].daily.acute.occupancy.length;
  const many: ReplicationResult[] = Array.from({ length: R }, (_, r) => {
    const occupancy = Float64Array.from({ length: days }, (_, d) => {
      const u = rng.next();
      if (d % 7 === 3 && u < 0.3) return NaN; // gaps on some days
      if (d % 7 === 5) return Math.floor(u * 4); // heavy ties
      if (d === 6) return r < R - 7 ? NaN : u; // almost nothing defined
      return (d + 1) * u;
    });
    return { ...reps[0], replication: r, daily: { acute: { ...reps[0].daily.acute, occupancy } } };
  });
  const s = summariseStrategy(many, { description: '', set: {} });
  const from = firstMeasuredDay(reps[0].warmupDays);
  it('gives the mean and the 5% and 95% points of the defined values of each day', () => {
    for (let d = 0; d < days - from; d++) {
      const col = many.map((r) => r.daily.acute.occupancy[d + from]).filter(Number.isFinite);
      let sum = 0;
      for (const v of col) sum += v;
      const sorted = [...col].sort((a, b) => a - b);
      expect(s.daily.acute.occupancy.mean[d]).toBe(sum / col.length);
      expect(s.daily.acute.occupancy.p05[d]).toBe(quantile(sorted, 0.05));
      expect(s.daily.acute.occupancy.p95[d]).toBe(quantile(sorted, 0.95));
    }
  });
  it('does not depend on the order the replications arrive in', () => {
    const shuffled = [...many].reverse();
    expect(summariseStrategy(shuffled, { description: '', set: {} }).daily).toEqual(s.daily);
  });
});
