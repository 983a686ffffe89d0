import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { readdirSync } from 'node:fs';
import { analyseScenario, loadScenario } from '../../scenarios/index.js';
import { simulate, buildModel, exponential, DAY } from '../../engine/index.js';

const LIB = join(__dirname, '../../scenarios/library');

/** Two units that send patients to each other; `extra` is appended to each unit's map. */
const loop = (a: string, b: string, tail = '') => `caresim: 1
time: { horizon: 100 days }
arrivals: { x: { rate: 2/day, to: a } }
units:
  a: { kind: beds, capacity: 3, los: 5 days, next: { b: 30%, home: rest }${a} }
  b: { kind: beds, capacity: 2, los: 4 days, next: { a: 20%, home: rest }${b} }
${tail}`;
const errors = (text: string) => analyseScenario(text, 's.yaml').diagnostics.filter((d) => d.severity === 'error');

describe('checkCycles via analyseScenario(text, file)', () => {
  it("rejects two units without queues that can hold each other's places, located at the move that closes the loop", () => {
    const e = errors(loop(', queue: none', ', queue: none'));
    expect(e.map((d) => [d.code, d.path, d.line, d.col])).toEqual([['blocking-loop', 'units.a.next.b', 5, 54]]);
    expect(e[0].message).toContain('`a` → `b` → `a`');
    expect(e[0].hint).toContain('queue: unlimited');
    expect(analyseScenario(loop(', queue: none', ', queue: none'), 's.yaml').loaded).toBeNull();
  });

  it('rejects what the engine would run into: such a loop freezes for good', () => {
    // The loop above as a model: after the freeze every place holds a patient waiting for the other unit.
    const m = buildModel({
      horizon: 2000 * DAY,
      units: {
        a: { capacity: 3, queue: 0, service: exponential(5 * DAY), next: { b: 0.3, home: 0.7 } },
        b: { capacity: 2, queue: 0, service: exponential(4 * DAY), next: { a: 0.2, home: 0.8 } },
      },
      sources: { x: { rate: 2 / DAY, to: 'a' } },
    });
    const r = simulate(m, { seed: 1, replication: 0 });
    const last = (u: string) => r.daily[u].blocked[r.daily[u].blocked.length - 1];
    expect([last('a'), last('b')]).toEqual([3, 2]);
  });

  it('rejects limited waiting places too: once they are full the loop freezes the same way', () => {
    expect(errors(loop(', queue: 2', ', queue: none')).map((d) => d.code)).toEqual(['blocking-loop']);
  });

  it('finds a loop of three units and names it in order', () => {
    const text = `caresim: 1
time: { horizon: 100 days }
arrivals: { x: { rate: 2/day, to: a } }
units:
  a: { kind: beds, capacity: 3, queue: none, los: 5 days, next: { b: 30%, home: rest } }
  b: { kind: beds, capacity: 2, queue: none, los: 4 days, next: { c: 20%, home: rest } }
  c: { kind: beds, capacity: 2, queue: none, los: 4 days, next: { a: 20%, home: rest } }
`;
    const e = errors(text);
    expect(e.map((d) => d.path)).toEqual(['units.a.next.b']);
    expect(e[0].message).toContain('`a` → `b` → `c` → `a`');
  });

  it('accepts a loop through a unit with an unlimited queue or unlimited places, one broken by if_full, and a unit routing to itself', () => {
    expect(errors(loop('', ', queue: none'))).toEqual([]);
    expect(errors(loop(', queue: none', ', queue: none').replace('capacity: 2', 'capacity: unlimited'))).toEqual([]);
    expect(errors(loop(', queue: none, if_full: { b: home }', ', queue: none'))).toEqual([]);
    expect(
      errors(`caresim: 1
time: { horizon: 100 days }
arrivals: { x: { rate: 2/day, to: a } }
units:
  a: { kind: beds, capacity: 3, queue: none, los: 5 days, next: { a: 30%, home: rest } }
`),
    ).toEqual([]);
  });

  it('reports a loop a strategy creates once, naming the strategy', () => {
    const text = loop('', ', queue: none', 'strategies:\n  cut: { set: { units.a.queue: none } }\n  cut2: { set: { units.a.queue: 1 } }\n');
    const e = errors(text);
    expect(e.map((d) => d.code)).toEqual(['blocking-loop']);
    expect(e[0].message).toContain('strategy `cut`');
  });

  it('finds no loop in the library scenarios', () => {
    for (const f of readdirSync(LIB).filter((x) => x.endsWith('.yaml'))) expect(() => loadScenario(join(LIB, f)), f).not.toThrow();
  });

  it('locates a loop closed by an if_full alternative at that alternative, and names it', () => {
    const text = `caresim: 1
time: { horizon: 100 days }
arrivals: { x: { rate: 2/day, to: a } }
units:
  a: { kind: beds, capacity: 3, queue: none, los: 5 days, next: { b: 30%, home: rest }, if_full: { b: c } }
  b: { kind: beds, capacity: 2, queue: none, los: 4 days, next: { home: 100% } }
  c: { kind: beds, capacity: 2, queue: none, los: 4 days, next: { a: 20%, home: rest } }
`;
    const e = errors(text);
    expect(e.map((d) => [d.code, d.path, d.line, d.col])).toEqual([['blocking-loop', 'units.a.if_full.b', 5, 100]]);
    expect(e[0].message).toContain('`a` → `c` (when `b` is full) → `a`');
    expect(e[0].hint).not.toContain('if_full: { c:');
  });

  it("locates a loop that only one cohort takes at that cohort's destination", () => {
    const text = `caresim: 1
time: { horizon: 100 days }
population:
  cohorts:
    young: { people: 1000, crisis: 0.5/year }
    old: { people: 1000, crisis: 0.5/year }
arrivals: { x: { from: population, to: a } }
units:
  a:
    kind: beds
    capacity: 3
    queue: none
    los: 5 days
    next:
      young: { home: 100% }
      old: { b: 30%, home: rest }
  b: { kind: beds, capacity: 2, queue: none, los: 4 days, next: { a: 20%, home: rest } }
`;
    const e = errors(text);
    expect(e.map((d) => [d.code, d.path, d.line, d.col])).toEqual([['blocking-loop', 'units.a.next.old.b', 16, 14]]);
  });
});
