import { describe, it, expect } from 'vitest';
import { makeSampler, distMean, distVariance } from '../../engine/distributions.js';
import { makeStream } from '../../engine/random.js';
import type { Dist } from '../../engine/model.js';
import { expectInCi } from '../validation/stats.js';

const cases: Dist[] = [
  { kind: 'exponential', mean: 5 },
  { kind: 'lognormal', mean: 10, sd: 7 },
  { kind: 'gamma', mean: 4, sd: 2 },
  { kind: 'gamma', mean: 1, sd: 3 }, // shape 1/9 < 1: the boosted branch
  { kind: 'erlang', mean: 6, k: 3 },
  { kind: 'weibull', shape: 1.5, scale: 2 },
  { kind: 'weibull', shape: 0.7, scale: 1 },
  { kind: 'uniform', min: 2, max: 5 },
  { kind: 'triangular', min: 1, mode: 2, max: 6 },
  { kind: 'empirical', values: [1, 2, 2, 7] },
];

/**
 * 20 checks (mean and variance of 10 distributions) at a family-wise 95% level: each uses a
 * Bonferroni 99.75% interval, t quantile 3.38 for 29 degrees of freedom (30 batches).
 */
const T_FAMILY = 3.38;

describe('makeSampler(dist, rng) against distMean(dist) / distVariance(dist)', () => {
  for (const d of cases) {
    it(`${JSON.stringify(d)}: sample mean and variance within batch CIs`, () => {
      const f = makeSampler(d, makeStream(99, 0, `dist:${JSON.stringify(d)}`));
      const B = 30,
        n = 10_000;
      const means: number[] = [],
        vars: number[] = [];
      let allValid = true;
      for (let b = 0; b < B; b++) {
        let s = 0,
          s2 = 0;
        const shift = distMean(d); // centring keeps the one-pass variance accurate
        for (let i = 0; i < n; i++) {
          const x = f.next();
          if (!(x >= 0 && Number.isFinite(x))) allValid = false;
          s += x - shift;
          s2 += (x - shift) ** 2;
        }
        means.push(shift + s / n);
        vars.push((s2 - (s * s) / n) / (n - 1));
      }
      expect(allValid).toBe(true);
      expectInCi('mean', means, distMean(d), 0, T_FAMILY);
      expectInCi('variance', vars, distVariance(d), 0, T_FAMILY);
    });
  }

  it('fixed, and lognormal / gamma with sd 0, always return the mean', () => {
    const rng = makeStream(1, 0, 'fixed');
    for (const d of [
      { kind: 'fixed', value: 3 },
      { kind: 'lognormal', mean: 3, sd: 0 },
      { kind: 'gamma', mean: 3, sd: 0 },
    ] as Dist[]) {
      const f = makeSampler(d, rng);
      expect([f.next(), f.next(), f.next()]).toEqual([3, 3, 3]);
      expect(distMean(d)).toBe(3);
      expect(distVariance(d)).toBe(0);
    }
  });

  it('distMean and distVariance match closed forms (weibull through the gamma function)', () => {
    // Weibull shape 2, scale 1: mean sqrt(pi)/2, variance 1 - pi/4.
    expect(distMean({ kind: 'weibull', shape: 2, scale: 1 })).toBeCloseTo(Math.sqrt(Math.PI) / 2, 12);
    expect(distVariance({ kind: 'weibull', shape: 2, scale: 1 })).toBeCloseTo(1 - Math.PI / 4, 12);
    expect(distVariance({ kind: 'triangular', min: 0, mode: 0, max: 1 })).toBeCloseTo(1 / 18, 15);
    expect(distVariance({ kind: 'erlang', mean: 6, k: 3 })).toBe(12);
  });
});
