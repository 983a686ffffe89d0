import { describe, it, expect } from 'vitest';
import { buildModel, fixed, HOUR, DAY } from '../../../engine/index.js';
import { record, timetable, type Row } from './record.js';

describe('simulate(model, { trace }) — ties at one instant', () => {
  it('releases a place before seizing it, and serves same-time arrivals first come first served', () => {
    // One place, 10 min service; arrivals at 0, 10, 10. At t=10 the service end (release)
    // runs before the arrivals (seize), so the first of them is admitted at once. Patient ids
    // are recycled: p0 leaves at 10 and its id is reused by the first arrival of t=10.
    const model = buildModel({
      horizon: 100,
      daily: false,
      units: { s: { capacity: 1, service: fixed(10), next: { home: 1 } } },
      sources: { x: { to: 's', timetable: timetable([0, 10, 10]) } },
    });
    expect(record(model).rows).toEqual([
      [0, 'arrive', 0, 's'],
      [0, 'admit', 0, 's'],
      [10, 'service-end', 0, 's', 'home'],
      [10, 'depart', 0, 's'],
      [10, 'exit', 0, 's', 'home'],
      [10, 'arrive', 0, 's'],
      [10, 'admit', 0, 's'],
      [10, 'arrive', 1, 's'],
      [10, 'queue', 1, 's'],
      [20, 'service-end', 0, 's', 'home'],
      [20, 'depart', 0, 's'],
      [20, 'exit', 0, 's', 'home'],
      [20, 'admit', 1, 's'],
      [30, 'service-end', 1, 's', 'home'],
      [30, 'depart', 1, 's'],
      [30, 'exit', 1, 's', 'home'],
    ] satisfies Row[]);
  });

  it('admits from the queue in arrival order, and two sources at one instant in source order', () => {
    // x arrives at 0 and 2, y at 2 (scheduled after x's): queue order p1 (x), p2 (y).
    const model = buildModel({
      horizon: 100,
      daily: false,
      units: { s: { capacity: 1, service: fixed(10), next: { home: 1 } } },
      sources: { x: { to: 's', timetable: timetable([0, 2]) }, y: { to: 's', timetable: timetable([2]) } },
    });
    const admits = record(model)
      .rows.filter((r) => r[1] === 'admit')
      .map((r) => [r[0], r[2]]);
    expect(admits).toEqual([
      [0, 0],
      [10, 1],
      [20, 2],
    ]);
  });
});

describe('simulate(model, { trace }) — capacity schedules', () => {
  it('lowering capacity never evicts; raising it admits the queue at once', () => {
    // Capacity 2 from 0, 1 from 30, 3 from 60; 50 min service; arrivals at 0..4.
    // p0, p1 admitted; p2-p4 queue. At 30 capacity drops to 1: nobody leaves. At 50 p0 leaves
    // and 1 patient (p1) still fills the one place: no admission. At 51 p1 leaves: p2 admitted.
    // At 60 capacity 3: p3 and p4 admitted in the same instant.
    const model = buildModel({
      horizon: 200,
      daily: false,
      units: { s: { capacity: 0, schedule: { at: [0, 30, 60], cap: [2, 1, 3] }, service: fixed(50), next: { home: 1 } } },
      sources: { x: { to: 's', timetable: timetable([0, 1, 2, 3, 4]) } },
    });
    const { rows, result } = record(model);
    expect(rows).toEqual([
      [0, 'arrive', 0, 's'],
      [0, 'admit', 0, 's'],
      [1, 'arrive', 1, 's'],
      [1, 'admit', 1, 's'],
      [2, 'arrive', 2, 's'],
      [2, 'queue', 2, 's'],
      [3, 'arrive', 3, 's'],
      [3, 'queue', 3, 's'],
      [4, 'arrive', 4, 's'],
      [4, 'queue', 4, 's'],
      [30, 'capacity', -1, 's', 1],
      [50, 'service-end', 0, 's', 'home'],
      [50, 'depart', 0, 's'],
      [50, 'exit', 0, 's', 'home'],
      [51, 'service-end', 1, 's', 'home'],
      [51, 'depart', 1, 's'],
      [51, 'exit', 1, 's', 'home'],
      [51, 'admit', 2, 's'],
      [60, 'capacity', -1, 's', 3],
      [60, 'admit', 3, 's'],
      [60, 'admit', 4, 's'],
      [101, 'service-end', 2, 's', 'home'],
      [101, 'depart', 2, 's'],
      [101, 'exit', 2, 's', 'home'],
      [110, 'service-end', 3, 's', 'home'],
      [110, 'depart', 3, 's'],
      [110, 'exit', 3, 's', 'home'],
      [110, 'service-end', 4, 's', 'home'],
      [110, 'depart', 4, 's'],
      [110, 'exit', 4, 's', 'home'],
    ] satisfies Row[]);
    // Capacity-minutes: 2 x 30 + 1 x 30 + 3 x 140 = 510 over 200 minutes.
    expect(result.units.s.capacity_mean).toBeCloseTo(510 / 200, 12);
  });
});

