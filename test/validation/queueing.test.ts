import { describe, it, expect } from 'vitest';
import { erlangB, erlangC, mmc, md1, erlangA, jacksonRates } from './queueing.js';

// The yardsticks are checked against published values and against each other's limits.
describe('erlangB(c, a) / erlangC(c, a) / mmc(lambda, mu, c)', () => {
  it('match tabulated values and the M/M/1 closed forms', () => {
    expect(erlangB(10, 8)).toBeCloseTo(0.121661, 6); // Erlang B tables
    expect(erlangB(1, 1)).toBe(0.5);
    expect(erlangC(1, 0.8)).toBeCloseTo(0.8, 12); // M/M/1: P(wait) = rho
    const m1 = mmc(0.8, 1, 1);
    expect(m1.wq).toBeCloseTo(0.8 / 0.2, 12); // rho / (mu - lambda)
    expect(m1.waitQuantile(0.95)).toBeCloseTo(Math.log(0.8 / 0.05) / 0.2, 12);
    expect(mmc(9, 1, 10).wq).toBeCloseTo(0.668731524107697, 12); // the reference models' value
  });
  it('md1 is half the M/M/1 wait', () => {
    expect(md1(0.75, 1).wq).toBeCloseTo(mmc(0.75, 1, 1).wq / 2, 12);
  });
});

describe('erlangA(lambda, mu, c, theta)', () => {
  it('tends to Erlang C as patience grows, and has the right limits in the target', () => {
    const a = erlangA(3.6, 1, 4, 1e-7),
      c = mmc(3.6, 1, 4);
    expect(a.lq).toBeCloseTo(c.lq, 3);
    expect(a.withinTarget(0.5)).toBeCloseTo(1 - c.pWait * Math.exp(-(4 - 3.6) * 0.5), 4);
    const b = erlangA(6.6, 1, 6, 1);
    const pBusy = b.pi.slice(6).reduce((x, y) => x + y, 0);
    expect(b.withinTarget(0)).toBeCloseTo(1 - pBusy, 9);
    expect(b.withinTarget(60)).toBeCloseTo(1 - b.reneged, 6);
    expect(b.pi.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 12);
  });
});

describe('jacksonRates(ext, P)', () => {
  it('solves the traffic equations of a loop', () => {
    const lam = jacksonRates(
      [1, 0, 0],
      [
        [0, 0.5, 0],
        [0, 0, 1],
        [0.4, 0, 0],
      ],
    );
    expect(lam[0]).toBeCloseTo(1.25, 12);
    expect(lam[1]).toBeCloseTo(0.625, 12);
    expect(lam[2]).toBeCloseTo(0.625, 12);
  });
});
