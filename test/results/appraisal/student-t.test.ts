import { describe, it, expect } from 'vitest';
import { tQuantileUpper, tTwoSidedP, tUpperTail } from '../../../results/appraisal/student-t.js';
import { tQuantile975 } from '../../../results/statistics.js';

describe('Student t (appraisal/student-t.ts)', () => {
  it('tQuantileUpper(0.025, df) matches the 95% table for df 1..30 and the expansion beyond', () => {
    for (const df of [1, 2, 5, 10, 19, 30, 45, 200]) expect(tQuantileUpper(0.025, df)).toBeCloseTo(tQuantile975(df), 5);
  });

  it('tUpperTail(t, 1) is the Cauchy tail 1/2 - atan(t)/pi; tUpperTail(t, 2) has its closed form', () => {
    for (const t of [0.3, 1, 4, 20]) {
      expect(tUpperTail(t, 1)).toBeCloseTo(0.5 - Math.atan(t) / Math.PI, 12);
      expect(tUpperTail(t, 2)).toBeCloseTo(0.5 - t / (2 * Math.sqrt(2 + t * t)), 12);
    }
  });

  it('tQuantileUpper at Holm levels: 0.05/10 two-sided with 19 df is 3.174 (published tables)', () => {
    expect(tQuantileUpper(0.0025, 19)).toBeCloseTo(3.174, 3);
    expect(tTwoSidedP(tQuantileUpper(0.0025, 19), 19)).toBeCloseTo(0.005, 10);
  });
});
