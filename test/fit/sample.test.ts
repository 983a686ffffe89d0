import { describe, expect, it } from 'vitest';
import { makeSample, GROUP_ABOVE } from '../../fit/sample.js';
import { fitFamily } from '../../fit/mle.js';
import { family } from '../../fit/families.js';
import { TRUE } from './known.js';
import { drawer } from '../../fit/draw.js';
import { makeStream } from '../../engine/random.js';

describe('makeSample', () => {
  it('makeSample(t, cens) keeps one entry per distinct duration and flag, with counts, and the exact likelihood', () => {
    const s = makeSample([2, 1, 2, 3, 2, 3], [0, 0, 0, 1, 0, 0]);
    expect([...s.t]).toEqual([1, 2, 3, 3]);
    expect([...s.cens]).toEqual([0, 0, 0, 1]);
    expect([...s.w]).toEqual([1, 3, 1, 1]);
    expect(s.n).toBe(6);
    expect(s.events).toBe(5);
    const f = family('weibull'),
      p = [0.3, 1];
    const one = (t: number, c: number) => f.logLik(makeSample([t], [c]), p);
    expect(f.logLik(s, p)).toBeCloseTo(one(1, 0) + 3 * one(2, 0) + one(3, 0) + one(3, 1), 10);
  });

  it(`makeSample(more than ${GROUP_ABOVE} stays) groups durations on a log grid and moves the fitted mean by under 2% of its standard error`, () => {
    const draw = drawer(family('lognormal'), TRUE.lognormal, makeStream(4, 0, 'group'));
    const raw: number[] = [],
      cens: number[] = [];
    for (let i = 0; i < 30_000; i++) {
      const x = draw(),
        lim = (i % 19) + 0.5; // admitted 0.5 to 18.5 days before the end of the extract
      raw.push(Math.min(x, lim));
      cens.push(x > lim ? 1 : 0);
    }
    const grouped = makeSample(raw, cens),
      exact = makeSample(raw, cens, undefined, false);
    expect(grouped.m).toBeLessThan(exact.m / 2);
    const a = fitFamily(family('lognormal'), grouped),
      b = fitFamily(family('lognormal'), exact);
    const se = (Math.log(b.meanHi) - Math.log(b.meanLo)) / (2 * 1.96);
    expect(Math.abs(Math.log(a.mean) - Math.log(b.mean))).toBeLessThan(0.02 * se);
  });
});
