import { describe, it, expect } from 'vitest';
import { analyseScenario, loadScenarioText } from '../../scenarios/index.js';
import { simulate } from '../../engine/index.js';

// Capacity 5 + (hour % 3) for each hour of the day: it changes every hour, all year round.
const hourly = Array.from({ length: 24 }, (_, h) => 5 + (h % 3));
const roster = hourly
  .map((c, h) => `        - { days: all, hours: ${String(h).padStart(2, '0')}:00-${String(h + 1).padStart(2, '0')}:00, capacity: ${c} }`)
  .join('\n')
  .replace('24:00', '00:00');
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

const unit = (capacity: string) => `caresim: 1
time: { horizon: 3 days, warmup: 0 days, start: 2027-01-04 }
arrivals: { a: { rate: 2/day, to: w } }
units:
  w:
    kind: beds
    capacity: ${capacity}
    los: exponential(6 hours)
    next: home
`;
const errorsOf = (t: string) =>
  analyseScenario(t, 's.yaml')
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => [d.code, d.path, d.line, d.col]);

describe('readCapacity(ctx, node, path) with shifts and changes at odd times', () => {
  it('changes capacity at the minute a shift starts and ends, not at the next whole hour', () => {
    const m = loadScenarioText(
      unit('{ base: 4, roster: [{ days: all, hours: 08:30-20:15, capacity: 9 }, { days: all, hours: 21:10-21:50, capacity: 6 }] }'),
      's.yaml',
    ).strategies[0].model;
    const sch = m.units[0].schedule!;
    // 2027-01-04 starts at midnight: day 0 of the run.
    expect(sch.at.slice(0, 5)).toEqual([0, 8 * 60 + 30, 20 * 60 + 15, 21 * 60 + 10, 21 * 60 + 50]);
    expect(sch.cap.slice(0, 5)).toEqual([4, 9, 4, 6, 4]);
  });

  it('rejects a change that ends before it starts, located at its `to`', () => {
    expect(errorsOf(unit('\n      base: 4\n      changes:\n        - { from: 2027-03-31, to: 2027-01-05, capacity: 6 }'))).toEqual([
      ['bad-date', 'units.w.capacity.changes[0].to', 10, 35],
    ]);
  });

  it('rejects a shift or discharge window that starts and ends at the same time (it would never apply)', () => {
    expect(errorsOf(unit('{ base: 4, roster: [{ days: all, hours: 08:00-08:00, capacity: 9 }] }'))).toEqual([
      ['bad-time', 'units.w.capacity.roster[0].hours', 7, 55],
    ]);
  });
});

describe('readDischarge(ctx, node, path) with a window off the hour', () => {
  it('warns that a window opening at 08:30 opens at 09:00, since windows are kept by the hour', () => {
    const t = unit('4').replace('next: home', 'next: home\n    discharge: { hours: 08:30-20:00 }');
    const w = analyseScenario(t, 's.yaml').diagnostics;
    expect(w.map((d) => [d.severity, d.code, d.path, d.line])).toEqual([['warning', 'coarse-time', 'units.w.discharge.hours', 10]]);
    expect(w[0].message).toContain('09:00-20:00');
  });
});
