import { describe, it, expect } from 'vitest';
import { buildModel, exponential, lognormal, simulate, DAY, HOUR } from '../../engine/index.js';
import type { Model } from '../../engine/index.js';

/** A small pathway touching every stochastic process: arrivals, LOS, routing, hand-off, patience, windows. */
function pathway(p2Beds: number): Model {
  const open = Array.from({ length: 168 }, (_, h) => (h % 24 >= 8 && h % 24 < 20 ? 1 : 0));
  return buildModel({
    horizon: 60 * DAY,
    warmup: 10 * DAY,
    units: {
      ucr: {
        kind: 'team',
        role: 'ucr',
        capacity: 3,
        service: exponential(2 * HOUR),
        target: 2 * HOUR,
        patience: exponential(2 * HOUR),
        overflow: 'ed',
        next: { home: 0.8, ed: 0.2 },
      },
      ed: { kind: 'front', role: 'ed', service: exponential(4 * HOUR), next: { acute: 0.4, home: 0.6 } },
      acute: {
        role: 'acute',
        capacity: 20,
        service: lognormal(5 * DAY, 4 * DAY),
        discharge: { open, weekend: 0.6 },
        next: { p2: 0.3, home: 0.6, death: 0.1 },
        handoff: { p2: exponential(DAY) },
      },
      p2: { role: 'p2', capacity: p2Beds, queue: 0, service: exponential(14 * DAY), next: { home: 1 } },
    },
    sources: { calls: { rate: 6 / DAY, to: 'ucr' }, walk_ins: { rate: 4 / DAY, to: 'ed' } },
  });
}

describe('simulate(model, opts) determinism', () => {
  it('gives identical result objects for the same model, seed and replication', () => {
    const a = simulate(pathway(6), { seed: 2027, replication: 4 });
    const b = simulate(pathway(6), { seed: 2027, replication: 4 });
    expect(b).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });

  it('gives different results for another replication or another seed', () => {
    const a = simulate(pathway(6), { seed: 2027, replication: 4 });
    expect(simulate(pathway(6), { seed: 2027, replication: 5 }).units.acute).not.toEqual(a.units.acute);
    expect(simulate(pathway(6), { seed: '2027', replication: 4 })).toEqual(a); // seeds are hashed as text
    expect(simulate(pathway(6), { seed: 2028, replication: 4 }).units.acute).not.toEqual(a.units.acute);
  });

  it('keeps common random numbers: a capacity change elsewhere leaves the arrival streams unchanged', () => {
    const a = simulate(pathway(6), { seed: 9, replication: 0 });
    const b = simulate(pathway(12), { seed: 9, replication: 0 });
    expect(b.units.ucr.arrivals_per_day).toBe(a.units.ucr.arrivals_per_day);
    expect(b.units.p2).not.toEqual(a.units.p2);
  });

  it('is unaffected by a trace callback', () => {
    const a = simulate(pathway(6), { seed: 1, replication: 2 });
    let n = 0;
    const b = simulate(pathway(6), {
      seed: 1,
      replication: 2,
      trace: () => {
        n++;
      },
    });
    expect(b).toEqual(a);
    expect(n).toBeGreaterThan(a.events);
  });
});
