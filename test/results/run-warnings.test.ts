import { describe, it, expect } from 'vitest';
import { buildModel, DAY, exponential, simulate } from '../../engine/index.js';
import type { Model } from '../../engine/index.js';
import { summarise } from '../../results/summarise.js';
import { runWarnings, withRunWarnings } from '../../results/run-warnings.js';
import type { Results } from '../../results/format.js';

function results(m: Model, reps = 8): Results {
  const runs = Array.from({ length: reps }, (_, r) => simulate(m, { seed: 5, replication: r }));
  return summarise([{ name: 'baseline', description: '', set: {}, reps: runs }], {
    scenario: { name: 'x', hash: 'h', assumptions: [] },
    engineVersion: 'test',
    seed: 5,
    replications: reps,
    horizonDays: m.horizon / DAY,
    warmupDays: m.warmup / DAY,
    startDate: '2024-01-01',
  });
}

/** M/M/1 with arrivals `lam` a day and a mean service of one day. */
const mm1 = (lam: number, warmup = 30) =>
  buildModel({
    name: 'mm1',
    horizon: 365 * DAY,
    warmup: warmup * DAY,
    units: { w: { kind: 'beds', capacity: 1, service: exponential(DAY), next: { home: 1 } } },
    sources: { a: { rate: lam / DAY, to: 'w' } },
  });

/** 2 admissions a day staying 40 days on average: about 80 of 200 beds, filling over months. */
const slowFill = (warmup: number) =>
  buildModel({
    name: 'fill',
    horizon: 365 * DAY,
    warmup: warmup * DAY,
    units: { ward: { kind: 'beds', capacity: 200, service: exponential(40 * DAY), next: { home: 1 } } },
    sources: { a: { rate: 2 / DAY, to: 'ward' } },
  });

describe('runWarnings(results)', () => {
  it('says the queue is still growing when the offered load is above 1 (M/M/1 at 1.2), with the slope', () => {
    const w = runWarnings(results(mm1(1.2)));
    expect(w.map((x) => [x.code, x.strategy, x.unit])).toEqual([['queue-growing', 'baseline', 'w']]);
    // The queue grows by lambda - mu = 0.2 a day.
    expect(w[0].slope_per_day!).toBeGreaterThan(0.1);
    expect(w[0].slope_per_day!).toBeLessThan(0.3);
    expect(w[0].p_value!).toBeLessThan(0.01);
    expect(w[0].message).toContain('the queue of `w` is still growing');
  });

  it('says nothing about a stable queue (M/M/1 at 0.7)', () => {
    expect(runWarnings(results(mm1(0.7)))).toEqual([]);
  });

  it('says the warm-up is too short for a unit that fills slowly, and how long it should be', () => {
    const w = runWarnings(results(slowFill(10)));
    expect(w.map((x) => [x.code, x.unit, x.warmup_days])).toEqual([['warmup-short', 'ward', 10]]);
    expect(w[0].suggested_warmup_days!).toBeGreaterThanOrEqual(60);
    expect(w[0].message).toContain(`Set \`time.warmup\` to at least ${w[0].suggested_warmup_days} days`);
    expect(runWarnings(results(slowFill(200)))).toEqual([]);
  });
});

describe('withRunWarnings(results)', () => {
  it('sets `warnings` only when there are some', () => {
    expect(withRunWarnings(results(mm1(1.2))).warnings).toHaveLength(1);
    expect('warnings' in withRunWarnings(results(mm1(0.7)))).toBe(false);
  });
});
