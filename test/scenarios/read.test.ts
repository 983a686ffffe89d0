import { describe, it, expect } from 'vitest';
import { analyseScenario } from '../../scenarios/index.js';

const errors = (text: string) => analyseScenario(text, 'r.yaml').diagnostics.filter((d) => d.severity === 'error');

const STAFFED = `caresim: 1
time: { horizon: 30 days }
staff:
  carers: { establishment: 20, cost: 27000 }
arrivals: { a: { rate: 2/day, to: p1 } }
units:
  p1: { kind: homecare, los: 10 days, queue: none, staff: { group: carers, visits: 2/day, visit: 30 minutes } }
`;

const PRICED = `caresim: 1
time: { horizon: 30 days }
arrivals: { a: { rate: 4/day, to: acute } }
units:
  acute: { kind: beds, capacity: 40, los: 5 days, cost_place: 300/day }
`;

describe('readNumber(env, node, path, kind, per) hints', () => {
  it('readNumber(a staff group `cost: 27000`) offers `/year`: pay per WTE is a yearly figure', () => {
    const e = errors(STAFFED);
    expect(e.map((d) => [d.code, d.path])).toEqual([['missing-unit', 'staff.carers.cost']]);
    expect(e[0].hint).toBe('add a unit: `27000/year`');
  });

  it('readNumber(a bare `hourly_rate: 21.43`) asks for a cost per hour, e.g. `21.43/hour`', () => {
    const e = errors(
      STAFFED.replace('cost: 27000', 'cost: 27000/year').replace('visit: 30 minutes }', 'visit: 30 minutes, hourly_rate: 21.43 }'),
    );
    expect(e.map((d) => [d.code, d.path])).toEqual([['missing-unit', 'units.p1.staff.hourly_rate']]);
    expect(e[0].message).toContain('hourly_rate expects a cost per hour');
    expect(e[0].expected).toBe('a cost per hour, e.g. `21.43/hour`');
    expect(e[0].hint).toBe('add a unit: `21.43/hour`');
  });

  it('readNumber(a unit `cost_place: 300`) still offers `/day`', () => {
    const e = errors(PRICED.replace('300/day', '300'));
    expect(e.map((d) => [d.code, d.hint])).toEqual([['missing-unit', 'add a unit: `300/day`']]);
  });

  it('readNumber(`discount_rate: 3.5`, probability) says "did you mean `3.5%`?"', () => {
    const e = errors(`${PRICED}economics: { discount_rate: 3.5 }\n`);
    expect(e.map((d) => [d.code, d.path, d.hint])).toEqual([['probability-range', 'economics.discount_rate', 'did you mean `3.5%`?']]);
  });

  it('readNumber(a probability of 250, not a percentage) gives no percent hint', () => {
    const e = errors(`${PRICED}economics: { discount_rate: 250 }\n`);
    expect(e.map((d) => [d.code, d.hint])).toEqual([['probability-range', undefined]]);
  });
});
