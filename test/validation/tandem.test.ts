import { describe, it, expect } from 'vitest';
import { buildModel, exponential, HOUR, DAY } from '../../engine/index.js';
import type { TraceEvent } from '../../engine/model.js';
import { replicate, col } from './run.js';
import { expectInCi } from './stats.js';
import { solveTandem, type Tandem } from './tandem.js';
import { WaitOrder } from '../engine/wait-order.js';

describe('simulate(model, opts) against the Markov chain of a tandem with finite buffers', () => {
  // Rates per hour. Station 1 is often blocked by a short queue at 2, which is itself blocked
  // by 3: the case where patients blocked upstream move into a queue that already holds others.
  const t: Tandem = { lambda: 1.2, c1: 4, mu1: 0.5, c2: 2, k2: 2, mu2: 0.6, c3: 1, k3: 2, mu3: 1.2 };
  const model = buildModel({
    horizon: 400 * DAY,
    warmup: 10 * DAY,
    units: {
      s1: { capacity: t.c1, queue: 0, service: exponential(HOUR / t.mu1), next: { s2: 1 } },
      s2: { capacity: t.c2, queue: t.k2, service: exponential(HOUR / t.mu2), next: { s3: 1 } },
      s3: { capacity: t.c3, queue: t.k3, service: exponential(HOUR / t.mu3), next: { home: 1 } },
    },
    sources: { a: { rate: t.lambda / HOUR, to: 's1' } },
  });

  it('P(wait) at the middle unit counts everyone who found it full, blocked upstream included; queue and blocking match', () => {
    const exact = solveTandem(t);
    const order = new WaitOrder(model, new Map(model.units.map((u, i) => [u.name, i])));
    let admitted = 0,
      overtakes = 0;
    const watch = (e: TraceEvent) => {
      const inTurn = order.step(e);
      if (e.what === 'admit' && e.unit === 's2') {
        admitted++;
        if (!inTurn) overtakes++;
      }
    };
    const rs = replicate(model, 20, {}, (r) => (r === 0 ? watch : () => {}));
    // First come first served counts the time blocked upstream: nobody overtakes at s2.
    expect(admitted).toBeGreaterThan(5000);
    expect(overtakes / admitted).toBe(0);
    expectInCi('p_wait at s2', col(rs, 's2', 'p_wait'), exact.pWait2);
    // Order-free quantities: they check the chain itself against the simulation.
    expectInCi('queue_mean at s2', col(rs, 's2', 'queue_mean'), exact.queue2);
    expectInCi('blocked_mean at s1', col(rs, 's1', 'blocked_mean'), exact.blocked1);
    expectInCi('lost_fraction at s1', col(rs, 's1', 'lost_fraction'), exact.lost1);
  });
});
