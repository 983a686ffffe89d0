import { describe, expect, it } from 'vitest';
import { fitDurations, EMPIRICAL_POINTS } from '../../fit/durations.js';
import { makeSample } from '../../fit/sample.js';
import { family } from '../../fit/families.js';
import { drawer } from '../../fit/draw.js';
import { makeStream } from '../../engine/random.js';
import { knownSample } from './known.js';

describe('fitDurations', () => {
  it('fitDurations(gamma sample) chooses gamma and the KM check passes', () => {
    const { sample } = knownSample('gamma', 1500, 3, 19);
    const r = fitDurations(sample, 'test', { bootstrap: 39 });
    expect(r.chosen?.family.name).toBe('gamma');
    expect(r.empirical).toBeNull();
    expect(r.gof!.p).toBeGreaterThan(0.01);
  });

  it('fitDurations(a two-humped mixture no family describes) says so and writes the KM quantiles', () => {
    const rng = makeStream(8, 0, 'mix');
    const a = drawer(family('lognormal'), [Math.log(1), Math.log(0.2)], rng),
      b = drawer(family('lognormal'), [Math.log(20), Math.log(0.2)], rng);
    const t = Array.from({ length: 2000 }, (_, i) => (i % 2 ? a() : b()));
    // 99 replicates: the fewest with which a bootstrap p-value can reach 0.01.
    const r = fitDurations(makeSample(t, new Uint8Array(2000)), 'test', { bootstrap: 99 });
    expect(r.chosen).toBeNull();
    expect(r.notes.join(' ')).toMatch(/no family matches the Kaplan–Meier estimate/);
    expect(r.empirical).toHaveLength(EMPIRICAL_POINTS);
    // Half the stays are near 1 day and half near 20: the quantiles split there.
    expect(r.empirical![40]).toBeLessThan(2);
    expect(r.empirical![60]).toBeGreaterThan(10);
  });
});
