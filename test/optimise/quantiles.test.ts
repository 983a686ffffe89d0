import { describe, it, expect } from 'vitest';
import { tQuantile } from '../../optimise/quantiles.js';

describe('tQuantile(p, df)', () => {
  // Values from the t table (R's qt).
  const table: [number, number, number][] = [
    [0.975, 10, 2.228139],
    [0.95, 5, 2.015048],
    [0.995, 3, 5.840909],
    [0.9975, 20, 3.153401],
    [0.99, 1, 31.820516],
    [0.95, 2, 2.919986],
    [0.999, 50, 3.261328],
    [0.9875, 4, 3.495406],
  ];
  for (const [p, df, q] of table) {
    it(`tQuantile(${p}, ${df}) is ${q} within 1e-3 relative`, () => {
      expect(Math.abs(tQuantile(p, df) - q) / q).toBeLessThan(1e-3);
    });
  }
  it('tQuantile(p, df) is odd around 0.5 and tends to the normal for large df', () => {
    expect(tQuantile(0.05, 12)).toBeCloseTo(-tQuantile(0.95, 12), 9);
    expect(tQuantile(0.975, 1e5)).toBeCloseTo(1.96, 3);
  });
});
