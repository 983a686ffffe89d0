import { describe, expect, it } from 'vitest';
import { kaplanMeier, kmQuantile, kmDistance } from '../../fit/kaplan-meier.js';
import { makeSample } from '../../fit/sample.js';

describe('fit/kaplan-meier', () => {
  // Times 1, 2+, 3, 3, 4+, 5 (+ = censored): at risk 6, 5, 4, 1.
  const s = makeSample([3, 1, 4, 2, 5, 3], [0, 0, 1, 1, 0, 0]);

  it('kaplanMeier(sample) steps down only at finished stays, by the share of those at risk', () => {
    const km = kaplanMeier(s);
    expect([...km.t]).toEqual([1, 3, 5]);
    expect(km.s[0]).toBeCloseTo(5 / 6, 12);
    expect(km.s[1]).toBeCloseTo((5 / 6) * (2 / 4), 12);
    expect(km.s[2]).toBeCloseTo(0, 12);
  });

  it('kmQuantile(km, u) is the first time the estimate falls to 1 - u, NaN when it never does', () => {
    const km = kaplanMeier(s);
    expect(kmQuantile(km, 0.1)).toBe(1);
    expect(kmQuantile(km, 0.5)).toBe(3);
    expect(kmQuantile(km, 0.99)).toBe(5);
    expect(kmQuantile(kaplanMeier(makeSample([1, 2], [0, 1])), 0.9)).toBeNaN();
  });

  it('kmDistance(km, cdf) takes the gap on both sides of every step', () => {
    const km = kaplanMeier(makeSample([1], [0]));
    // S jumps from 1 to 0 at t = 1; a curve with S(1) = 0.3 is 0.7 from the left limit.
    expect(kmDistance(km, () => 0.7)).toBeCloseTo(0.7, 12);
  });
});
