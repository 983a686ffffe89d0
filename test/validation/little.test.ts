import { describe, it, expect } from 'vitest';
import { buildModel, exponential, lognormal, DAY, HOUR } from '../../engine/index.js';
import { replicate, checkInvariants } from './run.js';

/**
 * Little's law and conservation hold on every sample path whatever the rules, so a pathway
 * using all of them (blocking after service, hand-offs, discharge windows, diverts, a
 * schedule, reneging with overflow) checks the bookkeeping where no closed form exists.
 */
describe("simulate(model, opts) keeps Little's law and conservation on a full pathway", () => {
  it('per unit and for the system, on every replication', () => {
    const open = Array.from({ length: 168 }, (_, h) => (h % 24 >= 8 && h % 24 < 20 ? 1 : 0));
    const model = buildModel({
      horizon: 1500 * DAY,
      warmup: 100 * DAY,
      units: {
        ucr: {
          kind: 'team',
          role: 'ucr',
          capacity: 2,
          service: exponential(3 * HOUR),
          target: 2 * HOUR,
          patience: exponential(2 * HOUR),
          overflow: 'ed',
          next: { home: 0.7, ed: 0.3 },
        },
        ed: { kind: 'front', role: 'ed', service: exponential(4 * HOUR), next: { acute: 0.5, home: 0.5 } },
        acute: {
          role: 'acute',
          capacity: 16,
          queue: 2,
          full: 'overflow',
          schedule: { at: [0, 200 * DAY, 260 * DAY], cap: [16, 18, 16] },
          service: lognormal(4 * DAY, 3 * DAY),
          discharge: { open, weekend: 0.5 },
          next: { rehab: 0.3, homecare: 0.3, home: 0.35, death: 0.05 },
          handoff: { homecare: exponential(DAY) },
        },
        overflow: { capacity: 5, queue: 0, service: exponential(2 * DAY), next: { home: 1 } },
        rehab: { role: 'p2', capacity: 8, queue: 0, service: exponential(8 * DAY), next: { home: 0.8, homecare: 0.2 } },
        homecare: { kind: 'homecare', role: 'p1', capacity: 15, queue: 0, service: exponential(20 * DAY), next: { home: 1 } },
      },
      sources: { calls: { rate: 3 / DAY, to: 'ucr' }, walk_ins: { rate: 3 / DAY, to: 'ed' }, gp: { rate: 0.5 / DAY, to: 'acute' } },
    });
    const rs = replicate(model, 6, { skipUnits: ['ucr'] });
    for (const r of rs) {
      checkInvariants(r, { skipUnits: ['ucr'] });
      // Everyone in the system holds a place or a queue position somewhere: an exact identity.
      const places = Object.values(r.units).reduce((a, u) => a + u.occupancy_mean + u.queue_mean, 0);
      expect(Math.abs(places - r.kpis.in_system_mean)).toBeLessThan(1e-9 * places);
      // The model is busy enough that every rule is exercised.
      expect(r.units.acute.blocked_mean).toBeGreaterThan(0);
      expect(r.units.ucr.reneged_fraction).toBeGreaterThan(0);
      expect(r.units.acute.lost_fraction).toBeGreaterThan(0);
      expect(r.units.overflow.arrivals_per_day).toBeGreaterThan(0);
      expect(r.kpis.delayed_bed_days_per_day).toBe(r.units.acute.blocked_mean);
    }
  });
});
