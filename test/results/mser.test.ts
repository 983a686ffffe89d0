import { describe, it, expect } from 'vitest';
import { mser5 } from '../../results/mser.js';

describe('mser5(xs)', () => {
  it('cuts a fill-from-empty ramp and keeps a level series whole', () => {
    // 60 days rising from 0 to 100, then 300 days at 100 with a small alternation.
    const xs = Array.from({ length: 360 }, (_, d) => (d < 60 ? (100 * d) / 60 : 100 + (d % 2 ? 1 : -1)));
    const cut = mser5(xs)!;
    expect(cut).toBeGreaterThanOrEqual(55);
    expect(cut).toBeLessThanOrEqual(65);
    expect(mser5(Array.from({ length: 360 }, (_, d) => 100 + (d % 2 ? 1 : -1)))).toBe(0);
  });

  it('never cuts more than half and is null for under 50 points', () => {
    const rising = Array.from({ length: 200 }, (_, d) => d);
    expect(mser5(rising)).toBeLessThanOrEqual(100);
    expect(mser5(new Array(49).fill(1))).toBeNull();
  });
});
