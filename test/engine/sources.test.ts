import { describe, it, expect } from 'vitest';
import { buildModel, fixed, simulate, makeStream, DAY, YEAR } from '../../engine/index.js';
import type { Model, Seasonality } from '../../engine/index.js';
import { hourOfWeek, seasonFactor } from '../../engine/calendar.js';

/**
 * Thinned arrivals against the textbook generator: every candidate at the maximum rate is
 * drawn, and kept with probability rate(t) / max, one candidate after another from the
 * source's own stream; a population source restarts at each midnight at the day's new
 * maximum, and pathway deaths lower its rate within a day. The arrivals the engine keeps, and
 * its event count, must be to the bit those of this generator: the reference for any faster
 * way of generating them (see docs/decisions.md on the ways measured).
 */

const SEED = 5;
const HORIZON = 12 * DAY;
/** A week's profile with quiet nights and a busy Monday, so that many candidates are rejected. */
const PROFILE = Array.from({ length: 168 }, (_, h) => (h % 24 < 7 ? 0.2 : h < 24 ? 2.5 : 1 + 0.5 * Math.sin(h)));
/** Near the peak of the season in one run and near its trough in another: both bounds of the season are used. */
const PEAK: Seasonality = { amplitude: 0.3, peak: 4 * DAY };
const TROUGH: Seasonality = { amplitude: 0.3, peak: 4 * DAY + YEAR / 2 };

/** One unit of 30-minute stays, after which 40% die: a small cohort shrinks within each day. */
function model(people: number, crisis: number, cohort: number, season = PEAK): Model {
  const base = buildModel({
    horizon: HORIZON,
    cohorts: ['frail'],
    units: { ward: { service: fixed(30), next: { home: 0.6, death: 0.4 } } },
    sources: {},
  });
  return {
    ...base,
    cohorts: [{ name: 'frail', people, crisis, death: 0, becomes: [] }],
    population: cohort >= 0 ? { growth: 0 } : null,
    season,
    weekOffset: 0,
    sources: [
      {
        name: 'crises',
        rate: cohort >= 0 ? 0 : crisis,
        profile: PROFILE,
        seasonal: true,
        cohort,
        cohortMix: [1],
        to: [{ dest: [0], cum: [1] }],
      },
    ],
  };
}

function traced(m: Model): { arrivals: number[]; deaths: number[]; events: number } {
  const arrivals: number[] = [],
    deaths: number[] = [];
  const r = simulate(m, {
    seed: SEED,
    replication: 0,
    trace: (e) => {
      if (e.what === 'arrive') arrivals.push(e.time);
      if (e.what === 'exit' && e.detail === 'death') deaths.push(e.time);
    },
  });
  return { arrivals, deaths, events: r.events };
}

/**
 * The one-by-one generator. `peopleAt(t)` is the cohort just before t (the deaths the run had
 * before t taken off); a plain source passes its fixed rate as people x 1. Returns the kept
 * times and the number of candidates looked at (each was one event of the queue before).
 */
function oneByOne(m: Model, peopleAt: (t: number) => number, population: boolean): { kept: number[]; candidates: number; stale: number } {
  const src = m.sources[0],
    { amplitude, peak } = m.season!,
    rng = makeStream(SEED, 0, `arrivals:${src.name}`);
  const crisis = population ? m.cohorts[0].crisis : 1;
  const profileMax = Math.max(...PROFILE);
  const rate = (t: number) => peopleAt(t) * crisis * PROFILE[hourOfWeek(t, 0)] * seasonFactor(t, amplitude, peak);
  const maxAt = (t: number) => peopleAt(t) * crisis * profileMax * (1 + Math.abs(amplitude));
  const kept: number[] = [];
  let candidates = 0,
    stale = 0;
  let lam = maxAt(0),
    midnight = population ? DAY : Infinity;
  let t = 0 - Math.log(1 - rng.next()) / lam;
  while (t < m.horizon) {
    if (t >= midnight) {
      // The day's new maximum: the pending candidate goes stale (still an event if before the
      // horizon), its uniform never drawn.
      stale++;
      lam = maxAt(midnight);
      t = midnight - Math.log(1 - rng.next()) / lam;
      midnight = midnight + DAY < m.horizon ? midnight + DAY : Infinity;
      continue;
    }
    candidates++;
    if (!(rng.next() * lam >= rate(t))) kept.push(t);
    t = t - Math.log(1 - rng.next()) / lam;
  }
  return { kept, candidates, stale };
}

describe('thinned arrivals (sources.ts)', () => {
  it('keep exactly the candidates the one-by-one generator keeps while pathway deaths shrink the cohort', () => {
    const people = 600,
      m = model(people, 0.4 / DAY, 0);
    const { arrivals, deaths, events } = traced(m);
    const peopleAt = (t: number) => people - deaths.filter((d) => d < t).length;
    const { kept, candidates, stale } = oneByOne(m, peopleAt, true);
    // The cohort shrinks a lot, so the rate falls within days, which the look-ahead must not pre-empt.
    expect(deaths.length).toBeGreaterThan(people / 3);
    expect(arrivals.length).toBeGreaterThan(500);
    expect(arrivals).toEqual(kept);
    // The events: each candidate before the horizon, each stay's end before it, and the 11
    // midnights. A candidate a new day's rate replaced is no event: it is replaced in place.
    const stayEnds = arrivals.filter((t) => t + 30 < m.horizon).length;
    expect(stale).toBeGreaterThan(5);
    expect(events).toBe(candidates + stayEnds + 11);
  });

  it.each([
    ['peak', PEAK],
    ['trough', TROUGH],
  ])("keep exactly the candidates of a plain source with a profile, near the season's %s", (_, season) => {
    const m = model(0, 60 / DAY, -1, season);
    const { arrivals } = traced(m);
    const { kept, candidates } = oneByOne(m, () => 60 / DAY, false);
    expect(candidates).toBeGreaterThan(arrivals.length * 1.5); // most rejections are decided ahead
    expect(arrivals).toEqual(kept);
  });

  it('keep a population rate fixed within a day when nobody dies in the pathway', () => {
    const base = model(20_000, 1.5 / YEAR, 0);
    const m: Model = { ...base, units: [{ ...base.units[0], next: [{ dest: [-1], cum: [1] }] }] };
    const { arrivals, deaths } = traced(m);
    expect(deaths).toEqual([]);
    const { kept } = oneByOne(m, () => 20_000, true);
    expect(arrivals.length).toBeGreaterThan(300);
    expect(arrivals).toEqual(kept);
  });
});
