import { describe, it, expect } from 'vitest';
import { analyseScenario, loadScenarioText } from '../../scenarios/index.js';
import { simulate } from '../../engine/index.js';

// Capacity 5 + (hour % 3) for each hour of the day: it changes every hour, all year round.
const hourly = Array.from({ length: 24 }, (_, h) => 5 + (h % 3));
const roster = hourly.map((c, h) => `        - { days: all, hours: ${String(h).padStart(2, '0')}:00-${String(h + 1).padStart(2, '0')}:00, capacity: ${c} }`)
  .join('\n').replace('24:00', '00:00');
const text = (days: number) => `caresim: 1
time: { horizon: ${days} days, warmup: 0 days, start: 2027-01-04 }
arrivals: { a: { rate: 2/day, to: w } }
units:
  w:
    kind: beds
    capacity:
      base: 4
      roster:
${roster}
    los: exponential(6 hours)
    next: home
`;

describe('readCapacity(ctx, node, path) with a roster over a long horizon', () => {
  it('checks and runs 50 years of a roster that changes every hour, with the capacity over time exactly right', () => {
    const days = 50 * 365;
    const a = analyseScenario(text(days), 's.yaml');
    expect(a.diagnostics).toEqual([]);
    const model = a.loaded!.strategies[0].model;
    const sch = model.units[0].schedule!;
    expect(sch.at.length).toBe(days * 24);
    expect(model.units[0].capacity).toBe(7);
    const r = simulate(model, { seed: 1, replication: 0 });
    // Whole days: every day's mean capacity, and the whole run's, is the mean of the 24 hourly values.
    const mean = hourly.reduce((s, c) => s + c, 0) / 24;
    expect(r.units.w.capacity_mean).toBeCloseTo(mean, 9);
    expect(r.daily.w.capacity.length).toBe(days);
    for (const c of r.daily.w.capacity) expect(c).toBeCloseTo(mean, 9);
  });

  it('keeps the largest value of a long schedule as the unit capacity', () => {
    const m = loadScenarioText(text(2), 's.yaml').strategies[0].model;
    expect(m.units[0].schedule!.cap.slice(0, 24)).toEqual(hourly);
    expect(m.units[0].capacity).toBe(7);
    expect(m.units[0].schedule!.at[5]).toBe(5 * 60);
  });
});
