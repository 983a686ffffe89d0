import { describe, expect, it } from 'vitest';
import { RANGE_SAMPLE, range, sampleRows } from '../../results/percentiles.js';
import { ratioStat, stat } from '../../results/statistics.js';
import { StrategyFold, foldDifferences } from '../../results/summary-fold.js';
import { makeStream } from '../../engine/index.js';
import type { ReplicationResult } from '../../engine/index.js';

/** Type 7 from a full sort, written out independently of statistics.ts. */
function type7(values: number[], p: number): number {
  const s = values.filter(Number.isFinite).sort((a, b) => a - b);
  const h = (s.length - 1) * p;
  const lo = Math.floor(h);
  return s[lo] + (h - lo) * ((s[Math.min(lo + 1, s.length - 1)] ?? s[lo]) - s[lo]);
}

/** A replication that only carries one KPI and one share. */
function rep(replication: number, delayed: number, num: number, den: number): ReplicationResult {
  return {
    replication,
    events: 0,
    horizonDays: 1,
    warmupDays: 0,
    units: {},
    exits: {},
    daily: {},
    population: null,
    kpis: { delayed_bed_days_per_day: delayed, ucr_within_2h: den > 0 ? num / den : NaN } as ReplicationResult['kpis'],
    fractions: { units: {}, kpis: { ucr_within_2h: [num, den] } },
    conservation: { entered: 0, left: 0, inSystem: 0 },
  };
}

describe('range(values, indices)', () => {
  it('is R type 7 of the values: 1..10 gives 1.9 and 9.1', () => {
    expect(range([3, 1, 4, 10, 5, 9, 2, 6, 8, 7])).toEqual({ p10: 1.9, p90: 9.1 });
  });
  it('equals a full sort for any run up to RANGE_SAMPLE replications, leaving out NaN', () => {
    const rng = makeStream(11, 0, 'range');
    for (const n of [1, 2, 3, 17, 250, RANGE_SAMPLE]) {
      const v = Array.from({ length: n }, (_, i) => (i % 13 === 5 ? NaN : 100 * rng.next()));
      const r = range(v);
      expect(r.p10).toBe(type7(v, 0.1));
      expect(r.p90).toBe(type7(v, 0.9));
    }
  });
  it('is null when no value is defined', () => {
    expect(range([NaN, Infinity])).toEqual({ p10: null, p90: null });
  });
  it('beyond RANGE_SAMPLE reads a sample chosen by replication index alone, so any row order gives the same bits', () => {
    const rng = makeStream(5, 0, 'order');
    const n = 3 * RANGE_SAMPLE;
    const v = Array.from({ length: n }, () => rng.next());
    const idx = Array.from({ length: n }, (_, i) => i);
    // Reverse the rows with their indices (shards finishing in another order).
    const a = range(v, idx);
    const b = range([...v].reverse(), [...idx].reverse());
    expect(b).toEqual(a);
    expect(sampleRows(n, idx)!.length).toBe(RANGE_SAMPLE);
    expect(sampleRows(RANGE_SAMPLE, idx)).toBeNull();
  });
  it('beyond RANGE_SAMPLE sits within 4 sd (4 x 0.95 points) of rank of the exact percentile', () => {
    const rng = makeStream(8, 0, 'beyond');
    const n = 20_000;
    // Exponential values: a skewed outcome, like a year's delayed days.
    const v = Array.from({ length: n }, () => -Math.log(1 - rng.next()));
    const sorted = [...v].sort((a, b) => a - b);
    const rank = (x: number) => sorted.filter((y) => y <= x).length / n;
    const sd = Math.sqrt((0.1 * 0.9) / RANGE_SAMPLE);
    const r = range(v);
    expect(Math.abs(rank(r.p10!) - 0.1)).toBeLessThan(4 * sd);
    expect(Math.abs(rank(r.p90!) - 0.9)).toBeLessThan(4 * sd);
    // And it is not the exact point (so the test above measures the sample's error, not a sort).
    expect(r.p10).not.toBe(type7(v, 0.1));
  });
});

describe('stat(values) and ratioStat(num, den) with the outcome range', () => {
  it('stat gives p10/p90 of the replication values beside the CI of the mean', () => {
    const v = [12, 7, 30, 15, 9, 11, 20, 14];
    const s = stat(v);
    expect(s.p10).toBe(type7(v, 0.1));
    expect(s.p90).toBe(type7(v, 0.9));
    // The range is wider than the CI of the mean: one year varies more than the mean is unsure.
    expect(s.p90! - s.p10!).toBeGreaterThan(s.ci95[1]! - s.ci95[0]!);
  });
  it('ratioStat ranges over each replication own share (0/0 left out), not the linearised values', () => {
    const s = ratioStat([1, 30, 2, 0], [10, 100, 20, 0]);
    expect(s.p10).toBeCloseTo(type7([0.1, 0.3, 0.1], 0.1), 15);
    expect(s.p90).toBeCloseTo(type7([0.1, 0.3, 0.1], 0.9), 15);
  });
});

describe('StrategyFold.result(meta) and foldDifferences(base, other) with the outcome range', () => {
  const b = new StrategyFold(),
    s = new StrategyFold();
  const rng = makeStream(3, 0, 'fold');
  const base: number[] = [],
    other: number[] = [],
    bShare: number[] = [],
    sShare: number[] = [];
  for (let r = 0; r < 40; r++) {
    const x = 200 + 50 * rng.next(),
      y = x - 20 + 10 * rng.next();
    const den = 10 + Math.floor(20 * rng.next());
    const nb = Math.floor(den * rng.next()),
      ns = Math.floor(den * rng.next());
    base.push(x);
    other.push(y);
    bShare.push(nb / den);
    sShare.push(ns / den);
    b.add(rep(r, x, nb, den));
    s.add(rep(r, y, ns, den));
  }
  it('a KPI range is that of the replication values', () => {
    const k = b.result({ description: '', set: {} }).kpis.delayed_bed_days_per_day!;
    expect([k.p10, k.p90]).toEqual([type7(base, 0.1), type7(base, 0.9)]);
  });
  it('a difference range is that of the paired differences, for a share of the differences of own shares', () => {
    const d = foldDifferences(b, s);
    const diffs = other.map((y, i) => y - base[i]);
    expect([d.delayed_bed_days_per_day!.p10, d.delayed_bed_days_per_day!.p90]).toEqual([type7(diffs, 0.1), type7(diffs, 0.9)]);
    const shareDiffs = sShare.map((v, i) => v - bShare[i]);
    expect(d.ucr_within_2h!.p10).toBeCloseTo(type7(shareDiffs, 0.1), 12);
    expect(d.ucr_within_2h!.p90).toBeCloseTo(type7(shareDiffs, 0.9), 12);
  });
});
