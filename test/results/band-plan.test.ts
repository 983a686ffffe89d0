import { describe, expect, it } from 'vitest';
import { BAND_RESERVE, bandPlan } from '../../results/band-plan.js';
import { BAND_SAMPLE, bandPriority } from '../../results/daily-bands.js';

describe('bandPlan(indices)', () => {
  it('ranks the BAND_SAMPLE + BAND_RESERVE indices of smallest priority in priority order, and only them', () => {
    const indices = Array.from({ length: 500 }, (_, i) => 3 * i + 1);
    const plan = bandPlan(indices);
    const order = [...indices].sort((a, b) => bandPriority(a) - bandPriority(b));
    expect(plan.size).toBe(BAND_SAMPLE);
    expect(plan.reserve).toBe(BAND_RESERVE);
    expect([...plan.rank.entries()].sort((a, b) => a[1] - b[1]).map((e) => e[0])).toEqual(order.slice(0, BAND_SAMPLE + BAND_RESERVE));
    expect(plan.planned.has(4)).toBe(true);
    expect(plan.planned.has(3)).toBe(false);
  });

  it('samples every index of a run of at most BAND_SAMPLE, with no reserve', () => {
    const plan = bandPlan([5, 0, 9]);
    expect(plan.size).toBe(3);
    expect(plan.reserve).toBe(0);
    expect([...plan.rank.keys()].sort((a, b) => a - b)).toEqual([0, 5, 9]);
  });
});
