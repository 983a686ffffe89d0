import { beforeAll, describe, expect, it } from 'vitest';
import { HEADLINE_KPIS, type Results, type Stat } from '../../results/index.js';
import { pairDifference } from '../../viz/pairs.js';
import { makeResults } from './fixture.js';

let r: Results;
beforeAll(() => {
  r = makeResults({ labelled: true, reps: 6 });
});
const kpi = (s: string, k: string) => (r.strategies[s].kpis as Record<string, Stat>)[k];
// The headline KPIs the fixture's model answers (it has no emergency department).
const answered = () => HEADLINE_KPIS.filter((k) => typeof kpi('baseline', k)?.mean === 'number');

describe('pairDifference(results, a, b, kpi)', () => {
  it('pairDifference(baseline, s) is the paired difference of the file; (s, baseline) its negative', () => {
    expect(answered().length).toBeGreaterThan(5);
    for (const k of answered()) {
      const d = (r.differences.community as Record<string, Stat>)[k];
      const there = pairDifference(r, 'baseline', 'community', k)!;
      expect(there.paired).toBe(true);
      expect(there.diff).toEqual(d);
      const back = pairDifference(r, 'community', 'baseline', k)!;
      expect(back.diff.mean).toBe(-d.mean!);
      expect(back.diff.ci95).toEqual([-d.ci95[1]!, -d.ci95[0]!]);
    }
  });
  it('pairDifference(a, b) of two strategies is the difference of their means, with the half-widths added in quadrature', () => {
    expect(answered().length).toBeGreaterThan(5);
    for (const k of answered()) {
      const a = kpi('community', k),
        b = kpi('fewer_acute', k);
      const p = pairDifference(r, 'community', 'fewer_acute', k)!;
      expect(p.paired).toBe(false);
      expect(p.diff.mean).toBeCloseTo(b.mean! - a.mean!, 9);
      const h = (s: Stat) => (s.ci95[1]! - s.ci95[0]!) / 2;
      expect((p.diff.ci95[1]! - p.diff.ci95[0]!) / 2).toBeCloseTo(Math.hypot(h(a), h(b)), 9);
      // Same mean as the difference of the two paired differences against the baseline.
      const da = (r.differences.community as Record<string, Stat>)[k].mean!,
        db = (r.differences.fewer_acute as Record<string, Stat>)[k].mean!;
      expect(p.diff.mean).toBeCloseTo(db - da, 6);
    }
  });
  it('pairDifference(s, s) is zero', () => {
    expect(pairDifference(r, 'community', 'community', 'acute_occupancy')!.diff.ci95).toEqual([0, 0]);
  });
});
