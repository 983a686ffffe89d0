import { describe, it, expect } from 'vitest';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario, checkScenario } from '../../scenarios/index.js';
import { simulate } from '../../engine/index.js';
import type { ReplicationResult } from '../../engine/index.js';
import type { UnitMetricName } from '../../results/index.js';
import { erlangB } from '../validation/queueing.js';

const LIB = join(__dirname, '../../scenarios/library');
const files = readdirSync(LIB).filter((f) => f.endsWith('.yaml') && f !== 'ics-default.yaml');

/** Mean and 95% CI half-width of a metric over replications. */
function ci(xs: number[]): { mean: number; half: number } {
  const n = xs.length,
    mean = xs.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  return { mean, half: (2.262 * sd) / Math.sqrt(n) }; // t(0.975, 9)
}

function run(file: string, horizon: string, reps = 10): ReplicationResult[] {
  const sc = loadScenario(join(LIB, file), { set: [`time.horizon=${horizon}`] });
  return Array.from({ length: reps }, (_, r) => simulate(sc.strategies[0].modelFor(sc.seed, r), { seed: sc.seed, replication: r }));
}

/** Asserts theory lies within the 95% CI widened by a small bias allowance for finite runs. */
function near(results: ReplicationResult[], unit: string, metric: UnitMetricName, theory: number, bias = 0.02): void {
  const { mean, half } = ci(results.map((r) => r.units[unit][metric] ?? NaN));
  expect(Math.abs(mean - theory), `${unit}.${metric}: ${mean} ± ${half} vs ${theory}`).toBeLessThanOrEqual(half + bias * Math.abs(theory));
}

describe('scenarios/library (check + compile + simulate)', () => {
  it.each(files)('checkScenario(%s) reports no errors', (f) => {
    const errors = checkScenario(join(LIB, f)).filter((d) => d.severity === 'error');
    expect(errors).toEqual([]);
  });

  it.each(files)('loadScenario(%s) compiles every strategy and simulates the baseline', (f) => {
    const sc = loadScenario(join(LIB, f), { set: ['time.horizon=30 days', 'time.warmup=5 days'] });
    expect(sc.strategies[0].name).toBe('baseline');
    for (const s of sc.strategies) expect(s.model.units.length).toBeGreaterThan(0);
    const r = simulate(sc.strategies[0].modelFor(sc.seed, 0), { seed: sc.seed, replication: 0 });
    expect(r.conservation.entered).toBe(r.conservation.left + r.conservation.inSystem);
    expect(r.conservation.entered).toBeGreaterThan(0);
  });

  it('mm1.yaml matches M/M/1 theory (utilisation 0.8, Wq 4 days)', () => {
    const rs = run('mm1.yaml', '4000 days');
    near(rs, 'server', 'utilisation', 0.8);
    near(rs, 'server', 'wait_mean', 4, 0.1);
  });

  it('md1.yaml matches Pollaczek-Khinchine (Wq 2 days)', () => {
    const rs = run('md1.yaml', '4000 days');
    near(rs, 'server', 'wait_mean', 2, 0.1);
  });

  it('mmc.yaml matches Erlang C (P(wait) 0.5541)', () => {
    const rs = run('mmc.yaml', '2000 days');
    near(rs, 'beds', 'p_wait', 0.5541, 0.05);
    near(rs, 'beds', 'utilisation', 0.8);
  });

  it('erlang-loss.yaml and erlang-loss-lognormal.yaml lose B(10, 8) of arrivals', () => {
    const b = erlangB(10, 8);
    near(run('erlang-loss.yaml', '2000 days'), 'ward', 'lost_fraction', b, 0.05);
    near(run('erlang-loss-lognormal.yaml', '2000 days'), 'ward', 'lost_fraction', b, 0.05);
  });

  it('mminf.yaml has mean occupancy lambda/mu = 20', () => {
    near(run('mminf.yaml', '1000 days'), 'ward', 'occupancy_mean', 20);
  });

  it('jackson.yaml matches the traffic equations (arrivals 1.1765/day and 0.5882/day)', () => {
    const rs = run('jackson.yaml', '4000 days');
    near(rs, 'assess', 'arrivals_per_day', 1 / 0.85);
    near(rs, 'treat', 'arrivals_per_day', 0.5 / 0.85);
    near(rs, 'treat', 'utilisation', 0.5 / 0.85);
  });
});
