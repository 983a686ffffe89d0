import { describe, expect, it } from 'vitest';
import { fanDomain } from '../../../viz/charts/fan.js';

describe('fanDomain(values)', () => {
  it('fanDomain of acute beds near 94% full starts near the data, so a four-point change fills a visible part of the axis', () => {
    // 2,150 beds, days between 90% and 98% full.
    const values = [0.9, 0.92, 0.94, 0.96, 0.98, 1].map((s) => s * 2150);
    const [lo, hi] = fanDomain(values);
    expect(lo).toBeGreaterThan(1500);
    expect(lo).toBeLessThanOrEqual(0.9 * 2150);
    expect(hi).toBeGreaterThanOrEqual(2150);
    // Four points of occupancy take more than a fifth of the axis.
    expect((0.04 * 2150) / (hi - lo)).toBeGreaterThan(0.2);
  });
  it('fanDomain starts at zero when the data reach down near it', () => {
    expect(fanDomain([2, 10, 30])[0]).toBe(0);
    expect(fanDomain([0, 0])).toEqual([0, 1.05]);
  });
});
