import { beforeAll, describe, expect, it } from 'vitest';
import { HEADLINE_KPIS, type Results } from '../../results/index.js';
import {
  cohortBars,
  mainStrategies,
  dailyUnits,
  dayDate,
  differenceRows,
  fanData,
  headlineCards,
  kpiBars,
  methodsFacts,
  strategyNames,
  sweepPoints,
  unitMetricBars,
} from '../../viz/data.js';
import { makeResults } from './fixture.js';

let r: Results, noUcr: Results;
beforeAll(() => {
  r = makeResults({ sweep: true });
  noUcr = makeResults({ ucr: false, reps: 4 });
});

describe('strategyNames(results)', () => {
  it('puts baseline first whatever the key order', () => {
    const shuffled = { ...r, strategies: { community: r.strategies.community, baseline: r.strategies.baseline } };
    expect(strategyNames(shuffled)).toEqual(['baseline', 'community']);
  });
});

describe('headlineCards(results)', () => {
  it('has every headline KPI for every strategy, with the paired difference for all but baseline', () => {
    const cards = headlineCards(r);
    expect(cards).toHaveLength(HEADLINE_KPIS.length * strategyNames(r).length);
    for (const c of cards) {
      expect(c.value).toBe(r.strategies[c.strategy].kpis[c.kpi]);
      expect(c.diff).toBe(c.strategy === 'baseline' ? null : r.differences[c.strategy][c.kpi]);
    }
    expect(cards.filter((c) => c.avoided).map((c) => c.kpi)).toEqual(strategyNames(r).map(() => 'admissions_per_day'));
  });
  it('has one card, not two, where the ED patients waiting for a bed are those waiting for an acute bed', () => {
    const same = structuredClone(r);
    for (const s of Object.values(same.strategies)) s.kpis.ed_waiting_for_bed_mean = structuredClone(s.kpis.acute_waiting_mean);
    const cards = headlineCards(same);
    expect(cards).toHaveLength((HEADLINE_KPIS.length - 1) * strategyNames(r).length);
    expect(cards.some((c) => c.kpi === 'ed_waiting_for_bed_mean')).toBe(false);
    expect(cards.filter((c) => c.kpi === 'acute_waiting_mean')).toHaveLength(strategyNames(r).length);
  });
  it('keeps a KPI the model cannot answer as an empty card', () => {
    const ucr = headlineCards(noUcr).filter((c) => c.kpi === 'ucr_within_2h');
    expect(ucr).toHaveLength(2);
    expect(ucr.every((c) => c.value === null)).toBe(true);
  });
});

describe('headlineCards and differenceRows of a model that prices nothing', () => {
  it('show the cost a day as not modelled, never as £0, and leave it out of the differences', () => {
    // What the engine writes for a model without prices: no recurrent cost, a cost a day of 0.
    const free = structuredClone(r);
    for (const s of Object.values(free.strategies)) delete s.kpis.recurrent_cost_per_year;
    const cost = headlineCards(free).filter((c) => c.kpi === 'cost_per_day');
    expect(cost.length).toBe(strategyNames(free).length);
    expect(cost.every((c) => c.value === null && c.diff === null)).toBe(true);
    expect(differenceRows(free).some((x) => x.kpi === 'cost_per_day')).toBe(false);
    expect(differenceRows(r).some((x) => x.kpi === 'cost_per_day')).toBe(true);
  });
});

describe('differenceRows(results, kpis)', () => {
  it('gives one row per non-baseline strategy and headline KPI that has a difference', () => {
    const rows = differenceRows(noUcr);
    expect(rows.map((x) => x.kpi)).toEqual(HEADLINE_KPIS.filter((k) => k !== 'ucr_within_2h' && k !== 'ed_occupancy')); // no UCR; an ED of unlimited spaces has no occupancy
    for (const row of rows) expect(row.diff).toBe(noUcr.differences[row.strategy][row.kpi]);
  });
});

describe('fanData(results, unit)', () => {
  it('has the measured days from 0 and the warm-up from warmup_aid at negative days', () => {
    const f = fanData(r, 'acute');
    expect(f.series.map((s) => s.strategy)).toEqual(mainStrategies(r));
    expect(mainStrategies(r)).toEqual(['baseline', 'community']);
    const band = r.strategies.baseline.daily.acute.occupancy;
    expect(f.series[0].points.map((p) => p.mean)).toEqual(band.mean);
    expect(f.series[0].points[0].day).toBe(0);
    expect(f.series[0].points).toHaveLength(r.horizon_days);
    expect(f.warmup.map((p) => p.day)).toEqual(Array.from({ length: r.warmup_days }, (_, i) => i - r.warmup_days));
    expect(f.warmup.map((p) => p.mean)).toEqual(r.warmup_aid!.acute.slice(0, r.warmup_days));
    for (const p of f.series[0].points) expect(p.p05! <= p.mean + 1e-9 && p.mean <= p.p95! + 1e-9).toBe(true);
  });
  it('lists units with daily series', () => {
    expect(dailyUnits(r)).toEqual(Object.keys(r.strategies.baseline.daily));
  });
});

