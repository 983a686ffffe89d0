import { beforeAll, describe, expect, it } from 'vitest';
import { HEADLINE_KPIS, kpiInfo, type Results, type Stat } from '../../results/index.js';
import { verdictOf } from '../../viz/format.js';
import { costPhrase, findingOf, movedMost, netCostOf, phrase, rankedFindings, VERDICT_ORDER } from '../../viz/findings.js';
import { makeResults } from './fixture.js';

let r: Results;
beforeAll(() => {
  r = makeResults({ labelled: true, reps: 6 });
});

const stat = (mean: number, lo: number, hi: number): Stat & { mean: number } => ({
  mean,
  sd: null,
  ci95: [lo, hi],
  p10: null,
  p90: null,
  n: 10,
});

describe('phrase(kpi, diff)', () => {
  it('phrase(delayed beds, a fall) says the beds freed, with the CI as sizes of the fall', () => {
    expect(phrase('delayed_bed_days_per_day', stat(-91.2, -96.1, -86.3))).toBe(
      'frees about 91 beds a day held by people ready to leave (86–96)',
    );
  });
  it('phrase(occupancy, a rise) speaks in percentage points', () => {
    expect(phrase('acute_occupancy', stat(0.021, 0.015, 0.027))).toBe(
      'raises acute bed occupancy by about 2.1 percentage points (1.5–2.7)',
    );
  });
  it('phrase(kpi, diff whose CI crosses zero) gives a signed range, not sizes', () => {
    expect(phrase('admissions_per_day', stat(-1.5, -4.2, 1.2))).toBe('avoids about 1.5 acute admissions a day (−1.2 to 4.2)');
  });
});

describe('costPhrase(netCost)', () => {
  it('costPhrase(nothing spent) is "no extra cost"', () => {
    expect(costPhrase({ mean: 0, ci95: null, source: 'funding' })).toBe('no extra cost');
  });
  it('costPhrase(a saving or a cost) states the amount a year', () => {
    expect(costPhrase({ mean: -2_212_200, ci95: [-2_500_000, -1_900_000], source: 'net_cost_per_year' })).toBe('saves £2.212m a year');
    expect(costPhrase({ mean: 373_939, ci95: null, source: 'funding' })).toBe('costs £373,939 a year more');
  });
  it('costPhrase(a net cost whose CI spans zero) does not claim a saving', () => {
    expect(costPhrase({ mean: -41_400, ci95: [-317_000, 234_000], source: 'net_cost_per_year' })).toBe('no clear difference in net cost');
  });
});

describe('netCostOf(results, strategy)', () => {
  it('netCostOf prefers the paired net cost a year, then the funded places', () => {
    const copy = structuredClone(r);
    copy.strategies.community.funding = { closed: [], bought: [], net_per_year: 1234 };
    expect(netCostOf(copy, 'community')).toEqual({ mean: 1234, ci95: null, source: 'funding' });
    (copy.differences.community as Record<string, Stat>).net_cost_per_year = stat(99, 50, 150);
    expect(netCostOf(copy, 'community')).toEqual({ mean: 99, ci95: [50, 150], source: 'net_cost_per_year' });
  });
});

describe('movedMost(results, strategy)', () => {
  it('movedMost picks the clear improvement with the largest change against the baseline’s year-to-year spread', () => {
    const m = movedMost(r, 'community')!;
    const base = r.strategies.baseline.kpis;
    const d = r.differences.community;
    const size = (k: string) => Math.abs((d as Record<string, Stat>)[k].mean!) / (base as Record<string, Stat>)[k].sd!;
    expect(m.diff).toEqual((d as Record<string, Stat>)[m.kpi]);
    // Every other headline KPI (cost aside) that is a clear improvement moved less.
    expect(verdictOf(m.kpi, m.diff)).toBe('better');
    for (const k of HEADLINE_KPIS.filter((x) => x !== 'cost_per_day' && x !== m.kpi)) {
      const dk = (d as Record<string, Stat>)[k];
      if (dk && dk.mean !== null && verdictOf(k, dk) === 'better') expect(size(k)).toBeLessThanOrEqual(size(m.kpi));
    }
  });
});

describe('findingOf(results, strategy)', () => {
  it('findingOf leads with the money, with its CI, when only the net cost moved clearly', () => {
    const copy = structuredClone(r);
    for (const k of Object.keys(copy.differences.community)) {
      const s = (copy.differences.community as Record<string, Stat>)[k];
      s.ci95 = [-Math.abs(s.mean ?? 0) - 1, Math.abs(s.mean ?? 0) + 1];
    }
    (copy.differences.community as Record<string, Stat>).net_cost_per_year = stat(-2_305_000, -2_587_000, -2_023_000);
    const f = findingOf(copy, 'community');
    expect(f.kpi).toBe('net_cost_per_year');
    expect(f.text).toBe('saves £2.305m a year (£2.023m–£2.587m), with no clear change in the other headline measures');
  });
  it('findingOf says a move within the noise is within the noise', () => {
    const copy = structuredClone(r);
    for (const k of Object.keys(copy.differences.community)) {
      const s = (copy.differences.community as Record<string, Stat>)[k];
      s.ci95 = [-Math.abs(s.mean ?? 0) - 1, Math.abs(s.mean ?? 0) + 1];
    }
    expect(findingOf(copy, 'community').text).toMatch(/^no clear change in the headline measures; the largest, .*, is within the noise/);
  });
});

describe('rankedFindings(results)', () => {
  it('rankedFindings lists every strategy but the baseline and the sweep points, by verdict then net cost', () => {
    const copy = structuredClone(r);
    copy.strategies.community.verdict = { verdict: 'worse', better: [], worse: ['acute_occupancy'] };
    copy.strategies.fewer_acute.verdict = { verdict: 'better', better: ['acute_occupancy'], worse: [] };
    expect(rankedFindings(copy).map((f) => f.strategy)).toEqual(['fewer_acute', 'community']);
    copy.strategies.community.verdict = { verdict: 'better', better: [], worse: [] };
    copy.strategies.community.funding = { closed: [], bought: [], net_per_year: 500 };
    copy.strategies.fewer_acute.funding = { closed: [], bought: [], net_per_year: -500 };
    expect(rankedFindings(copy).map((f) => f.strategy)).toEqual(['fewer_acute', 'community']);
    const order = rankedFindings(r).map((f) => VERDICT_ORDER.indexOf(f.verdict));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });
  it('findingOf names the worse measures as the trade-off and builds its sentence from the results file', () => {
    const f = findingOf(r, 'fewer_acute');
    expect(f.tradeOff.length).toBe(r.strategies.fewer_acute.verdict!.worse.length);
    expect(f.discounted.length).toBe(r.strategies.fewer_acute.verdict!.discounted?.length ?? 0);
    expect(f.text.startsWith(phrase(f.kpi!, (r.differences.fewer_acute as Record<string, Stat & { mean: number }>)[f.kpi!]))).toBe(true);
  });
  it('findingOf never leads with a gain the verdict discounts, and lists it apart from the trade-off', () => {
    const copy = structuredClone(r);
    const first = findingOf(copy, 'community');
    const v = copy.strategies.community.verdict!;
    copy.strategies.community.verdict = { ...v, discounted: [first.kpi!] };
    const f = findingOf(copy, 'community');
    expect(f.kpi).not.toBe(first.kpi);
    expect(f.discounted).toEqual([kpiInfo(first.kpi!).label]);
    expect(f.tradeOff).not.toContain(kpiInfo(first.kpi!).label);
  });
});
