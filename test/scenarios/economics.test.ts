import { describe, it, expect } from 'vitest';
import { analyseScenario, loadScenarioText } from '../../scenarios/index.js';

const BASE = `caresim: 1
time: { horizon: 30 days }
replications: 2
arrivals: { a: { rate: 4/day, to: acute } }
units:
  acute: { kind: beds, capacity: 40, los: 5 days, next: p2, cost_place: 300/day }
  p2:    { kind: beds, capacity: { base: 10, changes: [{ from: 2024-01-10, to: 2024-01-20, capacity: 15 }] }, los: 10 days, queue: none, cost_place: 200/day }
`;

const errors = (text: string) => analyseScenario(text, 'e.yaml').diagnostics.filter((d) => d.severity === 'error');

describe('readEconomicSettings / readStrategyEconomics via loadScenarioText(text, file)', () => {
  it('loadScenarioText(cost_place, one_off, double_running, economics) compiles them into each strategy model', () => {
    const sc = loadScenarioText(
      `${BASE}economics: { discount_rate: 5%, plan_years: 3 }
strategies:
  more: { set: { units.p2.capacity: 12 }, one_off: 2 * 50000, double_running: 6 months }
`,
      'e.yaml',
    );
    const [base, more] = sc.strategies;
    expect(base.model.units[0].costPlace).toBeCloseTo(300, 9);
    expect(base.model.economics).toEqual({ oneOff: 0, doubleRunningDays: 0, discountRate: 0.05, planYears: 3 });
    expect(more.model.economics!.oneOff).toBe(100000);
    expect(more.model.economics!.doubleRunningDays).toBeCloseTo(365 / 2, 6);
    expect(more.modelFor(1, 0).economics).toEqual(more.model.economics);
  });

  it('loadScenarioText without `economics` uses the Green Book 3.5% over 5 years', () => {
    const m = loadScenarioText(BASE, 'e.yaml').strategies[0].model;
    expect(m.economics).toEqual({ oneOff: 0, doubleRunningDays: 0, discountRate: 0.035, planYears: 5 });
  });

  it('analyseScenario refuses double running longer than the plan and money beyond a trillion pounds, at their keys', () => {
    const d = errors(`${BASE.replace('cost_place: 300/day', 'cost_place: 1e308/day')}economics: { plan_years: 2 }
strategies:
  more: { set: { units.p2.capacity: 12 }, one_off: 1e308, double_running: 3 years }
`);
    const at = (path: string) => d.filter((x) => x.path === path).map((x) => x.code);
    expect(at('units.acute.cost_place')).toEqual(['bad-value']);
    expect(at('strategies.more.one_off')).toEqual(['bad-value']);
    expect(
      errors(`${BASE}economics: { plan_years: 2 }
strategies:
  more: { set: { units.p2.capacity: 12 }, double_running: 3 years }
`).map((x) => [x.path, x.code]),
    ).toEqual([['strategies.more.double_running', 'bad-value']]);
    // Up to the plan's length is fine.
    expect(
      errors(`${BASE}economics: { plan_years: 2 }
strategies:
  more: { set: { units.p2.capacity: 12 }, double_running: 2 years }
`),
    ).toEqual([]);
  });

  it('analyseScenario reports each bad economic value at its key, all at once', () => {
    const d = errors(`${BASE.replace('cost_place: 200/day', 'cost_place: 200')}economics: { discount_rate: 120%, plan_years: 0 }
strategies:
  more: { set: { units.p2.capacity: 12 }, one_off: 5 days, double_running: 3 }
`);
    const at = d.map((x) => `${x.path}@${x.line}`);
    expect(at).toEqual(
      expect.arrayContaining([
        'units.p2.cost_place@7',
        'economics.discount_rate@8',
        'economics.plan_years@8',
        'strategies.more.one_off@10',
        'strategies.more.double_running@10',
      ]),
    );
  });

  it('analyseScenario rejects cost_place on a unit of unlimited capacity, and unknown strategy keys', () => {
    const d = errors(`${BASE}  ed: { kind: front, service: 4 hours, cost_place: 10/day }
strategies:
  more: { set: { units.p2.capacity: 12 }, one_of: 100 }
`);
    expect(d.map((x) => x.code)).toEqual(expect.arrayContaining(['cost-place-unlimited', 'unknown-key']));
    expect(d.find((x) => x.code === 'unknown-key')!.hint).toContain('one_off');
  });

  it('analyseScenario(an invalid relative `set` on a unit capacity with cost_place) reports only that error, not a false cost-place-unlimited', () => {
    const d = errors(`${BASE}strategies:\n  more: { set: { units.acute.capacity: acute_bed + 5 } }\n`);
    expect(d.map((x) => [x.code, x.path])).toEqual([['unknown-name', 'units.acute.capacity']]);
    const wrong = errors(`${BASE}strategies:\n  more: { set: { units.acute.capacity: 40 + 5 days } }\n`);
    expect(wrong.map((x) => x.code)).not.toContain('cost-place-unlimited');
    expect(wrong).toHaveLength(1);
  });

  it('analyseScenario refuses `economics` in a strategy set (it is the same for every strategy)', () => {
    const d = errors(`${BASE}strategies:\n  s: { set: { economics.plan_years: 3 } }\n`);
    expect(d.map((x) => x.code)).toContain('bad-set-path');
  });
});
