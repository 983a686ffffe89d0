import { describe, it, expect } from 'vitest';
import { buildModel, fixed, DAY, HOUR } from '../../../engine/index.js';
import type { Unit } from '../../../engine/index.js';
import { record, timetable, type Row } from './record.js';

/**
 * b has 1 place and 1 waiting place. Outside arrivals to b at 0 (admitted, 100 min) and 5
 * (queued: the waiting place is now taken). a (2 places, 10 min) receives arrivals at 0 and 1,
 * which finish at 10 and 11 and stay blocked in a (b and its queue are full).
 */
function contention(priority: Unit['priority']) {
  return buildModel({
    horizon: 500,
    daily: false,
    units: {
      a: { capacity: 2, service: fixed(10), next: { b: 1 } },
      b: { capacity: 1, queue: 1, priority, service: fixed(100), next: { home: 1 } },
    },
    sources: { up: { to: 'a', timetable: timetable([0, 1]) }, direct: { to: 'b', timetable: timetable([0, 5]) } },
  });
}

describe('simulate(model, { trace }) — who gets a freed place', () => {
  // Ids: up's arrivals are p0 (t=0) and p2 (t=1); direct's are p1 (t=0) and p3 (t=5).
  it("'fifo' (default): the queued patient (waiting since 5) goes before the blocked one (since 10), who then takes the waiting place", () => {
    const rows = record(contention('fifo')).rows.filter((r) => r[0] === 100);
    expect(rows).toEqual([
      [100, 'service-end', 1, 'b', 'home'],
      [100, 'depart', 1, 'b'],
      [100, 'exit', 1, 'b', 'home'],
      [100, 'admit', 3, 'b'],
      [100, 'depart', 0, 'a'],
      [100, 'arrive', 0, 'b'],
      [100, 'queue', 0, 'b'],
    ] satisfies Row[]);
  });

  it("'fifo': a patient who moved from blocked into the queue keeps its turn (blocked at 10) ahead of one blocked later (11)", () => {
    // At 100 p0 took the waiting place; p2, blocked since 11, still waits in a. At 200 the
    // place goes to p0, who has waited since 10, and p2 takes the waiting place.
    const rows = record(contention('fifo')).rows.filter((r) => r[0] === 200);
    expect(rows).toEqual([
      [200, 'service-end', 3, 'b', 'home'],
      [200, 'depart', 3, 'b'],
      [200, 'exit', 3, 'b', 'home'],
      [200, 'admit', 0, 'b'],
      [200, 'depart', 2, 'a'],
      [200, 'arrive', 2, 'b'],
      [200, 'queue', 2, 'b'],
    ] satisfies Row[]);
  });

  it("'blocked-first': the patient blocked upstream is admitted before the queue", () => {
    const rows = record(contention('blocked-first')).rows.filter((r) => r[0] === 100);
    expect(rows).toEqual([
      [100, 'service-end', 1, 'b', 'home'],
      [100, 'depart', 1, 'b'],
      [100, 'exit', 1, 'b', 'home'],
      [100, 'depart', 0, 'a'],
      [100, 'arrive', 0, 'b'],
      [100, 'admit', 0, 'b'],
    ] satisfies Row[]);
  });
});

describe('simulate(model, { trace }) — a unit that sends a patient back to itself', () => {
  it('starts the next stay in the same place: no move, no discharge window, the place stays taken', () => {
    // 1 place, no queue, window 08:00-20:00 from Monday 00:00. p0: stay 0-100, a 10-min hand-off
    // back to itself (in its place), then the next stay 110-210 at night with no discharge wait.
    // Arrivals at 5 and 150 find the place taken and are lost (both are p1: ids are recycled).
    const model = buildModel({
      horizon: 250,
      daily: false,
      units: {
        rehab: {
          capacity: 1,
          queue: 0,
          service: fixed(100),
          next: { rehab: 1 },
          handoff: { rehab: fixed(10) },
          discharge: { open: Array.from({ length: 168 }, (_, h) => (h % 24 >= 8 && h % 24 < 20 ? 1 : 0)), weekend: 1 },
        },
      },
      sources: { x: { to: 'rehab', timetable: timetable([0, 5, 150]) } },
    });
    const { rows, result } = record(model);
    expect(rows).toEqual([
      [0, 'arrive', 0, 'rehab'],
      [0, 'admit', 0, 'rehab'],
      [5, 'arrive', 1, 'rehab'],
      [5, 'lost', 1, 'rehab'],
      [100, 'service-end', 0, 'rehab', 'rehab'],
      [100, 'handoff', 0, 'rehab'],
      [150, 'arrive', 1, 'rehab'],
      [150, 'lost', 1, 'rehab'],
      [210, 'service-end', 0, 'rehab', 'rehab'],
      [210, 'handoff', 0, 'rehab'],
    ] satisfies Row[]);
    // One arrival admitted, once; the hand-off minutes (100-110, 210-220) count as blocked.
    expect(result.units.rehab.admitted_per_day).toBeCloseTo(1 / (250 / DAY), 12);
    expect(result.units.rehab.blocked_mean).toBeCloseTo(20 / 250, 12);
    expect(result.units.rehab.occupancy_mean).toBe(1);
  });
});

