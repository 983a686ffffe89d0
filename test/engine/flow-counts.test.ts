import { describe, it, expect } from 'vitest';
import { simulate, buildModel, fixed, exponential, HOUR, DAY } from '../../engine/index.js';
import type { Model, ReplicationResult, FlowCount } from '../../engine/index.js';

const run = (m: Model, replication = 0): ReplicationResult => simulate(m, { seed: 2027, replication });

const edge = (r: ReplicationResult, from: string, to: string): FlowCount | undefined =>
  r.flows!.find((f) => f.from === from && f.to === to);
const moved = (r: ReplicationResult, from: string, to: string) => edge(r, from, to)?.moved ?? 0;

/** For every unit: moves in, moves out, and the patients inside at the start and end of the measured period. */
function balance(r: ReplicationResult): Record<string, { in: number; out: number; start: number; end: number }> {
  const out: Record<string, { in: number; out: number; start: number; end: number }> = {};
  for (const [u, inside] of Object.entries(r.inside!)) out[u] = { in: 0, out: 0, ...inside };
  for (const f of r.flows!) {
    if (f.to.startsWith('unit:')) out[f.to.slice(5)].in += f.moved;
    if (f.from.startsWith('unit:')) out[f.from.slice(5)].out += f.moved;
  }
  return out;
}

describe('simulate(model).flows on a deterministic route', () => {
  // One arrival an hour, all to A, all from A to B, all from B home; fixed stays, no warm-up.
  const model = buildModel({
    horizon: 10 * DAY,
    units: {
      a: { capacity: 5, service: fixed(2 * HOUR), next: { b: 1 } },
      b: { capacity: 5, service: fixed(3 * HOUR), next: { home: 1 } },
    },
    sources: { calls: { to: 'a', timetable: { times: [30], period: HOUR } } },
  });

  it('counts every patient on every edge, nothing else', () => {
    const r = run(model);
    // Arrivals at 0:30, 1:30, ... up to 239:30: 240. Each leaves A 2 hours later, B 3 hours after that.
    expect(r.flows!.map((f) => [f.from, f.to, f.moved, f.delayed])).toEqual([
      ['source:calls', 'unit:a', 240, 0],
      ['unit:a', 'unit:b', 238, 0],
      ['unit:b', 'exit:home', 235, 0],
    ]);
    expect(r.inside).toEqual({ a: { start: 0, end: 2 }, b: { start: 0, end: 3 } });
    expect(r.exits.home).toBe(235);
  });
});

describe('simulate(model).flows with a 70/30 split', () => {
  it('shares on each branch are within the binomial 99% interval on a fixed seed', () => {
    const model = buildModel({
      horizon: 200 * DAY,
      warmup: 5 * DAY,
      units: {
        front: { kind: 'front', service: exponential(HOUR), next: { acute: 0.7, home: 0.3 } },
        acute: { service: fixed(HOUR), next: { home: 1 } },
      },
      sources: { walk_in: { rate: 20 / DAY, to: 'front' } },
    });
    const r = run(model);
    const toAcute = moved(r, 'unit:front', 'unit:acute'),
      toHome = moved(r, 'unit:front', 'exit:home');
    const n = toAcute + toHome;
    expect(n).toBeGreaterThan(3500);
    const sd = Math.sqrt((0.7 * 0.3) / n);
    expect(Math.abs(toAcute / n - 0.7)).toBeLessThan(2.576 * sd);
  });
});

