import { describe, it, expect } from 'vitest';
import { buildModel, exponential, lognormal, fixed, HOUR, DAY } from '../../engine/index.js';
import type { Dist } from '../../engine/index.js';
import { replicate, col } from './run.js';
import { expectInCi, sampleVariance } from './stats.js';
import { erlangB, md1 } from './queueing.js';

function oneUnit(capacity: number, queue: number, service: Dist, lambdaPerHour: number, days: number, kind: 'beds' | 'front' = 'beds') {
  return buildModel({
    horizon: days * DAY,
    warmup: 20 * DAY,
    units: { s: { kind, capacity, queue, service, next: { home: 1 } } },
    sources: { a: { rate: lambdaPerHour / HOUR, to: 's' } },
  });
}

describe('simulate(model, opts) against Erlang B (queue 0: lost when full)', () => {
  // c = 10 places, offered load 8 Erlangs: B = 0.1217.
  const c = 10,
    a = 8,
    mean = 2 * HOUR;
  const cases: [string, Dist][] = [
    ['exponential LOS', exponential(mean)],
    ['lognormal LOS (insensitivity: only the mean matters)', lognormal(mean, 3 * HOUR)],
  ];
  for (const [label, dist] of cases) {
    it(`${label}: lost_fraction = B(10, 8), occupancy = a (1 - B), P(full) = B by PASTA`, () => {
      const B = erlangB(c, a);
      const rs = replicate(oneUnit(c, 0, dist, a / 2, 600), 20);
      expectInCi('lost_fraction', col(rs, 's', 'lost_fraction'), B);
      expectInCi('occupancy_mean', col(rs, 's', 'occupancy_mean'), a * (1 - B));
      expectInCi('p_full', col(rs, 's', 'p_full'), B);
      for (const r of rs) expect(r.units.s.queue_mean).toBe(0);
    });
  }
});

describe('simulate(model, opts) against M/M/infinity (occupancy is Poisson)', () => {
  it('mean occupancy = lambda / mu, never full, and the variance of daily means matches the M/M/inf autocovariance', () => {
    // lambda = 40/day, LOS mean 0.25 day: N(t) ~ Poisson(10), Cov(N(0), N(s)) = 10 exp(-mu s).
    const lam = 40,
      mu = 4,
      m = lam / mu;
    const rs = replicate(
      buildModel({
        horizon: 400 * DAY,
        warmup: 5 * DAY,
        units: { s: { kind: 'front', service: exponential(DAY / mu), next: { home: 1 } } },
        sources: { a: { rate: lam / DAY, to: 's' } },
      }),
      12,
    );
    expectInCi('occupancy_mean', col(rs, 's', 'occupancy_mean'), m);
    for (const r of rs) {
      expect(r.units.s.p_full).toBe(0);
      expect(r.units.s.wait_mean).toBe(0);
    }
    // Variance of a one-day time average: (2 sigma^2 / (mu T)) (1 - (1 - e^{-mu T}) / (mu T)), T = 1 day.
    const varDaily = ((2 * m) / mu) * (1 - (1 - Math.exp(-mu)) / mu);
    const perRep = rs.map((r) => sampleVariance(Array.from(r.daily.s.occupancy.slice(5))));
    // Consecutive daily means correlate (lag-1 about e^-4 of the day's variance): bias below 1%.
    expectInCi('variance of daily occupancy', perRep, varDaily, 0.01 * varDaily);
  });
});

describe('simulate(model, opts) against Pollaczek-Khinchine', () => {
  it('M/D/1 at rho 0.75: Wq = rho d / (2 (1 - rho)), Lq = lambda Wq, P(wait) = rho', () => {
    const d = 1 * HOUR,
      lam = 0.75 / HOUR;
    const th = md1(lam, d);
    const rs = replicate(oneUnit(1, Infinity, fixed(d), 0.75, 1800), 20);
    expectInCi('wait_mean', col(rs, 's', 'wait_mean'), th.wq / DAY);
    expectInCi('queue_mean', col(rs, 's', 'queue_mean'), th.lq);
    expectInCi('p_wait', col(rs, 's', 'p_wait'), 0.75);
    for (const r of rs) expect(r.units.s.los_mean).toBeCloseTo(d / DAY, 12);
  });
});

describe('simulate(model, opts) with a unit that sends patients back to itself', () => {
  it('queue none, 2 places, 20% back: the next stay starts in the same place, so it is Erlang B with stay s / (1 - p)', () => {
    // A geometric number (mean 1 / (1 - p)) of exponential stays is one exponential stay of
    // mean s / (1 - p): a = lambda s / (1 - p) = 1.25 Erlangs, B(2, 1.25) = 0.258.
    const s = 10 * HOUR,
      p = 0.2,
      lamPerHour = 0.08,
      c = 2;
    const a = (lamPerHour * (s / HOUR)) / (1 - p),
      B = erlangB(c, a);
    const rs = replicate(
      buildModel({
        horizon: 800 * DAY,
        warmup: 20 * DAY,
        units: { s: { capacity: c, queue: 0, service: exponential(s), next: { s: p, home: 1 - p } } },
        sources: { a: { rate: lamPerHour / HOUR, to: 's' } },
      }),
      20,
    );
    expectInCi('lost_fraction', col(rs, 's', 'lost_fraction'), B);
    expectInCi('occupancy_mean', col(rs, 's', 'occupancy_mean'), a * (1 - B));
    expectInCi('los_mean', col(rs, 's', 'los_mean'), s / (1 - p) / DAY);
    expectInCi('arrivals_per_day (from outside only)', col(rs, 's', 'arrivals_per_day'), lamPerHour * 24);
    for (const r of rs) expect(r.units.s.blocked_mean).toBe(0);
  });
});
