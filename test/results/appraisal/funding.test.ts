import { describe, it, expect } from 'vitest';
import { runText } from './run-text.js';

const TEXT = `caresim: 1
time: { horizon: 60 days, warmup: 20 days }
seed: 3
arrivals: { a: { rate: 6/day, to: acute } }
economics: { discount_rate: 0%, plan_years: 2 }
units:
  acute: { kind: beds, capacity: 40, los: exponential(4 days), next: { p2: 40%, home: rest }, cost_place: 300/day }
  p2:    { kind: beds, capacity: 10, los: exponential(8 days), queue: none, cost_place: 200/day }
strategies:
  shift:
    set: { units.acute.capacity: 37, units.p2.capacity: 14 }
    one_off: 10000
    double_running: 73 days
`;

describe('foldFunding and foldEconomics via summarise(strategies, meta)', () => {
  const r = runText(TEXT, 4);

  it("summarise lists what a strategy closes and buys, and the net funded cost a year, by the model's arithmetic", () => {
    const f = r.strategies.shift.funding!;
    expect(f.closed).toEqual([{ unit: 'acute', places_from: 40, places_to: 37, cost_per_year: expect.closeTo(-3 * 300 * 365, 4) }]);
    expect(f.bought).toEqual([{ unit: 'p2', places_from: 10, places_to: 14, cost_per_year: expect.closeTo(4 * 200 * 365, 4) }]);
    expect(f.net_per_year).toBeCloseTo(-100 * 365, 4);
    expect(r.strategies.baseline.funding).toBeUndefined();
  });

  it('summarise adds the paired economic case to the differences: double running, one-off, net cost a year', () => {
    const d = r.differences.shift;
    expect(d.double_running_cost!.mean).toBeCloseTo(900 * 73, 4);
    expect(d.one_off_cost!.mean).toBe(10000);
    // Funded costs are the whole cost here, so the recurrent change is exact: -£100 a day.
    expect(d.recurrent_cost_per_year!.mean).toBeCloseTo(-36500, 4);
    expect(d.net_cost_per_year!.mean).toBeCloseTo(-36500 + (10000 + 900 * 73) / 2, 4);
    expect(d.net_present_value!.mean).toBeCloseTo(73000 - 10000 - 900 * 73, 4);
  });

  it('summarise leaves the economic case out of a model that prices nothing', () => {
    const plain = runText(TEXT.replace(/, cost_place: \d+\/day/g, '').replace('one_off: 10000', 'one_off: 0'), 2);
    expect(plain.differences.shift.net_present_value).toBeUndefined();
    expect(plain.strategies.shift.funding).toBeUndefined();
    expect(plain.strategies.shift.kpis.recurrent_cost_per_year).toBeUndefined();
  });
});
