import { describe, expect, it } from 'vitest';
import { logGamma, logGammaQ, gammaP, normalCdf } from '../../fit/special.js';

describe('fit/special', () => {
  it('logGamma(x) matches log((x-1)!) and log Γ(1/2) = log √π', () => {
    let f = 0;
    for (let n = 1; n < 30; n++) {
      expect(logGamma(n)).toBeCloseTo(f, 10);
      f += Math.log(n);
    }
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 12);
  });

  it('logGammaQ(a, x) equals e^-x Σ x^k/k! for whole a, on both sides of x = a + 1, and far into the tail', () => {
    for (const a of [1, 2, 5, 20]) {
      for (const x of [0.1, 1, 3, 10, 30, 200]) {
        // Q(a, x) = e^-x Σ_{k<a} x^k / k!, summed in logs.
        let lse = -Infinity,
          term = 0;
        for (let k = 0; k < a; k++) {
          lse = Math.max(lse, term) + Math.log1p(Math.exp(Math.min(lse, term) - Math.max(lse, term)));
          term += Math.log(x) - Math.log(k + 1);
        }
        const want = -x + lse;
        expect(Math.abs(logGammaQ(a, x) - want) / Math.max(1, Math.abs(want))).toBeLessThan(1e-10);
      }
    }
  });

  it('gammaP(1/2, x) = erf(√x), the normal link: P(Z² <= 2x) for a standard normal Z', () => {
    for (const x of [0.05, 0.5, 2, 4.5]) expect(gammaP(0.5, x)).toBeCloseTo(2 * normalCdf(Math.sqrt(2 * x)) - 1, 6);
  });
});
