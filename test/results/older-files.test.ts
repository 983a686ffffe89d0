import { describe, expect, it } from 'vitest';
import { withAbsentRanges } from '../../results/older-files.js';
import type { Results } from '../../results/index.js';

describe('withAbsentRanges(results)', () => {
  it('reads a Stat from an older file without p10/p90 as null, and keeps a present range', () => {
    const old = {
      strategies: {
        baseline: {
          kpis: { acute_occupancy: { mean: 0.9, sd: 0.01, ci95: [0.89, 0.91], n: 10 } },
          daily: { acute: { occupancy: { mean: [1, 2] } } },
        },
      },
      differences: { s: { acute_occupancy: { mean: 0.1, sd: 0.01, ci95: [0.09, 0.11], p10: 0.05, p90: 0.15, n: 10 } } },
    } as unknown as Results;
    const r = withAbsentRanges(old);
    expect(r.strategies.baseline.kpis.acute_occupancy).toEqual({ mean: 0.9, sd: 0.01, ci95: [0.89, 0.91], n: 10, p10: null, p90: null });
    expect(r.differences.s.acute_occupancy!.p10).toBe(0.05);
    expect(r.strategies.baseline.daily.acute.occupancy.mean).toEqual([1, 2]);
  });
});
