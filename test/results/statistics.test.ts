import { describe, expect, it } from 'vitest';
import { linearisedRatio, ratioStat, shareStat, stat, tQuantile975, wilson, ranks } from '../../results/statistics.js';
import { StrategyFold, foldDifferences } from '../../results/summary-fold.js';
import { makeStream } from '../../engine/index.js';
import type { ReplicationResult } from '../../engine/index.js';

/** Binomial(n, p) by counting successes: exact, and cheap for the sizes used here. */
function binomial(rng: { next(): number }, n: number, p: number): number {
  let k = 0;
  for (let i = 0; i < n; i++) if (rng.next() < p) k++;
  return k;
}

/** A replication that only carries one share KPI, as [reached, resolved]. */
function shareRep(replication: number, num: number, den: number): ReplicationResult {
  return {
    replication,
    events: 0,
    horizonDays: 1,
    warmupDays: 0,
    units: {},
    exits: {},
    daily: {},
    population: null,
    // Only the share is of interest here; the KPIs every model has are not.
    kpis: { ucr_within_2h: den > 0 ? num / den : NaN } as ReplicationResult['kpis'],
    fractions: { units: {}, kpis: { ucr_within_2h: [num, den] } },
    conservation: { entered: 0, left: 0, inSystem: 0 },
  };
}

describe('ratioStat(num, den)', () => {
  it('is the sum of numerators over the sum of denominators, with the delta-method interval', () => {
    const num = [1, 30, 2],
      den = [10, 100, 20];
    const s = ratioStat(num, den);
    const R = 33 / 130,
      ybar = 130 / 3;
    const z = num.map((x, i) => R + (x - R * den[i]) / ybar);
    const plain = stat(z);
    expect(s.mean).toBe(R);
    expect(s.sd).toBeCloseTo(plain.sd!, 14);
    const half = (tQuantile975(2) * plain.sd!) / Math.sqrt(3);
    expect(s.ci95[0]).toBeCloseTo(R - half, 14);
    expect(s.ci95[1]).toBeCloseTo(R + half, 14);
    expect(s.n).toBe(3);
  });
  it('counts a replication with no patient (0 / 0) and is null when no replication has any', () => {
    expect(ratioStat([0, 2, 3], [0, 4, 6]).n).toBe(3);
    expect(ratioStat([0, 2, 3], [0, 4, 6]).mean).toBe(0.5);
    expect(ratioStat([0, 0], [0, 0])).toEqual({ mean: null, sd: null, ci95: [null, null], p10: null, p90: null, n: 0 });
    expect(ratioStat([NaN, 1], [NaN, 2])).toMatchObject({ mean: 0.5, n: 1 });
  });
  it('covers the ratio of expectations 95% of the time when replication sizes differ tenfold', () => {
    // Sizes 5, 50 or 500 patients with shares 0.5, 0.3, 0.1: the share of all patients is
    // E[x] / E[y] = (2.5 + 15 + 50) / 555; the mean of the per-replication shares is near 0.3.
    const sizes = [5, 50, 500],
      shares = [0.5, 0.3, 0.1];
    const exact = (2.5 + 15 + 50) / 555;
    const rng = makeStream(2027, 0, 'ratio-coverage');
    const trials = 1500,
      n = 30;
    let covered = 0,
      meanOfShares = 0;
    for (let t = 0; t < trials; t++) {
      const num: number[] = [],
        den: number[] = [];
      for (let i = 0; i < n; i++) {
        const k = Math.floor(rng.next() * 3);
        den.push(sizes[k]);
        num.push(binomial(rng, sizes[k], shares[k]));
      }
      const s = ratioStat(num, den);
      if (s.ci95[0]! <= exact && exact <= s.ci95[1]!) covered++;
      meanOfShares += stat(num.map((x, i) => x / den[i])).mean! / trials;
    }
    // Binomial sd of the coverage over 1500 trials is 0.56%; the delta method is first-order,
    // so allow 2.5 points either way.
    expect(Math.abs(covered / trials - 0.95)).toBeLessThan(0.025);
    expect(meanOfShares).toBeGreaterThan(2 * exact);
  });
});

