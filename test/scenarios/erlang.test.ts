import { describe, it, expect } from 'vitest';
import { erlangB, erlangC, erlangStart, queueWaitMean } from '../../scenarios/erlang.js';
// The textbook recursion over every place, B(k) = a B(k-1) / (k + a B(k-1)), as the yardstick.
import { erlangB as textbookB } from '../validation/queueing.js';

describe('erlangB(c, a) and erlangC(c, a)', () => {
  it('match the textbook values', () => {
    expect(erlangB(10, 8)).toBeCloseTo(0.12166, 5);
    expect(erlangB(1, 1)).toBe(0.5);
    expect(erlangC(1, 0.8)).toBeCloseTo(0.8, 12);
    // M/M/2 at a = 1: C = 1/3.
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
  });

  it('agree with the textbook recursion over every place, where terms are dropped and where not', () => {
    let worst = 0,
      skipped = 0;
    for (const c of [1, 2, 5, 10, 64, 150, 300, 1000, 2000, 5000])
      for (const load of [0.01, 0.3, 0.7, 0.9, 0.99, 1, 1.2, 3]) {
        const a = c * load,
          want = textbookB(c, a);
        if (erlangStart(a) > 0) skipped++;
        // Past the float's range both are 0 (B(5000, 50) is about 10^-6300).
        worst = Math.max(worst, want === 0 ? erlangB(c, a) : Math.abs(erlangB(c, a) - want) / want);
      }
    // The reciprocal's rounding grows with the places (c x 1e-16); dropped terms add nothing seen.
    expect(worst).toBeLessThan(1e-12);
    expect(skipped).toBeGreaterThan(20);
  });

  it('start 12 standard deviations under the load, and at 0 up to 144 erlangs', () => {
    expect(erlangStart(144)).toBe(0);
    expect(erlangStart(10)).toBe(0);
    expect(erlangStart(1900)).toBe(Math.floor(1900 - 12 * Math.sqrt(1900)));
    expect(erlangB(0, 5)).toBe(1);
    expect(erlangB(3, 0)).toBe(0);
    // Beyond the float's range (10^-308) B is exactly 0, not NaN: 3,000 places at 8 erlangs, and
    // 3 billion (a slip of the keyboard), where the loop stops once its reciprocal has overflowed.
    expect(erlangB(3000, 8)).toBe(0);
    expect(erlangB(3e9, 8)).toBe(0);
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
