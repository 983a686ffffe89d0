import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { simulate, buildModel, fixed } from '../../engine/index.js';
import type { TraceEvent } from '../../engine/model.js';
import { modelArb } from './random-models.js';
import { replay } from './replay.js';

describe('simulate(model, { trace }) on arbitrary small models', () => {
  it('obeys capacity, queue limits, no overtaking and work conservation, and its results agree with its trace', () => {
    const seen = new Set<string>();
    fc.assert(
      fc.property(modelArb, (m) => {
        const events: TraceEvent[] = [];
        const r = simulate(m, { seed: 5, replication: 0, trace: (e) => events.push(e) });
        const { entered, live } = replay(m, events);
        expect(r.conservation).toEqual({ entered, left: entered - live, inSystem: live });
        const places = Object.values(r.units).reduce((a, u) => a + u.occupancy_mean + u.queue_mean, 0);
        expect(Math.abs(places - r.kpis.in_system_mean)).toBeLessThanOrEqual(1e-9 * Math.max(1, places));
        for (const [name, u] of Object.entries(r.units)) {
          for (const k of ['lost_fraction', 'p_wait', 'p_full', 'within_target', 'reneged_fraction'] as const) {
            const v = u[k];
            if (v !== undefined && !Number.isNaN(v)) {
              expect(v, `${name}.${k}`).toBeGreaterThanOrEqual(0);
              expect(v, `${name}.${k}`).toBeLessThanOrEqual(1);
            }
          }
          expect(u.blocked_mean).toBeLessThanOrEqual(u.occupancy_mean + 1e-9);
          expect(u.queue_mean).toBeLessThanOrEqual(m.units.find((x) => x.name === name)!.queue + 1e-9);
        }
        for (const e of events) seen.add(e.what);
      }),
      { numRuns: 600, seed: 2027 },
    );
    // The generator reaches every kind of step, so every rule above was exercised.
    expect([...seen].sort()).toEqual([
      'admit',
      'arrive',
      'blocked',
      'capacity',
      'depart',
      'discharge-wait',
      'divert',
      'exit',
      'handoff',
      'lost',
      'queue',
      'renege',
      'service-end',
    ]);
  });
});

describe('replay(model, events)', () => {
  // The checker itself must fail on broken traces, or the property above proves nothing.
  const m = buildModel({
    horizon: 100,
    units: {
      a: { capacity: 1, queue: 1, service: fixed(10), next: { b: 1 } },
      b: { capacity: 1, queue: 0, service: fixed(10), next: { home: 1 } },
    },
    sources: { x: { to: 'a', timetable: { times: [0], period: 1e9 } } },
  });
  const ev = (time: number, what: TraceEvent['what'], patient: number, unit: string, detail?: string | number): TraceEvent => ({
    time,
    what,
    patient,
    unit,
    detail,
  });
  it('rejects a second patient admitted to a full unit', () => {
    expect(() => replay(m, [ev(0, 'arrive', 0, 'a'), ev(0, 'admit', 0, 'a'), ev(1, 'arrive', 1, 'a'), ev(1, 'admit', 1, 'a')])).toThrow(
      /over capacity/,
    );
  });
  it('rejects overtaking the queue', () => {
    expect(() =>
      replay(m, [
        ev(0, 'arrive', 0, 'a'),
        ev(0, 'admit', 0, 'a'),
        ev(1, 'arrive', 1, 'a'),
        ev(1, 'queue', 1, 'a'),
        ev(5, 'depart', 0, 'a'),
        ev(5, 'arrive', 2, 'a'),
        ev(5, 'admit', 2, 'a'),
      ]),
    ).toThrow(/overtook/);
  });
  it('rejects a patient blocked later taking the place of one blocked earlier who moved into the queue', () => {
    // p0 fills b, p1 queues at b; p2 (t=10) then p3 (t=12) are blocked in a for b. At t=20 p0
    // leaves: p1 is admitted and p2 moves into b's queue; at t=30 p3 takes b's place ahead of p2.
    const m2 = buildModel({
      horizon: 100,
      units: {
        a: { capacity: 2, queue: 0, service: fixed(10), next: { b: 1 } },
        b: { capacity: 1, queue: 1, service: fixed(10), next: { home: 1 } },
      },
      sources: { x: { to: 'a', timetable: { times: [0], period: 1e9 } } },
    });
    const start = [
      ev(0, 'arrive', 0, 'b'),
      ev(0, 'admit', 0, 'b'),
      ev(1, 'arrive', 1, 'b'),
      ev(1, 'queue', 1, 'b'),
      ev(2, 'arrive', 2, 'a'),
      ev(2, 'admit', 2, 'a'),
      ev(2, 'arrive', 3, 'a'),
      ev(2, 'admit', 3, 'a'),
      ev(10, 'blocked', 2, 'a', 'b'),
      ev(12, 'blocked', 3, 'a', 'b'),
      ev(20, 'depart', 0, 'b'),
      ev(20, 'exit', 0, 'b', 'home'),
      ev(20, 'admit', 1, 'b'),
      ev(20, 'depart', 2, 'a'),
      ev(20, 'arrive', 2, 'b'),
      ev(20, 'queue', 2, 'b'),
      ev(30, 'depart', 1, 'b'),
      ev(30, 'exit', 1, 'b', 'home'),
    ];
    expect(() => replay(m2, [...start, ev(30, 'depart', 3, 'a'), ev(30, 'arrive', 3, 'b'), ev(30, 'admit', 3, 'b')])).toThrow(/overtook/);
    expect(() =>
      replay(m2, [...start, ev(30, 'admit', 2, 'b'), ev(30, 'depart', 3, 'a'), ev(30, 'arrive', 3, 'b'), ev(30, 'queue', 3, 'b')]),
    ).not.toThrow();
  });
  it('rejects a patient left queueing next to a free place, and one left blocked for a free unit', () => {
    expect(() =>
      replay(m, [
        ev(0, 'arrive', 0, 'a'),
        ev(0, 'admit', 0, 'a'),
        ev(1, 'arrive', 1, 'a'),
        ev(1, 'queue', 1, 'a'),
        ev(5, 'depart', 0, 'a'),
        ev(6, 'arrive', 2, 'b'),
      ]),
    ).toThrow(/free place/);
    expect(() =>
      replay(m, [
        ev(0, 'arrive', 0, 'a'),
        ev(0, 'admit', 0, 'a'),
        ev(10, 'service-end', 0, 'a', 'b'),
        ev(10, 'blocked', 0, 'a', 'b'),
        ev(11, 'arrive', 1, 'a'),
      ]),
    ).toThrow(/blocked for b/);
  });
});
