import { describe, it, expect } from 'vitest';
import { makeStream, streamSeed } from '../../engine/random.js';
import { expectInCi } from '../validation/stats.js';

describe('makeStream(seed, replication, name)', () => {
  it('reproduces the pinned alea sequence (golden values)', () => {
    // These values pin seedrandom's alea sequence for this seed string. If a dependency update
    // or a change to streamSeed alters them, every published result would silently change:
    // this test makes that a deliberate decision. They were computed once and are not a theory.
    const r = makeStream(2027, 0, 'x');
    expect([r.next(), r.next(), r.next(), r.next(), r.next()]).toEqual([
      0.6794841077644378, 0.6291478213388473, 0.8663029440212995, 0.4598591588437557, 0.12020827224478126,
    ]);
    const s = makeStream('abc', 3, 'los:acute');
    expect([s.next(), s.next(), s.next()]).toEqual([0.020135716535151005, 0.32079817447811365, 0.3496169373393059]);
    expect(streamSeed(2027, 0, 'x')).toBe('caresim:2027:0:x');
  });

  it('is uniform on [0, 1): mean 1/2 and variance 1/12 within 95% CIs, never 1', () => {
    const r = makeStream(1, 0, 'uniform');
    const means: number[] = [],
      vars: number[] = [];
    for (let b = 0; b < 20; b++) {
      let s = 0,
        s2 = 0;
      for (let i = 0; i < 10_000; i++) {
        const u = r.next();
        expect(u >= 0 && u < 1).toBe(true);
        s += u;
        s2 += u * u;
      }
      means.push(s / 10_000);
      vars.push(s2 / 10_000 - (s / 10_000) ** 2);
    }
    expectInCi('mean', means, 0.5);
    // The batch variance with divisor n is biased by a factor (n-1)/n: negligible at n = 10,000.
    expectInCi('variance', vars, 1 / 12, 1e-5);
  });

  it('gives independent-looking streams for different names, replications and seeds', () => {
    const n = 50_000;
    const draw = (seed: number, rep: number, name: string) => {
      const r = makeStream(seed, rep, name);
      return Array.from({ length: n }, () => r.next());
    };
    const base = draw(5, 0, 'arrivals:a');
    const others = [draw(5, 0, 'arrivals:b'), draw(5, 1, 'arrivals:a'), draw(6, 0, 'arrivals:a')];
    for (const o of others) {
      let sxy = 0,
        sx = 0,
        sy = 0,
        sxx = 0,
        syy = 0;
      for (let i = 0; i < n; i++) {
        sx += base[i];
        sy += o[i];
        sxy += base[i] * o[i];
        sxx += base[i] ** 2;
        syy += o[i] ** 2;
      }
      const corr = (n * sxy - sx * sy) / Math.sqrt((n * sxx - sx * sx) * (n * syy - sy * sy));
      // Under independence corr ~ N(0, 1/n): |corr| < 4 / sqrt(n) fails with probability 6e-5.
      expect(Math.abs(corr)).toBeLessThan(4 / Math.sqrt(n));
      expect(o.slice(0, 10)).not.toEqual(base.slice(0, 10));
    }
    // Same arguments, same stream.
    expect(draw(5, 0, 'arrivals:a').slice(0, 100)).toEqual(base.slice(0, 100));
  });
});
