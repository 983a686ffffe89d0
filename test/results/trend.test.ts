import { describe, it, expect } from 'vitest';
import { batchMeans, mannKendall } from '../../results/trend.js';
import { makeStream } from '../../engine/random.js';

/** AR(1) noise x_t = phi x_{t-1} + e_t with standard normal e (Box–Muller on a fixed seed). */
function ar1(n: number, phi: number, seed: string): number[] {
  const rng = makeStream(seed, 0, 'test');
  const out: number[] = [];
  let x = 0;
  for (let i = 0; i < n; i++) {
    const e = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
    x = phi * x + e;
    out.push(x);
  }
  return out;
}

describe('mannKendall(xs)', () => {
  it('gives S, Sen slope and z of a small exact case', () => {
    // 1..10 strictly rising: S = 45, var = 10*9*25/18 = 125, no autocorrelation left after detrending.
    const t = mannKendall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])!;
    expect(t.slope).toBe(1);
    expect(t.z).toBeCloseTo(44 / Math.sqrt(125), 9);
  });

  it('finds a steady rise in noisy, autocorrelated data', () => {
    const xs = ar1(365, 0.9, 'rise').map((x, i) => x + 0.05 * i);
    const t = mannKendall(xs)!;
    expect(t.p).toBeLessThan(0.001);
    expect(t.slope).toBeGreaterThan(0.03);
    expect(t.slope).toBeLessThan(0.07);
  });

  it('keeps its level on weekly means of trend-free autocorrelated daily series', () => {
    // 400 years of daily AR(1) with phi = 0.95, tested as 52 weekly means.
    let rejected = 0;
    const n = 400;
    for (let k = 0; k < n; k++) if (mannKendall(batchMeans(ar1(365, 0.95, `flat${k}`)).points)!.p < 0.05) rejected++;
    // One-sided 5% level: binomial(400, 0.05) has mean 20 and 99.9% of its mass below 35.
    expect(rejected).toBeLessThan(35);
  });

  it('is null for a flat or short series', () => {
    expect(mannKendall(new Array(50).fill(3))).toBeNull();
    expect(mannKendall([1, 2, 3])).toBeNull();
  });
});

describe('batchMeans(xs, max)', () => {
  it('averages consecutive batches and drops an incomplete last one', () => {
    expect(batchMeans([1, 2, 3, 4, 5, 6, 7], 3)).toEqual({ points: [2, 5], size: 3 });
    expect(batchMeans([1, 2, 3], 10)).toEqual({ points: [1, 2, 3], size: 1 });
  });
});
