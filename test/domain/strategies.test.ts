import { describe, it, expect } from 'vitest';
import { ci95 } from '../validation/stats.js';
import { distMean, DAY } from '../../engine/index.js';
import { ICS, load, paired, runStrategy } from './run.js';

/**
 * Strategy effects on common random numbers: every strategy's replication r uses the same
 * seeds, so the paired difference isolates the change. Shorter runs (120 measured days)
 * keep the suite quick; the effects tested here are large against their noise.
 */
const SHORT = ['time.horizon=120 days'];

describe('strategy proactive-frail (frail crisis rate x 0.85) on ics-default.yaml', () => {
  const sc = load(ICS, SHORT);
  const base = runStrategy(sc, 'baseline', 8);
  const proactive = runStrategy(sc, 'proactive-frail', 8);

  it('reduces admissions: the 95% CI of the paired difference lies below 0', () => {
    const d = ci95(paired(base, proactive, 'admissions_per_day'));
    expect(d.hi).toBeLessThan(0);
  });

  it("cuts the frail cohort's crises by 15% (ratio CI covers 0.85) and leaves the well cohort's alone", () => {
    const ratio = ci95(base.map((b, i) => proactive[i].population!.frail.crises / b.population!.frail.crises));
    expect(0.85).toBeGreaterThanOrEqual(ratio.lo - 0.005);
    expect(0.85).toBeLessThanOrEqual(ratio.hi + 0.005);
    // The well cohort's crisis stream is its own; only its size moves, through deaths in the
    // pathway (a handful a day against 860,000 people), so its crises barely change.
    base.forEach((b, i) => {
      const w0 = b.population!.well.crises,
        w1 = proactive[i].population!.well.crises;
      expect(Math.abs(w1 - w0) / w0).toBeLessThan(1e-3);
    });
  });
});

describe('adding P2 beds (the only change) on ics-default.yaml', () => {
  // Step-up is switched off in both arms: a shared P2 bed that takes a step-up patient
  // sends that patient on to P1 or P3 later, which can lengthen the wait of acute patients
  // for P3 when P3 is at its limit. Here P2 serves step-down only and is the bottleneck.
  const common = [...SHORT, 'params.stepup_share=0%'];
  const few = runStrategy(load(ICS, [...common, 'params.p2_beds=140']), 'baseline', 8);
  const more = runStrategy(load(ICS, [...common, 'params.p2_beds=210']), 'baseline', 8);

  it('never increases delayed discharges, replication by replication', () => {
    const d = paired(few, more, 'delayed_bed_days_per_day');
    for (const x of d) expect(x).toBeLessThanOrEqual(0);
    expect(ci95(d).hi).toBeLessThan(0);
  });

  it('empties the list of acute patients waiting for P2', () => {
    few.forEach((f, i) => expect(more[i].kpis.p2_waiting_mean).toBeLessThanOrEqual(f.kpis.p2_waiting_mean!));
  });
});

describe('strategy faster-handoffs (assessment delays halved) on ics-default.yaml', () => {
  const sc = load(ICS, SHORT);
  const base = runStrategy(sc, 'baseline', 6);
  const fast = runStrategy(sc, 'faster-handoffs', 6);

  it('reduces delayed discharges by about the hand-off bed-days it saves', () => {
    const d = ci95(paired(base, fast, 'delayed_bed_days_per_day'));
    expect(d.hi).toBeLessThan(0);
    // Little's law: hand-off bed-days a day = sum over destinations of (flow out of acute x
    // mean hand-off), and halving every hand-off saves half of it. Discharge windows and
    // queues downstream shift a little with it, so allow 25% either way.
    const m = sc.strategies[0].model;
    const acute = m.units.findIndex((u) => u.role === 'acute');
    const saved = base.map((r) => {
      const mr = sc.strategies[0].modelFor(sc.seed, r.replication);
      let days = 0;
      mr.cohorts.forEach((c, ci) => {
        const perDay = r.population![c.name].admissions / r.horizonDays;
        const route = mr.units[acute].next[ci];
        route.dest.forEach((dest, k) => {
          const h = mr.units[acute].handoff[String(dest)];
          if (h) days += (perDay * (route.cum[k] - (k > 0 ? route.cum[k - 1] : 0)) * distMean(h)) / DAY;
        });
      });
      return days / 2;
    });
    const expected = saved.reduce((a, b) => a + b, 0) / saved.length;
    expect(-d.mean).toBeGreaterThan(0.75 * expected);
    expect(-d.mean).toBeLessThan(1.25 * expected);
  });
});

describe('workforce strategies fill-carer-vacancies and less-travel on ics-default.yaml', () => {
  const sc = load(ICS, SHORT);
  const base = runStrategy(sc, 'baseline', 6);
  const agency = runStrategy(sc, 'fill-carer-vacancies', 6);
  const travel = runStrategy(sc, 'less-travel', 6);
  const p1 = (rs: typeof base) => rs.map((r) => r.units.p1.capacity_mean);

  it('buy the packages the staff formula says, day by day: +3.8% with agency cover, +5.3% with 15% less travel', () => {
    // Agency fills half of the 7% vacancies: WTE working 96.5% instead of 93% of the establishment.
    // Travel 12.75 instead of 15 minutes: a package needs 2 x 42.75 instead of 2 x 45 minutes.
    base.forEach((_, i) => {
      expect(p1(agency)[i] / p1(base)[i]).toBeCloseTo(0.965 / 0.93, 2);
      expect(p1(travel)[i] / p1(base)[i]).toBeCloseTo(90 / 85.5, 2);
    });
  });

  it('cost what the hourly price says: £32.14 a package-day (HCA), 2.2% more with agency cover, 5% less with 15% less travel', () => {
    // A package-day is 2 visits x (30 + 15) minutes at £32.14 x 30 / 45 a paid hour = £32.14, one care
    // hour at the HCA price. Agency carers (3.5% of 96.5% WTE working, at a 60% premium) raise the
    // price by 60% x 3.5 / 96.5; travel of 12.75 minutes makes a package-day 2 x 42.75 paid minutes.
    const perPackageDay = (r: (typeof base)[number]) => r.units.p1.funded_cost_per_day! / r.units.p1.capacity_mean;
    base.forEach((b, i) => {
      expect(perPackageDay(b)).toBeCloseTo(32.14, 9);
      expect(perPackageDay(agency[i])).toBeCloseTo(32.14 * (1 + (0.6 * 0.035) / 0.965), 9);
      expect(perPackageDay(travel[i])).toBeCloseTo((32.14 * 42.75) / 45, 9);
      // The carers' pay is in the price: no staff group charges it again.
      expect(agency[i].kpis.staff_cost_per_day).toBe(b.kpis.staff_cost_per_day);
      expect(travel[i].kpis.staff_cost_per_day).toBe(b.kpis.staff_cost_per_day);
    });
  });
});
