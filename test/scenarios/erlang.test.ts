import { describe, it, expect } from 'vitest';
import { erlangB, erlangC, queueWaitMean } from '../../scenarios/erlang.js';

describe('erlangB(c, a) and erlangC(c, a)', () => {
  it('match the textbook values', () => {
    expect(erlangB(10, 8)).toBeCloseTo(0.12166, 5);
    expect(erlangB(1, 1)).toBe(0.5);
    expect(erlangC(1, 0.8)).toBeCloseTo(0.8, 12);
    // M/M/2 at a = 1: C = 1/3.
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
  });

  it('stay finite for thousands of places', () => {
    const c = erlangC(2100, 2050);
    expect(c).toBeGreaterThan(0);
    expect(c).toBeLessThan(1);
  });
});

describe('queueWaitMean(places, a, stay, cs2)', () => {
  it('is the M/M/1 wait rho / (1 - rho) x stay, halved for a fixed stay (M/D/1)', () => {
    expect(queueWaitMean(1, 0.5, 2, 1)).toBeCloseTo(2, 12);
    expect(queueWaitMean(1, 0.5, 2, 0)).toBeCloseTo(1, 12);
  });

  it('has no bound at full load and is 0 without work', () => {
    expect(queueWaitMean(10, 10, 1, 1)).toBe(Infinity);
    expect(queueWaitMean(10, 0, 1, 1)).toBe(0);
  });
});
