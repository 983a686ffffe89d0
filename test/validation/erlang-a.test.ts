import { describe, it } from 'vitest';
import { buildModel, exponential, HOUR, DAY } from '../../engine/index.js';
import { replicate, col } from './run.js';
import { expectInCi } from './stats.js';
import { erlangA } from './queueing.js';

/**
 * The UCR 2-hour KPI rests on this: a team with c responders, exponential service and
 * exponential patience (M/M/c+M, Palm's model). Reneging patients overflow to an ED.
 */
describe('simulate(model, opts) against Erlang-A (M/M/c + exponential patience)', () => {
  const cases = [
    { label: 'c 4, rho 0.9, patience mean 2 h, target 2 h', c: 4, lambda: 3.6, mu: 1, patienceH: 2, targetH: 2 },
    {
      label: 'c 6, rho 1.1 (overloaded, stable only through reneging), patience mean 1 h, target 0.5 h',
      c: 6,
      lambda: 6.6,
      mu: 1,
      patienceH: 1,
      targetH: 0.5,
    },
  ];
  for (const k of cases) {
    it(`${k.label}: reneged_fraction, within_target, queue_mean and the overflow arrivals`, () => {
      const th = erlangA(k.lambda, k.mu, k.c, 1 / k.patienceH);
      const model = buildModel({
        horizon: 750 * DAY,
        warmup: 10 * DAY,
        units: {
          ucr: {
            kind: 'team',
            role: 'ucr',
            capacity: k.c,
            service: exponential(HOUR / k.mu),
            target: k.targetH * HOUR,
            patience: exponential(k.patienceH * HOUR),
            overflow: 'ed',
            next: { home: 1 },
          },
          ed: { kind: 'front', service: exponential(4 * HOUR), next: { home: 1 } },
        },
        sources: { calls: { rate: k.lambda / HOUR, to: 'ucr' } },
      });
      // The team's queue also holds patients who later renege, so L = lambda W needs their time too: skip it there.
      const rs = replicate(model, 16, { skipUnits: ['ucr'] });
      expectInCi('reneged_fraction', col(rs, 'ucr', 'reneged_fraction'), th.reneged);
      expectInCi('within_target', col(rs, 'ucr', 'within_target'), th.withinTarget(k.targetH));
      expectInCi(
        'ucr_within_2h KPI',
        rs.map((r) => r.kpis.ucr_within_2h ?? NaN),
        th.withinTarget(k.targetH),
      );
      expectInCi('queue_mean', col(rs, 'ucr', 'queue_mean'), th.lq);
      expectInCi('ED arrivals from reneging', col(rs, 'ed', 'arrivals_per_day'), th.reneged * k.lambda * 24);
    });
  }
});
