import { describe, expect, it } from 'vitest';
import { buildModel, DAY, HOUR, exponential, lognormal, simulate } from '../../engine/index.js';
import type { Model } from '../../engine/index.js';
import { edWaitIsAcuteWait, HEADLINE_KPIS, shownHeadlineKpis, summarise, type Results } from '../../results/index.js';

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
