import { describe, it, expect } from 'vitest';
import { holmLevels, applyVerdicts } from '../../../results/appraisal/comparisons.js';
import type { Results, Stat } from '../../../results/format.js';
import { tQuantileUpper } from '../../../results/appraisal/student-t.js';

const st = (mean: number, sd: number, n = 20): Stat => {
  const half = (tQuantileUpper(0.025, n - 1) * sd) / Math.sqrt(n);
  return { mean, sd, ci95: [mean - half, mean + half], p10: null, p90: null, n };
};

function results(diffs: Record<string, Record<string, Stat>>): Results {
  const strategies: Results['strategies'] = {};
  for (const n of ['baseline', ...Object.keys(diffs)])
    strategies[n] = { description: '', set: {}, kpis: {}, units: {}, daily: {}, exits: {} };
  return {
    format: 'caresim-results/1',
    scenario: { name: 'x', hash: 'h', assumptions: [] },
    engine: { version: '0' },
    seed: 1,
    replications: 20,
    horizon_days: 1,
    warmup_days: 0,
    start_date: '2024-01-01',
    strategies,
    differences: diffs,
  };
}

describe('holmLevels(p, alpha)', () => {
  it('holmLevels gives alpha/m, alpha/(m-1), ... in p order until the first p above its level; the rest share that level', () => {
    // Sorted p: 0.001 (<= .05/4), 0.013 (<= .05/3 = .0167), 0.03 (> .05/2): stops there.
    expect(holmLevels([0.03, 0.001, 0.5, 0.013])).toEqual([0.025, 0.0125, 0.025, 0.05 / 3]);
  });
});

describe('applyVerdicts(results, adjust)', () => {
  // Ten strategies, each with one 12-hour-wait difference whose plain 95% CI just excludes zero (p about 0.03).
  const diffs: Record<string, Record<string, Stat>> = {};
  for (let i = 0; i < 10; i++) diffs[`s${i}`] = { waits_12h_per_day: st(-1, 2) };
  diffs.strong = { waits_12h_per_day: st(-10, 2) };

  it('applyVerdicts(none) counts the clear differences and how many chance alone would give (5% of comparisons)', () => {
    const r = results(diffs);
    const c = applyVerdicts(r);
    expect(c).toEqual({ adjust: 'none', count: 11, clear: 11, expected_by_chance: 0.55 });
    expect(r.strategies.s3.verdict!.verdict).toBe('better');
    expect(r.strategies.baseline.verdict).toBeUndefined();
  });

  it('applyVerdicts(holm) widens the intervals: only the strong difference stays clear, and its interval is the 1 - 0.05/11 one', () => {
    const r = results(diffs);
    const c = applyVerdicts(r, 'holm');
    expect(c.clear).toBe(1);
    expect(r.strategies.strong.verdict!.verdict).toBe('better');
    expect(r.strategies.s3.verdict!.verdict).toBe('no clear difference');
    const half = (tQuantileUpper(0.05 / 22, 19) * 2) / Math.sqrt(20);
    expect(c.intervals!.strong.waits_12h_per_day[0]).toBeCloseTo(-10 - half, 9);
    expect(c.expected_by_chance).toBe(0.05);
  });
});
