import { describe, it, expect } from 'vitest';
import { oneSidedBound, steinSize, shortfall, meanSd } from '../../optimise/feasibility.js';
import { tQuantile } from '../../optimise/quantiles.js';
import { Normals } from './normal-draws.js';

describe('oneSidedBound(values, op, target, alpha)', () => {
  const v = [1, 2, 3, 4, 5];
  it('oneSidedBound(values, "<=", ...) uses the upper bound mean + t sd / sqrt(n)', () => {
    const b = oneSidedBound(v, '<=', 4.5, 0.05);
    const half = (tQuantile(0.95, 4) * Math.sqrt(2.5)) / Math.sqrt(5);
    expect(b.bound).toBeCloseTo(3 + half, 9);
    expect(b.meets).toBe(3 + half <= 4.5);
    expect(oneSidedBound(v, '<=', 3.1, 0.05).meets).toBe(false); // the mean meets it, the bound does not
  });
  it('oneSidedBound(values, ">=", ...) uses the lower bound', () => {
    const b = oneSidedBound(v, '>=', 1.4, 0.05);
    expect(b.bound).toBeCloseTo(3 - (tQuantile(0.95, 4) * Math.sqrt(2.5)) / Math.sqrt(5), 9);
    expect(b.meets).toBe(true);
    expect(oneSidedBound(v, '>=', 2.9, 0.05).meets).toBe(false);
  });
  it('oneSidedBound(values, ...) declares a plan whose mean sits exactly at the target feasible in at most alpha of samples', () => {
    const z = new Normals('bound');
    let wrong = 0;
    const M = 2000;
    for (let m = 0; m < M; m++) {
      const x = Array.from({ length: 8 }, () => 10 + z.next());
      if (oneSidedBound(x, '<=', 10, 0.05).meets) wrong++;
    }
    // Binomial(2000, 0.05): mean 100, sd 9.7; 3 sd above.
    expect(wrong).toBeLessThan(130);
    expect(wrong).toBeGreaterThan(70);
  });
  it('oneSidedBound(values, ...) leaves NaN out and never meets with fewer than two values', () => {
    expect(oneSidedBound([NaN, 1, 1], '<=', 2, 0.05).n).toBe(2);
    expect(oneSidedBound([1], '<=', 2, 0.05).meets).toBe(false);
  });
});

describe('steinSize(values, op, target, alpha, tolerance)', () => {
  it('steinSize(...) asks for (t sd / (gap / 2))^2 replications when the mean meets the target', () => {
    const x = [9, 10, 11, 10, 10]; // mean 10, sd sqrt(0.5)
    const n = steinSize(x, '<=', 11, 0.05, 0.01);
    const { sd } = meanSd(x);
    expect(n).toBe(Math.max(5, Math.ceil(((tQuantile(0.95, 4) * sd) / 0.5) ** 2)));
  });
  it('steinSize(...) asks for nothing more when the mean is on the wrong side', () => {
    expect(steinSize([9, 10, 11], '>=', 12, 0.05, 0.01)).toBe(3);
  });
});

describe('shortfall(value, op, target)', () => {
  it('shortfall(...) is the relative distance on the wrong side and 0 when met', () => {
    expect(shortfall(160, '<=', 150)).toBeCloseTo(10 / 150, 12);
    expect(shortfall(0.6, '>=', 0.7)).toBeCloseTo(0.1 / 0.7, 12);
    expect(shortfall(140, '<=', 150)).toBe(0);
  });
});
