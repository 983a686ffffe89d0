import { describe, it, expect } from 'vitest';
import { buildModel, fixed, DAY } from '../../../engine/index.js';
import { record, timetable, type Row } from './record.js';

describe('simulate(model, { trace }) — blocking after service', () => {
  it('cascades across three units in one instant when the last one frees a place', () => {
    // a (1 place, unlimited queue, 10 min) -> b (1 place, no queue, 20 min) -> c (1 place, no queue, 100 min) -> home.
    // Arrivals at 0, 5, 12.
    const model = buildModel({
      horizon: 400,
      daily: false,
      units: {
        a: { capacity: 1, service: fixed(10), next: { b: 1 } },
        b: { capacity: 1, queue: 0, service: fixed(20), next: { c: 1 } },
        c: { capacity: 1, queue: 0, service: fixed(100), next: { home: 1 } },
      },
      sources: { x: { to: 'a', timetable: timetable([0, 5, 12]) } },
    });
    const { rows, result } = record(model);
    // t=0 p0 takes a; t=5 p1 queues; t=10 p0 moves to b, p1 gets a; t=12 p2 queues;
    // t=20 p1 done but b is full (no queue): blocked in a; t=30 p0 moves to c, which frees b
    // for p1, which frees a for p2; t=40 p2 blocked in a behind b; t=50 p1 blocked in b behind c;
    // t=130 p0 leaves c: p1 moves b->c, p2 moves a->b in the same instant; t=150 p2 blocked in b;
    // t=230 p1 leaves, p2 moves to c; t=330 p2 leaves.
    const expected: Row[] = [
      [0, 'arrive', 0, 'a'],
      [0, 'admit', 0, 'a'],
      [5, 'arrive', 1, 'a'],
      [5, 'queue', 1, 'a'],
      [10, 'service-end', 0, 'a', 'b'],
      [10, 'depart', 0, 'a'],
      [10, 'arrive', 0, 'b'],
      [10, 'admit', 0, 'b'],
      [10, 'admit', 1, 'a'],
      [12, 'arrive', 2, 'a'],
      [12, 'queue', 2, 'a'],
      [20, 'service-end', 1, 'a', 'b'],
      [20, 'blocked', 1, 'a', 'b'],
      [30, 'service-end', 0, 'b', 'c'],
      [30, 'depart', 0, 'b'],
      [30, 'arrive', 0, 'c'],
      [30, 'admit', 0, 'c'],
      [30, 'depart', 1, 'a'],
      [30, 'arrive', 1, 'b'],
      [30, 'admit', 1, 'b'],
      [30, 'admit', 2, 'a'],
      [40, 'service-end', 2, 'a', 'b'],
      [40, 'blocked', 2, 'a', 'b'],
      [50, 'service-end', 1, 'b', 'c'],
      [50, 'blocked', 1, 'b', 'c'],
      [130, 'service-end', 0, 'c', 'home'],
      [130, 'depart', 0, 'c'],
      [130, 'exit', 0, 'c', 'home'],
      [130, 'depart', 1, 'b'],
      [130, 'arrive', 1, 'c'],
      [130, 'admit', 1, 'c'],
      [130, 'depart', 2, 'a'],
      [130, 'arrive', 2, 'b'],
      [130, 'admit', 2, 'b'],
      [150, 'service-end', 2, 'b', 'c'],
      [150, 'blocked', 2, 'b', 'c'],
      [230, 'service-end', 1, 'c', 'home'],
      [230, 'depart', 1, 'c'],
      [230, 'exit', 1, 'c', 'home'],
      [230, 'depart', 2, 'b'],
      [230, 'arrive', 2, 'c'],
      [230, 'admit', 2, 'c'],
      [330, 'service-end', 2, 'c', 'home'],
      [330, 'depart', 2, 'c'],
      [330, 'exit', 2, 'c', 'home'],
    ];
    expect(rows).toEqual(expected);
    // Blocked place-minutes: a holds p1 20-30 and p2 40-130 (100); b holds p1 50-130 and p2 150-230 (160).
    expect(result.units.a.blocked_mean).toBeCloseTo(100 / 400, 12);
    expect(result.units.b.blocked_mean).toBeCloseTo(160 / 400, 12);
    // LOS in a includes blocking: p0 10, p1 20 (10-30), p2 100 (30-130) minutes.
    expect(result.units.a.los_mean).toBeCloseTo(130 / 3 / DAY, 12);
    expect(result.conservation).toEqual({ entered: 3, left: 3, inSystem: 0 });
  });

  it('counts hand-off delays as time in the place and in blocked_mean', () => {
    // acute (60 min) -> p1 after a fixed 30 min hand-off -> home after 100 min. Arrival at 0.
    const model = buildModel({
      horizon: 300,
      daily: false,
      units: {
        acute: { role: 'acute', capacity: 1, service: fixed(60), next: { p1: 1 }, handoff: { p1: fixed(30) } },
        p1: { kind: 'homecare', capacity: 1, queue: 0, service: fixed(100), next: { home: 1 } },
      },
      sources: { x: { to: 'acute', timetable: timetable([0]) } },
    });
    const { rows, result } = record(model);
    // Service ends at 60, the hand-off keeps the bed until 90, p1 from 90 to 190.
    expect(rows).toEqual([
      [0, 'arrive', 0, 'acute'],
      [0, 'admit', 0, 'acute'],
      [60, 'service-end', 0, 'acute', 'p1'],
      [60, 'handoff', 0, 'acute'],
      [90, 'depart', 0, 'acute'],
      [90, 'arrive', 0, 'p1'],
      [90, 'admit', 0, 'p1'],
      [190, 'service-end', 0, 'p1', 'home'],
      [190, 'depart', 0, 'p1'],
      [190, 'exit', 0, 'p1', 'home'],
    ] satisfies Row[]);
    expect(result.units.acute.blocked_mean).toBeCloseTo(30 / 300, 12);
    expect(result.units.acute.occupancy_mean).toBeCloseTo(90 / 300, 12);
    expect(result.units.acute.los_mean).toBeCloseTo(90 / DAY, 12);
    expect(result.kpis.delayed_bed_days_per_day).toBeCloseTo(30 / 300, 12);
  });

  it('diverts an outside arrival to the `full` unit, and loses it when that one is full too', () => {
    // a: 1 place, no queue, full -> b; b: 1 place, no queue, lost when full. 100 min each. Arrivals at 0, 10, 20.
    const model = buildModel({
      horizon: 300,
      daily: false,
      units: {
        a: { capacity: 1, queue: 0, full: 'b', service: fixed(100), next: { home: 1 } },
        b: { capacity: 1, queue: 0, service: fixed(100), next: { home: 1 } },
      },
      sources: { x: { to: 'a', timetable: timetable([0, 10, 20]) } },
    });
    const { rows, result } = record(model);
    expect(rows).toEqual([
      [0, 'arrive', 0, 'a'],
      [0, 'admit', 0, 'a'],
      [10, 'arrive', 1, 'a'],
      [10, 'divert', 1, 'a', 'b'],
      [10, 'arrive', 1, 'b'],
      [10, 'admit', 1, 'b'],
      [20, 'arrive', 2, 'a'],
      [20, 'divert', 2, 'a', 'b'],
      [20, 'arrive', 2, 'b'],
      [20, 'lost', 2, 'b'],
      [100, 'service-end', 0, 'a', 'home'],
      [100, 'depart', 0, 'a'],
      [100, 'exit', 0, 'a', 'home'],
      [110, 'service-end', 1, 'b', 'home'],
      [110, 'depart', 1, 'b'],
      [110, 'exit', 1, 'b', 'home'],
    ] satisfies Row[]);
    expect(result.units.b.lost_fraction).toBe(0.5);
    expect(result.conservation).toEqual({ entered: 3, left: 3, inSystem: 0 });
  });
});
