import { describe, expect, it } from 'vitest';
import { precision, relativeHalfWidth } from '../../results/precision.js';
import { PRECISION_KPIS } from '../../results/format.js';
import { summariseStrategy } from '../../results/summarise.js';
import { simulate, buildModel, lognormal, exponential, HOUR, DAY } from '../../engine/index.js';

/** An ED of 12 spaces in front of 27 acute beds with no queue of their own: admitted patients wait for a bed in their space, rarely 12 hours. */
const ed = buildModel({
  horizon: 200 * DAY,
  warmup: 20 * DAY,
  units: {
    ed: { kind: 'front', role: 'ed', capacity: 12, service: lognormal(3 * HOUR, 2 * HOUR), next: { acute: 0.3, home: 0.7 } },
    acute: { kind: 'beds', role: 'acute', capacity: 27, queue: 0, service: exponential(2 * DAY), next: { home: 1 } },
  },
  sources: { attend: { rate: 36 / DAY, to: 'ed' } },
});
const reps = Array.from({ length: 10 }, (_, r) => simulate(ed, { seed: 4, replication: r }));
const s = summariseStrategy(reps, { description: '', set: {} });

describe('precision(strategies, target) on a model with an ED', () => {
  it('precision(ED model) judges the 4-hour share but not the rare 12-hour counts, which would ask for far more replications', () => {
    expect(PRECISION_KPIS).toContain('ed_4h_share');
    for (const k of ['ed_12h_from_arrival_per_day', 'ed_12h_from_decision_per_day', 'ed_waiting_for_bed_mean'] as const)
      expect(PRECISION_KPIS as readonly string[]).not.toContain(k);
    const p = precision({ baseline: s }, 0.05);
    const judged = (['acute_occupancy', 'admissions_per_day', 'ed_4h_share'] as const).map((k) => relativeHalfWidth(s.kpis[k])!);
    expect(p.worst.relative_half_width).toBeCloseTo(Math.max(...judged), 12);
    // About one 12-hour wait a day or fewer: its relative CI is several times the widest judged one,
    // so ±5% on it would need (ratio)² times the replications.
    expect(s.kpis.ed_12h_from_arrival_per_day!.mean!).toBeGreaterThan(0);
    expect(s.kpis.ed_12h_from_arrival_per_day!.mean!).toBeLessThan(2);
    expect(relativeHalfWidth(s.kpis.ed_12h_from_arrival_per_day)!).toBeGreaterThan(3 * p.worst.relative_half_width!);
  });
});
