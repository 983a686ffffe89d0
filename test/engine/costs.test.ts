import { describe, it, expect } from 'vitest';
import { loadScenarioText } from '../../scenarios/index.js';
import { simulate } from '../../engine/index.js';
import type { ReplicationResult } from '../../engine/index.js';

/** A small step-down system: acute patients wait in their bed for one of 15 community beds. */
const fixture = (p2Costs: string, extra = '') => `caresim: 1
time: { horizon: 200 days, warmup: 30 days }
seed: 7
arrivals: { a: { rate: 6/day, to: acute } }
units:
  acute: { kind: beds, capacity: 60, los: exponential(3 days), next: { p2: 50%, home: rest }, cost_delayed: 395/day }
  p2:    { kind: beds, capacity: ${extra || 15}, los: exponential(5 days), queue: none, ${p2Costs} }
`;

function run(text: string): ReplicationResult {
  const sc = loadScenarioText(text, 'ipacs.yaml');
  return simulate(sc.strategies[0].modelFor(sc.seed, 0), { seed: sc.seed, replication: 0 });
}

describe('cost of a day (engine/costs.ts via simulate)', () => {
  it('simulate(funded = occupied, no one-off) reproduces the IPACS day cost: occupied community beds x cost + acute delay queue x delay cost, to the penny', () => {
    const r = run(fixture('cost: 280/day'));
    const ipacs = r.units.p2.occupancy_mean * 280 + r.units.acute.blocked_mean * 395;
    // The fixture must exercise both terms: community beds in use and patients stuck in acute.
    expect(r.units.p2.occupancy_mean).toBeGreaterThan(5);
    expect(r.units.acute.blocked_mean).toBeGreaterThan(0.5);
    expect(Math.abs(r.kpis.cost_per_day - ipacs)).toBeLessThan(0.005);
    expect(Math.abs(r.kpis.recurrent_cost_per_year! - 365 * ipacs)).toBeLessThan(0.005 * 365);
    expect(r.kpis.one_off_cost).toBe(0);
    expect(r.kpis.funded_cost_per_day).toBe(0);
  });

  it('simulate(cost_place) charges every funded place, used or not: capacity x cost, more than the occupied beds cost', () => {
    const occupied = run(fixture('cost: 280/day'));
    const funded = run(fixture('cost_place: 280/day'));
    expect(funded.units.p2.funded_cost_per_day).toBeCloseTo(15 * 280, 6);
    expect(Math.abs(funded.kpis.cost_per_day - (15 * 280 + funded.units.acute.blocked_mean * 395))).toBeLessThan(0.005);
    // Same random numbers and the same flow: only the charge differs, by the empty beds.
    expect(funded.kpis.cost_per_day - occupied.kpis.cost_per_day).toBeCloseTo((15 - occupied.units.p2.occupancy_mean) * 280, 6);
  });

  it('simulate(cost_place on a schedule) follows the capacity: winter beds are paid only while open', () => {
    // 15 beds, 25 during days 100-150 of the run (days 70-120 of the measured 200): mean 17.5.
    const r = run(
      fixture('cost_place: 280/day', '{ base: 15, changes: [{ from: 2024-03-11, to: 2024-04-29, capacity: 25 }] }').replace(
        'time: { horizon: 200 days, warmup: 30 days }',
        'time: { horizon: 200 days, warmup: 30 days, start: 2024-01-01 }',
      ),
    );
    expect(r.units.p2.capacity_mean).toBeCloseTo(15 + (10 * 50) / 200, 6);
    expect(r.units.p2.funded_cost_per_day).toBeCloseTo(r.units.p2.capacity_mean * 280, 6);
  });
});
