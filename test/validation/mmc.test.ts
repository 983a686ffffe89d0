import { describe, it, expect } from 'vitest';
import { buildModel, exponential, HOUR, DAY } from '../../engine/index.js';
import { replicate, col } from './run.js';
import { expectInCi } from './stats.js';
import { mmc } from './queueing.js';

/** One unit with c places, Poisson arrivals at lambda per hour, exponential service of mean 1/mu hours. */
function mmcModel(lambda: number, mu: number, c: number, days: number) {
  return buildModel({
    horizon: days * DAY,
    warmup: 30 * DAY,
    units: { s: { capacity: c, service: exponential(HOUR / mu), next: { home: 1 } } },
    sources: { a: { rate: lambda / HOUR, to: 's' } },
  });
}

const cases = [
  { name: 'M/M/1', lambda: 0.8, mu: 1, c: 1, days: 2400, reps: 24 },
  { name: 'M/M/5', lambda: 4, mu: 1, c: 5, days: 1200, reps: 24 },
  { name: 'M/M/20', lambda: 17, mu: 1, c: 20, days: 400, reps: 20 },
];

describe('simulate(model, opts) against Erlang C', () => {
  for (const k of cases) {
    it(`${k.name} (rho ${(k.lambda / (k.c * k.mu)).toFixed(2)}): P(wait), Wq, Lq, L and p95 of the wait`, () => {
      const th = mmc(k.lambda, k.mu, k.c);
      const rs = replicate(mmcModel(k.lambda, k.mu, k.c, k.days), k.reps);
      const toDays = 1 / 24;
      expectInCi('p_wait', col(rs, 's', 'p_wait'), th.pWait);
      expectInCi('wait_mean', col(rs, 's', 'wait_mean'), th.wq * toDays);
      expectInCi('queue_mean', col(rs, 's', 'queue_mean'), th.lq);
      expectInCi(
        'L',
        rs.map((r) => r.units.s.occupancy_mean + r.units.s.queue_mean),
        th.lq + th.busy,
      );
      // The wait histogram has 1% log-bins and interpolates inside a bin: allow 1% bias.
      const p95 = th.waitQuantile(0.95) * toDays;
      expect(p95).toBeGreaterThan(0);
      expectInCi('wait_p95', col(rs, 's', 'wait_p95'), p95, 0.01 * p95);
      expectInCi('utilisation', col(rs, 's', 'utilisation'), k.lambda / (k.c * k.mu));
    });
  }
});

describe('simulate(model, opts) wait_p95 when fewer than 5% wait', () => {
  it('M/M/10 at rho 0.5: P(wait) = C(10, 5) is about 3.6%, so the 95th percentile wait is exactly 0', () => {
    const th = mmc(5, 1, 10);
    expect(th.pWait).toBeLessThan(0.045);
    expect(th.waitQuantile(0.95)).toBe(0);
    const rs = replicate(mmcModel(5, 1, 10, 200), 8);
    expectInCi('p_wait', col(rs, 's', 'p_wait'), th.pWait);
    for (const r of rs) expect(r.units.s.wait_p95).toBe(0);
  });
});