describe('dayDate(startDate, day)', () => {
  it('counts calendar days from the first measured day, warm-up before it', () => {
    expect(dayDate('2027-01-04', 0).toISOString().slice(0, 10)).toBe('2027-01-04');
    expect(dayDate('2027-01-04', -5).toISOString().slice(0, 10)).toBe('2026-12-30');
    expect(dayDate('2027-01-04', 365).toISOString().slice(0, 10)).toBe('2028-01-04');
  });
});

describe('unitMetricBars(results, metric, units, scale)', () => {
  it('scales waits from days to hours with their intervals and drops units that are zero everywhere', () => {
    const rows = unitMetricBars(r, 'wait_mean', undefined, 24);
    for (const row of rows) {
      const s = r.strategies[row.strategy].units[row.group].wait_mean!;
      expect(row.stat.mean).toBeCloseTo(s.mean! * 24, 9);
      expect(row.stat.ci95[1]).toBeCloseTo(s.ci95[1]! * 24, 9);
    }
    const costs = unitMetricBars(r, 'cost_per_day');
    expect(new Set(costs.map((c) => c.group))).not.toContain('ed');
    expect(new Set(costs.map((c) => c.group))).toContain('acute');
  });
});

describe('kpiBars(results, kpis, label)', () => {
  it('groups by KPI and skips KPIs a strategy does not have', () => {
    const rows = kpiBars(noUcr, ['acute_waiting_mean', 'ucr_within_2h']);
    expect(new Set(rows.map((x) => x.group))).toEqual(new Set(['acute_waiting_mean']));
  });
});

describe('sweepPoints(results, kpi)', () => {
  it('gives one point per sweep value in increasing order, bound to that strategy', () => {
    const pts = sweepPoints(r, 'delayed_bed_days_per_day');
    expect(pts.map((p) => p.x)).toEqual([30, 38, 50]);
    for (const p of pts) expect(p.stat).toBe(r.strategies[p.strategy].kpis.delayed_bed_days_per_day);
    // More packages, fewer patients stuck in acute beds: the fixture's own mechanism.
    expect(pts[0].stat.mean).toBeGreaterThan(pts[2].stat.mean);
  });
  it('is empty without a sweep', () => {
    expect(sweepPoints(noUcr, 'cost_per_day')).toEqual([]);
  });
});

describe('methodsFacts(results)', () => {
  it('states scenario, hash, replications, warm-up, horizon, seed and engine version from the file', () => {
    const text = methodsFacts(r)
      .map((f) => `${f.label}: ${f.value}`)
      .join('\n');
    for (const needle of [
      'Fixture ICS',
      'f1x7ure',
      `Replications: ${r.replications}`,
      `${r.warmup_days} days`,
      `${r.horizon_days} days from 2027-01-04`,
      `${r.seed}`,
      '0.0.0-test',
    ]) {
      expect(text).toContain(needle);
    }
  });
});

describe('cohortBars(results, metric)', () => {
  it('is empty for a model without a population and follows the file for one with', () => {
    expect(cohortBars(r, 'admissions_per_1000_per_year')).toEqual([]);
    const withPop: Results = JSON.parse(JSON.stringify(r));
    const st = (mean: number) => ({ mean, sd: 1, ci95: [mean - 1, mean + 1] as [number, number], p10: mean - 2, p90: mean + 2, n: 10 });
    for (const [i, name] of ['baseline', 'community'].entries()) {
      withPop.strategies[name].population = {
        frail: {
          people: [],
          crises_per_1000_per_year: st(900 - i),
          admissions_per_1000_per_year: st(400 - i),
          bed_days_per_1000_per_year: st(5000),
          days_at_home_per_person_year: st(300),
        },
        well: {
          people: [],
          crises_per_1000_per_year: st(50),
          admissions_per_1000_per_year: st(20 - i),
          bed_days_per_1000_per_year: st(100),
          days_at_home_per_person_year: st(364),
        },
      };
    }
    const rows = cohortBars(withPop, 'admissions_per_1000_per_year');
    expect(rows.map((x) => [x.group, x.strategy, x.stat.mean])).toEqual([
      ['frail', 'baseline', 400],
      ['frail', 'community', 399],
      ['well', 'baseline', 20],
      ['well', 'community', 19],
    ]);
  });
});
