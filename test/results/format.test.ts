import { describe, expect, it } from 'vitest';
import { buildModel, DAY, HOUR, exponential, lognormal, simulate } from '../../engine/index.js';
import type { Model } from '../../engine/index.js';
import {
  edWaitIsAcuteWait,
  HEADLINE_KPIS,
  shownHeadlineKpis,
  shownSensitivityKpis,
  summarise,
  type Results,
  type Stat,
} from '../../results/index.js';
import { diffResults } from '../../results/diff.js';

/**
 * ED cubicles -> acute beds without a queue, so a patient waiting for a bed waits in the
 * cubicle; `direct` adds referrals straight to the acute queue, who wait outside the ED.
 */
function system(acute: number, direct: boolean): Model {
  return buildModel({
    horizon: 120 * DAY,
    warmup: 20 * DAY,
    units: {
      ed: { kind: 'front', role: 'ed', capacity: 30, service: lognormal(3 * HOUR, 2 * HOUR), next: { acute: 1 } },
      acute: {
        kind: 'beds',
        role: 'acute',
        capacity: acute,
        queue: direct ? Infinity : 0,
        service: exponential(2 * DAY),
        next: { home: 1 },
      },
    },
    sources: direct
      ? { attend: { rate: 9 / DAY, to: 'ed' }, referred: { rate: 2 / DAY, to: 'acute' } }
      : { attend: { rate: 10 / DAY, to: 'ed' } },
  });
}

function results(direct: boolean): Results {
  const reps = (m: Model) => Array.from({ length: 6 }, (_, r) => simulate(m, { seed: 5, replication: r }));
  const r = summarise(
    [
      { name: 'baseline', description: '', set: {}, reps: reps(system(21, direct)) },
      { name: 'more_beds', description: '', set: {}, reps: reps(system(24, direct)) },
    ],
    {
      scenario: { name: 'ED', hash: 'x', assumptions: [] },
      engineVersion: '0.0.0-test',
      seed: 5,
      replications: 6,
      horizonDays: 100,
      warmupDays: 20,
      startDate: '2027-01-04',
    },
  );
  return JSON.parse(JSON.stringify(r)) as Results;
}

describe('shownHeadlineKpis(results)', () => {
  it('shows the ED patients waiting for a bed once where they are the patients waiting for an acute bed', () => {
    const r = results(false);
    const waiting = r.strategies.baseline.kpis.acute_waiting_mean!.mean!;
    // Crowded enough that there is something to count: one number, from two sums.
    expect(waiting).toBeGreaterThan(1);
    expect(r.strategies.baseline.kpis.ed_waiting_for_bed_mean!.mean).toBeCloseTo(waiting, 9);
    expect(edWaitIsAcuteWait(r)).toBe(true);
    expect(shownHeadlineKpis(r)).toContain('acute_waiting_mean');
    expect(shownHeadlineKpis(r)).not.toContain('ed_waiting_for_bed_mean');
  });

  it('shows both where some patients wait for an acute bed outside the ED', () => {
    const r = results(true);
    const k = r.strategies.baseline.kpis;
    expect(k.acute_waiting_mean!.mean! - k.ed_waiting_for_bed_mean!.mean!).toBeGreaterThan(0.1);
    expect(edWaitIsAcuteWait(r)).toBe(false);
    expect(shownHeadlineKpis(r)).toEqual(HEADLINE_KPIS.filter((x) => x !== 'cost_per_day'));
  });
});

describe('diffResults(a, b) marks as headline what the runs show', () => {
  it('lists the ED patients waiting for a bed once where both runs have them equal to those waiting for an acute bed', () => {
    const same = results(false),
      both = results(true);
    const headline = (a: Results, b: Results) =>
      new Set(
        diffResults(a, b)
          .rows.filter((r) => r.headline)
          .map((r) => r.metric),
      );
    expect(headline(same, same).has('acute_waiting_mean')).toBe(true);
    expect(headline(same, same).has('ed_waiting_for_bed_mean')).toBe(false);
    // The rows stay (the CSV keeps every KPI); only the headline mark goes.
    expect(diffResults(same, same).rows.some((r) => r.metric === 'ed_waiting_for_bed_mean')).toBe(true);
    expect(headline(both, both).has('ed_waiting_for_bed_mean')).toBe(true);
  });
});

describe('shownSensitivityKpis(file)', () => {
  const stat = (mean: number, lo: number, hi: number): Stat => ({ mean, sd: 1, p10: null, p90: null, n: 8, ci95: [lo, hi] });
  const row = (param: string, low: Stat, high: Stat) => ({ param, low, high, swing: 0 });
  it('leaves out the ED wait where, input by input, it is the acute wait, and a cost that is zero for every input', () => {
    const oat = {
      acute_waiting_mean: [row('demand', stat(-3, -4, -2), stat(3, 2, 4)), row('beds', stat(1, 0.5, 1.5), stat(-1, -1.5, -0.5))],
      ed_waiting_for_bed_mean: [
        row('beds', stat(1, 0.5, 1.5), stat(-1, -1.5, -0.5)),
        row('demand', stat(-3, -4, -2), stat(3 + 1e-13, 2, 4)),
      ],
      cost_per_day: [row('demand', stat(0, 0, 0), stat(0, 0, 0)), row('beds', stat(0, 0, 0), stat(0, 0, 0))],
    };
    expect(shownSensitivityKpis({ one_at_a_time: oat })).toEqual(['acute_waiting_mean']);
  });
  it('keeps both waits where one input moves them apart, and a cost one input moves', () => {
    const oat = {
      acute_waiting_mean: [row('demand', stat(-3, -4, -2), stat(3, 2, 4))],
      ed_waiting_for_bed_mean: [row('demand', stat(-2.5, -4, -2), stat(3, 2, 4))],
      cost_per_day: [row('demand', stat(0, 0, 0), stat(12, 10, 14))],
    };
    expect(shownSensitivityKpis({ one_at_a_time: oat })).toEqual(['acute_waiting_mean', 'ed_waiting_for_bed_mean', 'cost_per_day']);
  });
});
