import { describe, expect, it } from 'vitest';
import { diffResults, welch, NotComparableError } from '../../results/diff.js';
import type { Results, Stat } from '../../results/index.js';

const st = (mean: number, sd: number, n: number, p10: number | null = null, p90: number | null = null): Stat => {
  // The CI does not enter Welch's interval: any consistent pair will do for the overlap flags.
  return { mean, sd, ci95: [mean - sd, mean + sd], p10, p90, n };
};

function results(over: Partial<Results> = {}, kpis: Record<string, Stat> = {}): Results {
  const k = { delayed_bed_days_per_day: st(270, 20, 20, 245, 296), acute_occupancy: st(0.95, 0.01, 20, 0.94, 0.96), ...kpis };
  return {
    format: 'caresim-results/1',
    scenario: { name: 'ICS', hash: 'aaaaaaaa11', assumptions: [] },
    engine: { version: '0' },
    seed: 1,
    replications: 20,
    horizon_days: 365,
    warmup_days: 120,
    start_date: '2027-04-05',
    strategies: {
      baseline: {
        description: '',
        set: {},
        kpis: k,
        units: { acute: { occupancy_mean: st(2000, 30, 20, 1960, 2040) } },
        daily: {},
        exits: {},
      },
      'ucr-plus': { description: '', set: {}, kpis: k, units: {}, daily: {}, exits: {} },
    },
    differences: {},
    ...over,
  };
}

describe('welch(a, b)', () => {
  it('is b - a with the Welch-Satterthwaite df and a t interval: hand-computed for (10, 2, 5) and (13, 4, 10)', () => {
    const d = welch(st(10, 2, 5), st(13, 4, 10));
    // se = sqrt(4/5 + 16/10) = sqrt(2.4); df = 2.4^2 / ((0.8^2)/4 + (1.6^2)/9) = 12.96.
    expect(d.mean).toBe(3);
    expect(d.df).toBeCloseTo(12.96, 10);
    // t(0.975) at 12.96 df, from the table (2.178813 at 12, 2.160369 at 13), interpolated: 2.161107.
    const half = 2.161107 * Math.sqrt(2.4);
    expect(d.ci95[0]).toBeCloseTo(3 - half, 3);
    expect(d.ci95[1]).toBeCloseTo(3 + half, 3);
  });
  it('has no interval when a side has one replication, and no difference when a mean is not defined', () => {
    expect(welch(st(10, 2, 1), st(13, 4, 10)).ci95).toEqual([null, null]);
    expect(welch({ ...st(10, 2, 5), mean: null }, st(13, 4, 10)).mean).toBeNull();
  });
});

describe('diffResults(a, b)', () => {
  it('compares every KPI and unit metric of each strategy in both, flags the headline KPIs and the overlaps', () => {
    const b = results({}, { delayed_bed_days_per_day: st(200, 20, 20, 175, 226) });
    const d = diffResults(results(), b);
    expect(d.strategies).toEqual(['baseline', 'ucr-plus']);
    expect(d.notes).toEqual([]);
    const delayed = d.rows.find((r) => r.strategy === 'baseline' && r.metric === 'delayed_bed_days_per_day')!;
    expect(delayed.headline).toBe(true);
    expect(delayed.difference.mean).toBe(-70);
    // CIs 250-290 and 180-220 do not overlap; ranges 245-296 and 175-226 do not either.
    expect([delayed.ci_overlap, delayed.range_overlap]).toEqual([false, false]);
    const occ = d.rows.find((r) => r.strategy === 'baseline' && r.metric === 'acute_occupancy')!;
    expect([occ.difference.mean, occ.ci_overlap, occ.range_overlap]).toEqual([0, true, true]);
    const unit = d.rows.find((r) => r.scope === 'acute')!;
    expect([unit.metric, unit.headline]).toEqual(['occupancy_mean', false]);
  });
  it('counts intervals of one value, a few units in the last place apart, as overlapping', () => {
    const x = 129.53571428571416,
      y = 129.53571428571436;
    const a = results({}, { staff_hours_per_day: st(x, 0, 20, x, x) }),
      b = results({}, { staff_hours_per_day: st(y, 0, 20, y, y) });
    const row = diffResults(a, b).rows.find((r) => r.metric === 'staff_hours_per_day')!;
    expect([row.ci_overlap, row.range_overlap]).toEqual([true, true]);
    // A real gap is still a gap.
    const c = results({}, { staff_hours_per_day: st(x + 0.01, 0, 20, x + 0.01, x + 0.01) });
    expect(diffResults(a, c).rows.find((r) => r.metric === 'staff_hours_per_day')!.ci_overlap).toBe(false);
  });

  it('reads an older file without p10/p90 as having no range: range_overlap is null, not a guess', () => {
    const old = results({}, { delayed_bed_days_per_day: st(270, 20, 20) });
    const row = diffResults(old, results()).rows.find((r) => r.metric === 'delayed_bed_days_per_day')!;
    expect(row.range_overlap).toBeNull();
    expect(row.ci_overlap).toBe(true);
  });
  it('notes (does not refuse) scenarios that differ, and strategies only one file has', () => {
    const b = results({ scenario: { name: 'ICS', hash: 'bbbbbbbb22', assumptions: [] } });
    delete (b.strategies as Record<string, unknown>)['ucr-plus'];
    const d = diffResults(results(), b);
    expect(d.notes[0]).toMatch(/the scenarios differ \(hashes aaaaaaaa and bbbbbbbb\)/);
    expect(d.notes[1]).toBe('only in a, not compared: `ucr-plus`');
  });
  it('compares the measures both files hold when one measures more, and names the others', () => {
    // b's scenario gained a measure and a unit (a workforce, a finite ED): what both hold is still comparable.
    const more = results({}, { ucr_within_2h: st(0.8, 0.01, 20) });
    more.strategies.baseline = {
      ...more.strategies.baseline,
      units: { ...more.strategies.baseline.units, ed: { occupancy_mean: st(200, 5, 20) } },
    };
    const d = diffResults(results(), more);
    expect(d.notes).toEqual(['KPIs only in b, not compared: `ucr_within_2h`', 'units only in b, not compared: `ed`']);
    expect(d.rows.map((r) => `${r.strategy} ${r.scope} ${r.metric}`)).toEqual([
      'baseline system delayed_bed_days_per_day',
      'baseline system acute_occupancy',
      'baseline acute occupancy_mean',
      'ucr-plus system delayed_bed_days_per_day',
      'ucr-plus system acute_occupancy',
    ]);
    expect(diffResults(more, results()).notes).toEqual([
      'KPIs only in a, not compared: `ucr_within_2h`',
      'units only in a, not compared: `ed`',
    ]);
  });
  it('refuses files that are not comparable, naming every reason', () => {
    const other = results({ horizon_days: 180, warmup_days: 60, strategies: { plan: results().strategies.baseline } });
    const run = () => diffResults(results(), other);
    expect(run).toThrow(NotComparableError);
    expect(run).toThrow(/no strategy in common \(a: `baseline`, `ucr-plus`; b: `plan`\)/);
    expect(run).toThrow(/different horizons \(a: 365 days, b: 180 days\)/);
    expect(run).toThrow(/different warm-ups \(a: 120 days, b: 60 days\)/);
    const v2 = { ...results(), format: 'caresim-results/2' } as unknown as Results;
    expect(() => diffResults(results(), v2)).toThrow(/different results format versions \(caresim-results\/1 and caresim-results\/2\)/);
  });
});