describe('simulate(model, { trace }) — exits, reneging without overflow, timetables', () => {
  it('applies a hand-off delay before an exit (waiting for a social-care decision before going home)', () => {
    const model = buildModel({
      horizon: 200,
      daily: false,
      units: { acute: { role: 'acute', capacity: 1, service: fixed(50), next: { home: 1 }, handoff: { home: fixed(30) } } },
      sources: { x: { to: 'acute', timetable: timetable([0]) } },
    });
    const { rows, result } = record(model);
    expect(rows).toEqual([
      [0, 'arrive', 0, 'acute'],
      [0, 'admit', 0, 'acute'],
      [50, 'service-end', 0, 'acute', 'home'],
      [50, 'handoff', 0, 'acute'],
      [80, 'depart', 0, 'acute'],
      [80, 'exit', 0, 'acute', 'home'],
    ] satisfies Row[]);
    expect(result.units.acute.blocked_mean).toBeCloseTo(30 / 200, 12);
  });

  it('a patient reneging from a team without overflow leaves the system, named at that team', () => {
    // 1 responder busy 0-100; p1 queued at 10 with patience 20 reneges at 30.
    const model = buildModel({
      horizon: 200,
      daily: false,
      units: { ucr: { kind: 'team', capacity: 1, service: fixed(100), patience: fixed(20), next: { home: 1 } } },
      sources: { x: { to: 'ucr', timetable: timetable([0, 10]) } },
    });
    const { rows, result } = record(model);
    expect(rows.filter((r) => r[0] === 30)).toEqual([
      [30, 'renege', 1, 'ucr'],
      [30, 'lost', 1, 'ucr'],
    ] satisfies Row[]);
    expect(result.conservation).toEqual({ entered: 2, left: 2, inSystem: 0 });
    expect(result.units.ucr.reneged_fraction).toBe(0.5);
  });

  it('repeats a timetable every period: two arrivals a day at 08:00 and 20:00 over 3 days', () => {
    const model = buildModel({
      horizon: 3 * DAY,
      daily: false,
      units: { clinic: { kind: 'front', service: fixed(HOUR), next: { home: 1 } } },
      sources: { x: { to: 'clinic', timetable: { times: [8 * HOUR, 20 * HOUR], period: DAY } } },
    });
    const arrivals = record(model)
      .rows.filter((r) => r[1] === 'arrive')
      .map((r) => r[0]);
    expect(arrivals).toEqual([8, 20, 32, 44, 56, 68].map((h) => h * HOUR));
  });
});

describe('simulate(model, { trace }) — re-routing when the next unit is full (ifFull)', () => {
  // ucr (1 responder, 60 min) -> stepup (1 bed, no queue, 1000 min); if stepup is full, go to `alt`.
  // Calls at 0 and 10: p0 is seen 0-60 and takes the bed at 60; p1 (queued) is seen 60-120,
  // finds the bed taken and is re-routed.
  function reroute(alt: string, altBusy: boolean) {
    return buildModel({
      horizon: 400,
      daily: false,
      units: {
        ucr: { kind: 'team', capacity: 1, service: fixed(60), next: { stepup: 1 }, ifFull: { stepup: alt } },
        stepup: { capacity: 1, queue: 0, service: fixed(1000), next: { home: 1 } },
        ed: { kind: 'front', service: fixed(30), next: { home: 1 } },
        ward: { capacity: 1, queue: 0, service: fixed(1000), next: { home: 1 } },
      },
      sources: {
        calls: { to: 'ucr', timetable: timetable([0, 10]) },
        ...(altBusy ? { direct: { to: 'ward', timetable: timetable([0]) } } : {}),
      },
    });
  }

  it('goes to the alternative instead of holding the responder', () => {
    const rows = record(reroute('ed', false)).rows.filter((r) => r[2] === 1 && r[0] >= 120);
    expect(rows).toEqual([
      [120, 'service-end', 1, 'ucr', 'stepup'],
      [120, 'divert', 1, 'ucr', 'ed'],
      [120, 'depart', 1, 'ucr'],
      [120, 'arrive', 1, 'ed'],
      [120, 'admit', 1, 'ed'],
      [150, 'service-end', 1, 'ed', 'home'],
      [150, 'depart', 1, 'ed'],
      [150, 'exit', 1, 'ed', 'home'],
    ] satisfies Row[]);
  });

  it('re-routes once only: when the alternative is full too, the patient waits for the alternative', () => {
    // The ward's bed is taken from 0 by a direct admission (p1 of source `direct`); calls are p0, p2.
    const { rows, result } = record(reroute('ward', true));
    expect(rows.filter((r) => r[2] === 2 && r[0] >= 120 && r[0] <= 1000)).toEqual([
      [120, 'service-end', 2, 'ucr', 'stepup'],
      [120, 'divert', 2, 'ucr', 'ward'],
      [120, 'blocked', 2, 'ucr', 'ward'],
    ] satisfies Row[]);
    // Held from 120 to the end of the run (the ward frees at 1000 > 400).
    expect(result.units.ucr.blocked_mean).toBeCloseTo(280 / 400, 12);
  });
});
