import { describe, it } from 'vitest';
import { buildModel, exponential, HOUR, DAY } from '../../engine/index.js';
import { replicate, col } from './run.js';
import { expectInCi } from './stats.js';
import { jacksonRates, mmcL } from './queueing.js';

describe('simulate(model, opts) against a Jackson network with feedback', () => {
  it('three M/M/c units with a loop back: per-unit arrival rate and L match the product form', () => {
    // a -> b (50%) or home; b -> c; c -> a (40%, the loop) or home. Unlimited queues, so moves never block.
    const ext = [1, 0, 0];
    const P = [
      [0, 0.5, 0],
      [0, 0, 1],
      [0.4, 0, 0],
    ];
    const spec = [
      { name: 'a', c: 2, mu: 1 },
      { name: 'b', c: 1, mu: 1 },
      { name: 'c', c: 3, mu: 0.3 },
    ];
    const lam = jacksonRates(ext, P); // per hour: [1.25, 0.625, 0.625]
    const model = buildModel({
      horizon: 600 * DAY,
      warmup: 30 * DAY,
      units: {
        a: { capacity: 2, service: exponential(HOUR / 1), next: { b: 0.5, home: 0.5 } },
        b: { capacity: 1, service: exponential(HOUR / 1), next: { c: 1 } },
        c: { capacity: 3, service: exponential(HOUR / 0.3), next: { a: 0.4, home: 0.6 } },
      },
      sources: { x: { rate: ext[0] / HOUR, to: 'a' } },
    });
    const rs = replicate(model, 20);
    spec.forEach((u, i) => {
      expectInCi(`arrivals_per_day at ${u.name}`, col(rs, u.name, 'arrivals_per_day'), lam[i] * 24);
      expectInCi(
        `L at ${u.name}`,
        rs.map((r) => r.units[u.name].occupancy_mean + r.units[u.name].queue_mean),
        mmcL(lam[i], u.mu, u.c),
      );
    });
    // Whole network by Little: L_total = sum of L_i, journeys per day = external rate.
    const Ltot = spec.reduce((s, u, i) => s + mmcL(lam[i], u.mu, u.c), 0);
    expectInCi(
      'in_system_mean',
      rs.map((r) => r.kpis.in_system_mean),
      Ltot,
    );
    expectInCi(
      'time_in_system_mean',
      rs.map((r) => r.kpis.time_in_system_mean),
      Ltot / ext[0] / 24,
    );
  });
});
