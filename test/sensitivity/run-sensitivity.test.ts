import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenarioText } from '../../scenarios/index.js';
import { runSensitivity } from '../../sensitivity/run-sensitivity.js';

const file = fileURLToPath(new URL('./fixtures/demand.yaml', import.meta.url));
const load = () => loadScenarioText(readFileSync(file, 'utf8'), file);

describe('runSensitivity(scenario, opts)', () => {
  it('runSensitivity moves each uncertain param between its 10th and 90th percentiles on common random numbers', async () => {
    const s = await runSensitivity(load(), { reps: 30, workers: 0, vary: [{ param: 'beds', share: 0.2 }] });
    const demand = s.inputs.find((i) => i.param === 'demand')!;
    // uniform(4, 6): percentiles 4.2, 5, 5.8 (from 2,000 draws).
    expect(demand.low).toBeCloseTo(4.2, 1);
    expect(demand.centre).toBeCloseTo(5, 1);
    expect(demand.high).toBeCloseTo(5.8, 1);
    expect(demand.unit).toBe('per day');
    expect(s.inputs.find((i) => i.param === 'beds')).toMatchObject({ source: 'listed', low: 7, centre: 9, high: 11 });
    // Cost = 300 a bed-day x occupied beds, and an M/M/9 ward with an unlimited queue keeps a beds
    // busy on average for a < 9 erlangs: high minus centre is 300 x (5.8 - 5) a day.
    const adm = s.one_at_a_time.cost_per_day;
    expect(adm[0].param).toBe('demand');
    const d = adm.find((x) => x.param === 'demand')!;
    const expected = 300 * (demand.high - demand.centre);
    expect(d.high.ci95[0]! - 0.05 * expected).toBeLessThan(expected);
    expect(d.high.ci95[1]! + 0.05 * expected).toBeGreaterThan(expected);
    // An uncertain param nothing reads: exactly no difference on common random numbers.
    const unused = adm.find((x) => x.param === 'unused')!;
    expect(unused.low.mean).toBe(0);
    expect(unused.high.mean).toBe(0);
    expect(unused.swing).toBe(0);
  });

  it('runSensitivity ranks the draws globally: demand drives cost, the unused param does not', async () => {
    const s = await runSensitivity(load(), { reps: 40, workers: 0 });
    const g = s.global!.cost_per_day;
    expect(g.n).toBe(40);
    expect(g.inputs[0].input).toBe('demand');
    expect(g.inputs[0].prcc).toBeGreaterThan(0.8);
    const unused = g.inputs.find((i) => i.input === 'unused')!;
    expect(unused.prcc_ci95[0]).toBeLessThan(0);
    expect(unused.prcc_ci95[1]).toBeGreaterThan(0);
  });

  it('runSensitivity gives a rate per the time the scenario wrote it per, and moves it by that value', async () => {
    // The same demand written per year (1,460 to 2,190 a year is 4 to 6 a day), and the beds' cost per week.
    const text = readFileSync(file, 'utf8')
      .replace('demand: uniform(4/day, 6/day)', 'demand: uniform(1460/year, 2190/year)')
      .replace('  beds: 9', '  beds: 9\n  bed_cost: 2100/week')
      .replace('cost: 300/day', 'cost: bed_cost');
    const s = await runSensitivity(loadScenarioText(text, file), { reps: 30, workers: 0, vary: [{ param: 'bed_cost', share: 0.1 }] });
    const demand = s.inputs.find((i) => i.param === 'demand')!;
    expect(demand.unit).toBe('per year');
    expect(demand.low).toBeCloseTo(4.2 * 365, -1);
    expect(demand.high).toBeCloseTo(5.8 * 365, -1);
    expect(s.inputs.find((i) => i.param === 'bed_cost')).toMatchObject({
      source: 'listed',
      unit: 'per week',
      low: 1890,
      centre: 2100,
      high: 2310,
    });
    // Moved by what it says: the swing of cost is 300 a bed-day x (high - centre) demand a day, as when written per day.
    const d = s.one_at_a_time.cost_per_day.find((x) => x.param === 'demand')!;
    const expected = (300 * (demand.high - demand.centre)) / 365;
    expect(d.high.ci95[0]! - 0.05 * expected).toBeLessThan(expected);
    expect(d.high.ci95[1]! + 0.05 * expected).toBeGreaterThan(expected);
    // 10% more a bed-day on the same replications: exactly 10% more cost.
    const cost = s.one_at_a_time.cost_per_day.find((x) => x.param === 'bed_cost')!;
    expect(cost.high.mean! / cost.low.mean!).toBeCloseTo(-1, 9);
  });

  it('runSensitivity refuses a param listed twice, and a share the rounding of a whole number would undo', async () => {
    const twice = [
      { param: 'beds', share: 0.1 },
      { param: 'beds', share: 0.2 },
    ];
    await expect(runSensitivity(load(), { reps: 3, workers: 0, vary: twice })).rejects.toThrow(
      '--vary beds: given twice; give each param once',
    );
    // 9 beds less 5% is 8.55, which rounds back to 9: the low end would not move.
    await expect(runSensitivity(load(), { reps: 3, workers: 0, vary: [{ param: 'beds', share: 0.05 }] })).rejects.toThrow(
      '--vary beds=5%: beds is 9, a whole number that stays whole, so the low end would be 9 itself; give a share above 5.56%',
    );
    // Just above the bound both ends move: 9 x 0.944 = 8.5 rounds to 8 and 9.5 to 10.
    const s = await runSensitivity(load(), { reps: 3, workers: 0, vary: [{ param: 'beds', share: 0.0556 }] });
    expect(s.inputs.find((i) => i.param === 'beds')).toMatchObject({ low: 8, centre: 9, high: 10 });
  });

  it('runSensitivity shows a share written in % in %, and moves it exactly as the same share written as a fraction', async () => {
    const percent = `caresim: 1
name: Share
time: { horizon: 100 days, warmup: 10 days }
replications: 5
seed: 5
params:
  demand: uniform(4/day, 6/day)
  share: 50%
arrivals:
  a: { rate: demand, to: acute }
units:
  acute: { kind: beds, capacity: 9, los: exponential(1 day), next: { ward: share, home: rest }, cost: 300/day }
  ward: { kind: beds, capacity: 50, los: exponential(2 days), next: home, cost: 100/day }
`;
    const run = (text: string) =>
      runSensitivity(loadScenarioText(text, 'share.yaml'), { reps: 5, workers: 0, vary: [{ param: 'share', share: 0.1 }] });
    const [p, f] = [await run(percent), await run(percent.replace('share: 50%', 'share: 0.5'))];
    const input = (s: typeof p) => s.inputs.find((i) => i.param === 'share')!;
    expect(input(p)).toMatchObject({ unit: '%', centre: 50, low: 45 });
    expect(input(p).high).toBeCloseTo(55, 9);
    expect(input(f)).toMatchObject({ unit: '', centre: 0.5, low: 0.45 });
    // Not rounded as a whole number (50 is whole, but a share of 47.5% stays 47.5%).
    const half = await runSensitivity(loadScenarioText(percent, 'share.yaml'), {
      reps: 3,
      workers: 0,
      vary: [{ param: 'share', share: 0.05 }],
    });
    expect(input(half).low).toBeCloseTo(47.5, 9);
    const moved = (s: typeof p) => s.one_at_a_time.cost_per_day.find((r) => r.param === 'share')!;
    expect(moved(p).low.mean).toBeCloseTo(moved(f).low.mean!, 9);
    expect(moved(p).high.mean).toBeCloseTo(moved(f).high.mean!, 9);
    expect(Math.abs(moved(p).high.mean!)).toBeGreaterThan(1);
  });
});
