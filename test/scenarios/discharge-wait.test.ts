import { describe, it, expect } from 'vitest';
import { dischargeWaitMean } from '../../scenarios/discharge-wait.js';

const open = (from: number, to: number, days = [0, 1, 2, 3, 4, 5, 6]) =>
  Array.from({ length: 168 }, (_, h) => (days.includes(Math.floor(h / 24)) && h % 24 >= from && h % 24 < to ? 1 : 0));

describe('dischargeWaitMean(rule)', () => {
  it('is 0 when discharges happen at any hour of every day', () => {
    expect(dischargeWaitMean({ open: open(0, 24), weekend: 1 })).toBe(0);
  });

  it('is 3 hours for 08:00-20:00 every day: half the ready times wait 6 hours on average', () => {
    expect(dischargeWaitMean({ open: open(8, 20), weekend: 1 })).toBeCloseTo(180, 9);
  });

  it('defers weekend patients to Monday when nobody leaves at weekends: (36 + 12) / 7 hours', () => {
    expect(dischargeWaitMean({ open: open(0, 24), weekend: 0 })).toBeCloseTo((48 / 7) * 60, 9);
    expect(dischargeWaitMean({ open: open(0, 24, [0, 1, 2, 3, 4]), weekend: 1 })).toBeCloseTo((48 / 7) * 60, 9);
  });

  it('lets a share of weekend patients go: half of them wait for the next day', () => {
    // Saturday: half go at once, half wait to Sunday midnight then half of those to Monday.
    const w = dischargeWaitMean({ open: open(0, 24), weekend: 0.5 });
    const sat = 0.5 * (12 + 0.5 * 24),
      sun = 0.5 * 12;
    expect(w).toBeCloseTo(((sat + sun) / 7) * 60, 9);
  });
});