describe('simulate(model).flows at a loss unit', () => {
  const model = buildModel({
    horizon: 100 * DAY,
    warmup: 10 * DAY,
    units: {
      s: { capacity: 3, queue: 0, service: exponential(4 * HOUR), next: { home: 1 } },
      team: { kind: 'team', capacity: 1, service: exponential(HOUR), patience: exponential(HOUR / 2), next: { home: 1 } },
    },
    sources: { a: { rate: 1 / HOUR, to: 's' }, b: { rate: 1 / HOUR, to: 'team' } },
  });
  const r = run(model);

  it('the turned-away flow is the lost count behind lost_fraction, exactly', () => {
    const lost = moved(r, 'unit:s', 'lost:turned_away');
    expect(lost).toBeGreaterThan(100);
    expect(lost).toBe(r.fractions!.units.s.lost_fraction![0]);
    expect(lost / (r.units.s.arrivals_per_day * r.horizonDays)).toBeCloseTo(r.units.s.lost_fraction, 12);
  });

  it('patients who left a queue with no overflow are the reneged count, exactly', () => {
    const left = moved(r, 'unit:team', 'lost:left_waiting');
    expect(left).toBeGreaterThan(100);
    expect(left).toBe(r.fractions!.units.team.reneged_fraction![0]);
  });
});

describe('simulate(model).flows balance per unit', () => {
  // Blocking after service, a hand-off, a queue, a renege to an overflow, a re-route and a divert:
  // every path a patient can take out of a unit, with warm-up so units hold patients at the start.
  const model = buildModel({
    horizon: 60 * DAY,
    warmup: 15 * DAY,
    units: {
      ucr: {
        kind: 'team',
        capacity: 2,
        service: exponential(2 * HOUR),
        patience: exponential(2 * HOUR),
        overflow: 'ed',
        next: { home: 0.6, stepup: 0.4 },
        ifFull: { stepup: 'ed' },
      },
      ed: { kind: 'front', capacity: 6, queue: 4, full: 'acute', service: exponential(4 * HOUR), next: { acute: 0.4, home: 0.6 } },
      acute: { capacity: 12, service: exponential(3 * DAY), next: { home: 0.5, rehab: 0.5 }, handoff: { rehab: exponential(DAY / 2) } },
      rehab: { capacity: 5, queue: 0, service: exponential(5 * DAY), next: { home: 0.8, acute: 0.1, death: 0.1 } },
      stepup: { capacity: 2, queue: 0, service: exponential(3 * DAY), next: { home: 1 } },
    },
    sources: { calls: { rate: 12 / DAY, to: 'ucr' }, walk_in: { rate: 6 / DAY, to: { ed: 0.9, home: 0.1 } } },
  });

  for (const rep of [0, 1, 2]) {
    it(`in = out + inside at the end - inside at the start, exactly, for every unit (replication ${rep})`, () => {
      const r = run(model, rep);
      const b = balance(r);
      for (const [u, x] of Object.entries(b)) expect({ u, in: x.in }).toEqual({ u, in: x.out + x.end - x.start });
      // The fixture exercises what it claims to: blocked moves, reneging to overflow, re-routes, direct exits.
      expect(r.flows!.some((f) => f.delayed > 0)).toBe(true);
      expect(moved(r, 'unit:ucr', 'unit:ed')).toBeGreaterThan(0);
      expect(moved(r, 'source:walk_in', 'exit:home')).toBeGreaterThan(0);
      expect(Object.values(b).some((x) => x.start > 0)).toBe(true);
    });
  }

  it('delayed moves are the blocked ones: every delayed count is at most its edge, and only into units', () => {
    const r = run(model);
    for (const f of r.flows!) {
      expect(f.delayed).toBeLessThanOrEqual(f.moved);
      if (f.delayed > 0) expect(f.to.startsWith('unit:')).toBe(true);
    }
    expect(edge(r, 'unit:acute', 'unit:rehab')!.delayed).toBeGreaterThan(0);
  });

  it('whole-system balance: what entered after warm-up left or is still inside', () => {
    const r = run(model);
    const fromOutside = r.flows!.filter((f) => f.from.startsWith('source:')).reduce((a, f) => a + f.moved, 0);
    const leaving = r.flows!.filter((f) => !f.to.startsWith('unit:')).reduce((a, f) => a + f.moved, 0);
    const start = Object.values(r.inside!).reduce((a, x) => a + x.start, 0),
      end = Object.values(r.inside!).reduce((a, x) => a + x.end, 0);
    expect(fromOutside + start).toBe(leaving + end);
  });
});