describe('foldDifferences(base, other) for a share', () => {
  it('covers the exact difference of the two shares of all patients 95% of the time', () => {
    // Common sizes (as common random numbers give), equally likely; the strategy raises the
    // share more in small replications, so the exact difference is a weighted one.
    const sizes = [20, 100],
      base = [0.5, 0.3],
      better = [0.6, 0.32];
    const exact = (0.6 * 20 + 0.32 * 100) / 120 - (0.5 * 20 + 0.3 * 100) / 120;
    const rng = makeStream(7, 0, 'paired-ratio');
    const trials = 1000,
      n = 30;
    let covered = 0;
    for (let t = 0; t < trials; t++) {
      const b = new StrategyFold(),
        s = new StrategyFold();
      for (let i = 0; i < n; i++) {
        const k = rng.next() < 0.5 ? 0 : 1,
          y = sizes[k];
        // Shared uniforms make the two strategies' counts positively correlated.
        let xb = 0,
          xs = 0;
        for (let j = 0; j < y; j++) {
          const u = rng.next();
          if (u < base[k]) xb++;
          if (u < better[k]) xs++;
        }
        b.add(shareRep(i, xb, y));
        s.add(shareRep(i, xs, y));
      }
      const d = foldDifferences(b, s).ucr_within_2h!;
      expect(d.mean).toBeCloseTo(s.kpiStat('ucr_within_2h').mean! - b.kpiStat('ucr_within_2h').mean!, 14);
      if (d.ci95[0]! <= exact && exact <= d.ci95[1]!) covered++;
    }
    expect(Math.abs(covered / trials - 0.95)).toBeLessThan(0.03);
  });
  it('pairs by replication index and is exactly zero for identical strategies', () => {
    const b = new StrategyFold(),
      s = new StrategyFold();
    [
      [3, 10],
      [0, 0],
      [50, 100],
    ].forEach(([x, y], i) => {
      b.add(shareRep(i, x, y));
      s.add(shareRep(i, x, y));
    });
    expect(foldDifferences(b, s).ucr_within_2h).toEqual({ mean: 0, sd: 0, ci95: [0, 0], p10: 0, p90: 0, n: 3 });
  });
});

describe('linearisedRatio(num, den)', () => {
  it('gives values that average to the ratio', () => {
    const lin = linearisedRatio([1, 5, 9], [2, 10, 40])!;
    expect(lin.ratio).toBe(15 / 52);
    expect((lin.z[0] + lin.z[1] + lin.z[2]) / 3).toBeCloseTo(15 / 52, 14);
  });
});

describe('wilson(share, n)', () => {
  it('gives the published Wilson score intervals, inside [0, 1] even at 0 of n, for whole and effective counts', () => {
    const [a, b] = wilson(0.5, 100);
    expect(a).toBeCloseTo(0.4038, 4);
    expect(b).toBeCloseTo(0.5962, 4);
    const [c, d] = wilson(0, 10);
    expect(c).toBe(0);
    expect(d).toBeCloseTo(0.2775, 4);
    // An effective count between two whole ones gives an interval between theirs.
    const w = (n: number) => wilson(0.3, n)[1] - wilson(0.3, n)[0];
    expect(w(40.5)).toBeLessThan(w(40));
    expect(w(40.5)).toBeGreaterThan(w(41));
    expect(wilson(0.3, 0)).toEqual([0, 1]);
  });
});

describe('ranks(x)', () => {
  it('ranks(x) counts from 1 and gives ties their average rank', () => {
    expect(ranks([30, 10, 20, 10])).toEqual([4, 1.5, 3, 1.5]);
  });
});

describe('shareStat(values)', () => {
  it('gives a share of replications its Wilson interval, inside 0 to 1, where the t interval runs outside it', () => {
    const one = shareStat([0, 1, 0]);
    expect(one.mean).toBeCloseTo(1 / 3, 12);
    // Wilson's 95% interval for 1 of 3: 6.1% to 79.2% (the t interval: -110% to 177%).
    expect(one.ci95[0]).toBeCloseTo(0.0615, 4);
    expect(one.ci95[1]).toBeCloseTo(0.7923, 4);
    expect(stat([0, 1, 0]).ci95[0]).toBeLessThan(-1);
    // All or none of 20 keeps a width: 0 to 16.1%, 83.9% to 100%.
    expect(shareStat(new Array(20).fill(0)).ci95).toEqual([0, expect.closeTo(3.8415 / 23.8415, 4)]);
    expect(shareStat(new Array(20).fill(1)).ci95).toEqual([expect.closeTo(20 / 23.8415, 4), 1]);
    // One replication: no interval, as for any mean.
    expect(shareStat([1]).ci95).toEqual([null, null]);
  });
});
