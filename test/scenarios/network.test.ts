import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadScenario, analyseScenario, loadScenarioText } from '../../scenarios/index.js';
import { trafficRates, meanCapacity } from '../../scenarios/network.js';
import { DAY, makeStream } from '../../engine/index.js';

const LIB = join(__dirname, '../../scenarios/library');

const oneUnit = (cap: string, extra = '') => `caresim: 1
time: { horizon: 100 days }
arrivals: { a: { rate: 10/day, to: w } }
units:
  w: { kind: beds, capacity: ${cap}, los: exponential(5 days)${extra} }
`;
const codes = (text: string) => analyseScenario(text, 's.yaml').diagnostics.map((d) => `${d.severity}:${d.code}:${d.path}`);

describe('trafficRates(model)', () => {
  it('solves the traffic equations of a network with feedback', () => {
    const m = loadScenario(join(LIB, 'jackson.yaml')).strategies[0].model;
    const [lam] = trafficRates(m);
    expect(lam[0] * DAY).toBeCloseTo(1 / 0.85, 9);
    expect(lam[1] * DAY).toBeCloseTo(0.5 / 0.85, 9);
  });

  it('weights population sources by people x crisis rate and routes per cohort', () => {
    const m = loadScenarioText(
      `caresim: 1
time: { horizon: 100 days }
population:
  cohorts:
    a: { people: 3650, crisis: 1/year }
    b: { people: 730, crisis: 5/year }
arrivals: { c: { from: population, to: ed } }
units:
  ed: { kind: front, service: 1 hour, next: { ward: { default: 10%, b: 50% }, home: rest } }
  ward: { kind: beds, capacity: 100, los: 2 days }
`,
      's.yaml',
    ).strategies[0].model;
    const lam = trafficRates(m);
    expect(lam[0][0] * DAY).toBeCloseTo(10, 9);
    expect(lam[1][0] * DAY).toBeCloseTo(10, 9);
    expect(lam[0][1] * DAY).toBeCloseTo(1, 9);
    expect(lam[1][1] * DAY).toBeCloseTo(5, 9);
  });
});

describe('meanCapacity(capacity, schedule, from, to)', () => {
  it('time-averages a step schedule over a window', () => {
    expect(meanCapacity(10, { at: [0, 100], cap: [10, 20] }, 50, 150)).toBe(15);
    expect(meanCapacity(7, undefined, 0, 10)).toBe(7);
  });
});

describe('checkStability(model, diags, unitLoc, label) via analyseScenario(text, file)', () => {
  it('warns when the offered load is at or above 1', () => {
    expect(codes(oneUnit('50'))).toEqual(['warning:unstable:units.w']);
    expect(codes(oneUnit('51'))).toEqual([]);
  });

  it('says a loss system is overloaded rather than unstable: it turns the excess away', () => {
    expect(codes(oneUnit('20', ', queue: none'))).toEqual(['warning:overloaded:units.w']);
    expect(codes(oneUnit('20', ', queue: 5'))).toEqual(['warning:overloaded:units.w']);
    expect(codes(oneUnit('50', ', queue: none'))).toEqual(['warning:overloaded:units.w']);
    expect(codes(oneUnit('51', ', queue: none'))).toEqual([]);
  });

  it('uses the time-average of a capacity schedule', () => {
    const winter = '{ base: 48, changes: [{ from: 2024-01-01, capacity: 60 }] }';
    expect(codes(oneUnit(winter))).toEqual([]);
  });

  it('flags the overloaded units of benchmark model B, but not of its stable variant', () => {
    const b = loadScenario(join(LIB, 'model-b.yaml'));
    expect(b.warnings.map((w) => `${w.code}:${w.path}`)).toEqual(['overloaded:units.rehab', 'overloaded:units.homecare']);
    expect(loadScenario(join(LIB, 'model-b-stable.yaml')).warnings).toEqual([]);
  });

  it('reports a strategy that makes a unit unstable, naming the strategy', () => {
    const a = analyseScenario(oneUnit('60') + 'strategies:\n  cut: { set: { units.w.capacity: 40 } }\n', 's.yaml');
    expect(a.diagnostics.map((d) => [d.code, d.path])).toEqual([['unstable', 'units.w']]);
    expect(a.diagnostics[0].message).toContain('strategy `cut`');
    expect(a.loaded).not.toBeNull();
  });
});

describe('checkNetwork via analyseScenario(text, file)', () => {
  it('finds a loop that one cohort can never leave', () => {
    const text = `caresim: 1
time: { horizon: 100 days }
population:
  cohorts:
    a: { people: 100, crisis: 1/year }
    b: { people: 100, crisis: 1/year }
arrivals: { c: { from: population, to: x } }
units:
  x: { kind: beds, capacity: 10, los: 1 day, next: { default: { home: 50%, y: rest }, b: y } }
  y: { kind: beds, capacity: 10, los: 1 day, next: x }
`;
    const d = analyseScenario(text, 's.yaml').diagnostics.filter((x) => x.severity === 'error');
    expect(d.map((x) => [x.code, x.path])).toEqual([
      ['no-exit', 'units.x.next'],
      ['no-exit', 'units.y.next'],
    ]);
    expect(d[0].message).toContain('cohort `b`');
  });

  it('counts reneging to overflow or away as a way out', () => {
    const text = `caresim: 1
time: { horizon: 100 days }
arrivals: { a: { rate: 1/day, to: t } }
units:
  t: { kind: team, capacity: 2, service: 1 hour, patience: 2 hours, next: t }
`;
    expect(codes(text).filter((c) => c.startsWith('error'))).toEqual([]);
  });
});

describe('meanCapacity(capacity, schedule, from, to)', () => {
  /** The definition: every breakpoint's overlap with [from, to), in order. */
  function byDefinition(schedule: { at: number[]; cap: number[] }, from: number, to: number, capacity: number): number {
    let sum = 0;
    for (let i = 0; i < schedule.at.length; i++) {
      const a = Math.max(from, schedule.at[i]),
        b = Math.min(to, i + 1 < schedule.at.length ? schedule.at[i + 1] : Infinity);
      if (b > a) sum += (b - a) * schedule.cap[i];
    }
    return to > from ? sum / (to - from) : capacity;
  }

  it('is the definition to the bit on random schedules and windows, repeated breakpoints and the edges included', () => {
    const rng = makeStream(7, 0, 'mean-capacity');
    for (let trial = 0; trial < 3000; trial++) {
      const n = Math.floor(rng.next() * 40);
      const at: number[] = [];
      let t = rng.next() < 0.5 ? 0 : rng.next() * 100;
      for (let i = 0; i < n; i++) {
        at.push(t);
        if (rng.next() > 0.2) t += Math.floor(rng.next() * 50) + rng.next();
      }
      const cap = at.map(() => Math.floor(rng.next() * 30));
      const schedule = { at, cap };
      const pick = () => (at.length > 0 && rng.next() < 0.4 ? at[Math.floor(rng.next() * at.length)] : rng.next() * (t + 60) - 30);
      let from = pick(),
        to = pick();
      if (rng.next() < 0.9 && to < from) [from, to] = [to, from];
      expect(Object.is(meanCapacity(9, schedule, from, to), byDefinition(schedule, from, to, 9))).toBe(true);
    }
  });
});