describe('simulate(model, { trace }) — reneging', () => {
  it('a team patient not reached within patience goes to the overflow unit; reached exactly at the patience instant is not a renege', () => {
    // ucr: 1 responder, 60 min service, patience fixed 30, target 30, overflow ed (10 min).
    // Arrivals 0, 10, 35, 90. p1 (queued at 10) reneges at 40 -> ed, leaves at 50.
    // p2 (queued at 35) is reached at 60 when p0 finishes (waited 25). p3 arrives at 90 and gets
    // the recycled id 0 (ids 1 then 0 were freed); its patience ends at 120, the instant p2
    // finishes: the release runs first, so it is reached, and its renege event is stale.
    const model = buildModel({
      horizon: 300,
      daily: false,
      units: {
        ucr: {
          kind: 'team',
          role: 'ucr',
          capacity: 1,
          service: fixed(60),
          target: 30,
          patience: fixed(30),
          overflow: 'ed',
          next: { home: 1 },
        },
        ed: { kind: 'front', service: fixed(10), next: { home: 1 } },
      },
      sources: { calls: { to: 'ucr', timetable: timetable([0, 10, 35, 90]) } },
    });
    const { rows, result } = record(model);
    expect(rows).toEqual([
      [0, 'arrive', 0, 'ucr'],
      [0, 'admit', 0, 'ucr'],
      [10, 'arrive', 1, 'ucr'],
      [10, 'queue', 1, 'ucr'],
      [35, 'arrive', 2, 'ucr'],
      [35, 'queue', 2, 'ucr'],
      [40, 'renege', 1, 'ucr'],
      [40, 'arrive', 1, 'ed'],
      [40, 'admit', 1, 'ed'],
      [50, 'service-end', 1, 'ed', 'home'],
      [50, 'depart', 1, 'ed'],
      [50, 'exit', 1, 'ed', 'home'],
      [60, 'service-end', 0, 'ucr', 'home'],
      [60, 'depart', 0, 'ucr'],
      [60, 'exit', 0, 'ucr', 'home'],
      [60, 'admit', 2, 'ucr'],
      [90, 'arrive', 0, 'ucr'],
      [90, 'queue', 0, 'ucr'],
      [120, 'service-end', 2, 'ucr', 'home'],
      [120, 'depart', 2, 'ucr'],
      [120, 'exit', 2, 'ucr', 'home'],
      [120, 'admit', 0, 'ucr'],
      [180, 'service-end', 0, 'ucr', 'home'],
      [180, 'depart', 0, 'ucr'],
      [180, 'exit', 0, 'ucr', 'home'],
    ] satisfies Row[]);
    // Resolved: 3 reached (waits 0, 25, 30: all within the 30 min target), 1 reneged.
    expect(result.units.ucr.reneged_fraction).toBe(0.25);
    expect(result.units.ucr.within_target).toBe(0.75);
  });
});

describe('simulate(model, { trace }) — discharge windows', () => {
  const open = Array.from({ length: 168 }, (_, h) => (h % 24 >= 8 && h % 24 < 20 ? 1 : 0));
  it('ready at 21:00 leaves at 08:00 next day; a Friday-night patient waits for Saturday (weekend 100%) or Monday (weekend 0%)', () => {
    // t = 0 is Monday 00:00. LOS 21 h. mon: arrives Mon 00:00, ready Mon 21:00, leaves Tue 08:00 (32 h).
    // w0 (weekend 0): arrives Fri 00:00 (4 d), ready Fri 21:00, Sat and Sun refused, leaves Mon 08:00 (7 d 8 h).
    // w1 (weekend 1): arrives Fri 00:01, ready Fri 21:01, leaves Sat 08:00 (5 d 8 h).
    const model = buildModel({
      horizon: 8 * DAY,
      daily: false,
      units: {
        mon: { capacity: 1, service: fixed(21 * HOUR), discharge: { open, weekend: 1 }, next: { home: 1 } },
        w0: { capacity: 1, service: fixed(21 * HOUR), discharge: { open, weekend: 0 }, next: { home: 1 } },
        w1: { capacity: 1, service: fixed(21 * HOUR), discharge: { open, weekend: 1 }, next: { home: 1 } },
      },
      sources: {
        a: { to: 'mon', timetable: timetable([0]) },
        b: { to: 'w0', timetable: timetable([4 * DAY]) },
        c: { to: 'w1', timetable: timetable([4 * DAY + 1]) },
      },
    });
    const waits = record(model)
      .rows.filter((r) => r[1] === 'discharge-wait' || r[1] === 'depart')
      .map((r) => [r[0], r[1], r[3], r[4]]);
    expect(waits).toEqual([
      [21 * HOUR, 'discharge-wait', 'mon', 32 * HOUR],
      [32 * HOUR, 'depart', 'mon', undefined],
      [4 * DAY + 21 * HOUR, 'discharge-wait', 'w0', 7 * DAY + 8 * HOUR],
      [4 * DAY + 21 * HOUR + 1, 'discharge-wait', 'w1', 5 * DAY + 8 * HOUR],
      [5 * DAY + 8 * HOUR, 'depart', 'w1', undefined],
      [7 * DAY + 8 * HOUR, 'depart', 'w0', undefined],
    ]);
  });
});
