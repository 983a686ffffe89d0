import { describe, expect, it } from 'vitest';
import { BAND_EXTREMES, readsKept } from '../../results/band-extremes.js';
import { BAND_RESERVE, bandPlan } from '../../results/band-plan.js';
import { BAND_SAMPLE, BandFold, bandPriority, sampleLevel } from '../../results/daily-bands.js';
import { quantile } from '../../results/statistics.js';
import { makeStream } from '../../engine/index.js';
import type { Band } from '../../results/format.js';

/** R replications of `days` values: queue-like (ties at 0, -0 on some days), NaN here and there, one short series. */
function rows(R: number, days: number, seed: number): Float64Array[] {
  const rng = makeStream(seed, 0, 'extremes');
  const out = Array.from({ length: R }, () =>
    Float64Array.from({ length: days }, () => {
      const u = rng.next();
      if (u < 0.02) return NaN;
      if (u < 0.3) return 0;
      if (u < 0.4) return -0;
      return Math.floor(-10 * Math.log(rng.next()) * 4) / 4;
    }),
  );
  out[3] = out[3].subarray(0, days - 5);
  return out;
}

function folded(data: readonly Float64Array[], indices: readonly number[], plan?: ReturnType<typeof bandPlan>): BandFold {
  const f = new BandFold(2, plan);
  for (const i of indices) f.add(data[i], i);
  return f;
}

/** Equal to the bit, -0 and NaN included. */
function expectSameBand(a: Band, b: Band): void {
  expect(a.p05.length).toBe(b.p05.length);
  for (const k of ['mean', 'p05', 'p95'] as const) {
    a[k].forEach((v, d) => {
      if (!Object.is(v, b[k][d])) expect.fail(`${k}[${d}]: ${v} vs ${b[k][d]}`);
    });
  }
}

describe('readsKept(m, level)', () => {
  it('holds for the 5% and 95% points of every sample size up to BAND_SAMPLE, whatever the run size', () => {
    for (let m = 1; m <= BAND_SAMPLE; m++) {
      for (const n of [m, m + 1, m + 7, 2 * m, 10 * m + 3, 1000, 99_999, 1e7]) {
        if (n < m) continue;
        expect(readsKept(m, sampleLevel(0.05, m, n))).toBe(true);
        expect(readsKept(m, sampleLevel(0.95, m, n))).toBe(true);
      }
    }
  });

  it('fails for a point deeper than the kept extremes', () => {
    expect(readsKept(BAND_SAMPLE, 0.5)).toBe(false);
    expect(readsKept(BAND_SAMPLE, BAND_EXTREMES / (BAND_SAMPLE - 1))).toBe(false);
  });
});

describe('BandFold(from, plan).result()', () => {
  const R = 700,
    days = 40;
  const data = rows(R, days, 21);
  const all = data.map((_, i) => i);

  it('gives the bands of the fold without a plan to the bit, in any arrival order', () => {
    const exact = folded(data, all).result();
    const plan = bandPlan(all);
    expectSameBand(folded(data, all, plan).result(), exact);
    const shuffled = [...all].sort((a, b) => bandPriority(a * 7 + 1) - bandPriority(b * 7 + 1));
    expectSameBand(folded(data, shuffled, plan).result(), exact);
  });

  it('gives the bands of the fold without a plan when up to BAND_RESERVE sample members never come', () => {
    const plan = bandPlan(all);
    const members = [...all].sort((a, b) => bandPriority(a) - bandPriority(b)).slice(0, BAND_SAMPLE);
    const failed = new Set(members.filter((_, j) => j % 12 === 5).slice(0, BAND_RESERVE));
    expect(failed.size).toBe(BAND_RESERVE);
    const came = all.filter((i) => !failed.has(i));
    expectSameBand(folded(data, came, plan).result(), folded(data, came).result());
  });

  it('reads the members and reserve that came when more than BAND_RESERVE members never come', () => {
    const plan = bandPlan(all);
    const byPriority = [...all].sort((a, b) => bandPriority(a) - bandPriority(b));
    const failed = new Set(byPriority.slice(0, BAND_RESERVE + 3));
    const came = all.filter((i) => !failed.has(i));
    const b = folded(data, came, plan).result();
    const sample = byPriority.slice(BAND_RESERVE + 3, BAND_SAMPLE + BAND_RESERVE);
    for (let d = 0; d < days - 7; d++) {
      const n = came.filter((i) => Number.isFinite(data[i][d + 2])).length;
      const sorted = Float64Array.from(sample.map((i) => data[i][d + 2]).filter(Number.isFinite)).sort() as unknown as number[];
      expect(sorted.length).toBeLessThan(BAND_SAMPLE);
      expect(Object.is(b.p05[d], quantile(sorted, sampleLevel(0.05, sorted.length, n)))).toBe(true);
      expect(Object.is(b.p95[d], quantile(sorted, sampleLevel(0.95, sorted.length, n)))).toBe(true);
    }
  });

  it('gives the exact bands of a small planned run (all replications sampled)', () => {
    for (const n of [1, 5, 2 * BAND_EXTREMES, 2 * BAND_EXTREMES + 1, BAND_SAMPLE]) {
      const some = all.slice(0, n);
      expectSameBand(folded(data, some, bandPlan(some)).result(), folded(data, some).result());
    }
  });

  it('holds under a fifth of the numbers of the fold without a plan past BAND_SAMPLE replications', () => {
    const plan = bandPlan(all);
    const planned = folded(data, all, plan).held,
      unplanned = folded(data, all).held;
    expect(planned).toBeLessThan(unplanned / 5);
    // Per day: the counts and sums, K at each end and the count of sample values; plus the reserve rows.
    expect(planned).toBeLessThanOrEqual((days - 2) * (3 + 2 * BAND_EXTREMES) + BAND_SAMPLE + BAND_RESERVE * (days - 2));
  });

  it('refuses a replication outside its plan (its sample would not be the planned one)', () => {
    const f = new BandFold(0, bandPlan(all.slice(0, 300)));
    f.add(data[0], 0);
    expect(() => f.add(data[400], 400)).toThrow(/replication 400 is outside the band plan/);
  });
});
