import { describe, expect, it } from 'vitest';
import type { Results } from '../../results/index.js';
import { compactResults } from '../../viz/compact.js';
import { makeResults } from './fixture.js';

describe('compactResults(results)', () => {
  const r = makeResults({ sweep: true, reps: 4 });
  const c = compactResults(r);

  it('keeps every KPI, unit metric and difference exactly', () => {
    for (const name of Object.keys(r.strategies)) {
      expect(c.strategies[name].kpis).toEqual(r.strategies[name].kpis);
      expect(c.strategies[name].units).toEqual(r.strategies[name].units);
    }
    expect(c.differences).toEqual(r.differences);
    expect(c.sweep).toEqual(r.sweep);
  });

  it('rounds daily series to 0.01 and drops them for sweep points only', () => {
    const a = r.strategies.community.daily.acute.occupancy,
      b = c.strategies.community.daily.acute.occupancy;
    a.p95.forEach((x, i) => expect(Math.abs(x - b.p95[i])).toBeLessThanOrEqual(0.005 + 1e-12));
    expect(c.strategies.baseline.daily.acute.occupancy.mean).toHaveLength(a.mean.length);
    expect(c.strategies.sweep_p1_30.daily).toEqual({});
    // The daily series are what compaction shrinks: they take less than half the room they did.
    const daily = (x: Results) => JSON.stringify(Object.values(x.strategies).map((s) => s.daily)).length;
    expect(daily(c)).toBeLessThan(daily(r) / 2);
    expect(JSON.stringify(c).length).toBeLessThan(JSON.stringify(r).length);
  });
});
