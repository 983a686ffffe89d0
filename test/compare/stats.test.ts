import { describe, expect, it } from 'vitest';
import { binomialTest, effectiveSampleSize, logGamma, tTestTwoSided } from '../../compare/stats.js';
import { makeStream } from '../../engine/random.js';

/** Standard normal draws from a seeded stream (Box-Muller). */
function normals(n: number, seed: string): number[] {
  const s = makeStream(seed, 0, 'test');
  return Array.from({ length: n }, () => Math.sqrt(-2 * Math.log(1 - s.next())) * Math.cos(2 * Math.PI * s.next()));
}

function ar1(n: number, phi: number, seed: string): number[] {
  const e = normals(n, seed),
    x = [e[0] / Math.sqrt(1 - phi * phi)];
  for (let t = 1; t < n; t++) x.push(phi * x[t - 1] + e[t]);
  return x;
}

describe('effectiveSampleSize(x)', () => {
  it('is about n for independent values', () => {
    const n = 20_000;
    expect(effectiveSampleSize(normals(n, 'iid')) / n).toBeGreaterThan(0.9);
  });

  it('matches n (1 - phi) / (1 + phi) for an AR(1) series', () => {
    // Large n: the estimate's relative error is a few percent; 20% is far outside it.
    for (const phi of [0.5, 0.8, 0.95]) {
      const n = 50_000,
        exact = (n * (1 - phi)) / (1 + phi);
      expect(effectiveSampleSize(ar1(n, phi, `ar-${phi}`)) / exact).toBeGreaterThan(0.8);
      expect(effectiveSampleSize(ar1(n, phi, `ar-${phi}`)) / exact).toBeLessThan(1.2);
    }
  });

  it('skips missing days without closing the gaps (lags stay in days)', () => {
    const x = ar1(20_000, 0.8, 'gaps');
    const withGaps = x.map((v, i) => (i % 10 === 3 ? NaN : v));
    const full = effectiveSampleSize(x),
      gapped = effectiveSampleSize(withGaps);
    expect(gapped).toBeLessThan(full);
    expect(gapped / (0.9 * full)).toBeGreaterThan(0.8);
  });
});

describe('logGamma(x) and binomialTest(k, n, p)', () => {
  it('logGamma gives ln (x - 1)! and ln sqrt(pi)', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
    expect(logGamma(101)).toBeCloseTo(363.73937555556347, 9);
  });

  it('binomialTest sums the outcomes no likelier than the one seen', () => {
    expect(binomialTest(5, 10, 0.5)).toBeCloseTo(1, 12);
    expect(binomialTest(0, 10, 0.5)).toBeCloseTo(2 / 1024, 12);
    // Exact: P(X <= 2) + P(X >= 18) for X ~ Bin(20, 1/2) = 2 * 211 / 2^20.
    expect(binomialTest(2, 20, 0.5)).toBeCloseTo((2 * 211) / 2 ** 20, 12);
    // Asymmetric: p = 0.9, n = 10, k = 7: P(X <= 7) (the upper outcomes are all likelier).
    const pmf = (k: number) => [...Array(k).keys()].reduce((a, i) => (a * (10 - i)) / (i + 1), 1) * 0.9 ** k * 0.1 ** (10 - k);
    expect(binomialTest(7, 10, 0.9)).toBeCloseTo(
      [0, 1, 2, 3, 4, 5, 6, 7].reduce((a, k) => a + pmf(k), 0),
      12,
    );
  });
});

describe('tTestTwoSided(t, df)', () => {
  it('gives 0.05 at the 0.975 quantile of t, and 1 at 0', () => {
    expect(tTestTwoSided(0, 10)).toBeCloseTo(1, 12);
    expect(tTestTwoSided(2.2281388519649385, 10)).toBeCloseTo(0.05, 10);
    expect(tTestTwoSided(-2.0452296421327034, 29)).toBeCloseTo(0.05, 10);
    expect(tTestTwoSided(1.959963984540054, 1e7)).toBeCloseTo(0.05, 6);
    // df = 1 is the Cauchy distribution: P(|T| > 1) = 1/2.
    expect(tTestTwoSided(1, 1)).toBeCloseTo(0.5, 12);
  });
});
