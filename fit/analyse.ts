/**
 * Everything `caresim fit` learns from the extracts: per unit the length of stay (and per
 * cohort), hand-off delays per destination, routing counts and the arrival rate; per counts
 * stream the arrival rate. Pure: the tables come in already read.
 */
import { fitDurations, type DurationFit } from './durations.js';
import { fitArrivals, type ArrivalFit } from './arrivals.js';
import { staySamples, routingCounts, admissionSeries } from './stay-samples.js';
import type { Stays } from './stays.js';
import type { Counts } from './counts.js';

/** zeros: ended stays of zero length; zerosTimed: those of them whose dates have times. */
export interface Fitted {
  fit: DurationFit;
  zeros: number;
  zerosTimed: number;
}

export interface UnitFit {
  name: string;
  first: number;
  end: number;
  los: Fitted;
  cohorts: { name: string; los: Fitted }[];
  routing: Map<string, number>;
  routingByCohort: { name: string; counts: Map<string, number> }[];
  handoff: { destination: string; los: Fitted }[];
  arrivals: ArrivalFit;
  /** Admissions to this unit that the extract shows coming from another of its units. */
  transfersIn: number;
  /** Admissions by cohort (rows with a cohort). */
  cohortMix: Map<string, number>;
}

export interface StreamFit {
  name: string;
  arrivals: ArrivalFit;
}

export interface FitOptions {
  seed: string;
  bootstrap?: number;
  minCohort?: number;
}

/** Cohorts with fewer stays than this are not fitted on their own. */
export const MIN_COHORT = 30;

export function analyseStays(s: Stays, opts: FitOptions): UnitFit[] {
  const samples = staySamples(s);
  const routes = routingCounts(s);
  const series = admissionSeries(s);
  const dur = (key: string): Fitted => {
    const x = samples.los.get(key) ?? samples.handoff.get(key)!;
    return { fit: fitDurations(x.sample, `${opts.seed}:${key}`, { bootstrap: opts.bootstrap }), zeros: x.zeros, zerosTimed: x.zerosTimed };
  };
  const mix = new Map<string, Map<string, number>>();
  for (let i = 0; i < s.used; i++) {
    const c = s.cohort.get(i);
    if (c < 0) continue;
    const u = s.units.names[s.unit.get(i)],
      k = s.cohorts.names[c];
    let m = mix.get(u);
    if (!m) {
      m = new Map();
      mix.set(u, m);
    }
    m.set(k, (m.get(k) ?? 0) + 1);
  }
  const units: UnitFit[] = [];
  for (const name of s.units.names) {
    const cohorts = s.cohorts.names
      .filter((c) => (samples.los.get(`${name}|${c}`)?.sample.n ?? 0) >= (opts.minCohort ?? MIN_COHORT))
      .map((c) => ({ name: c, los: dur(`${name}|${c}`) }));
    const handoff = s.destinations.names
      .filter((d) => (samples.handoff.get(`${name}>${d}`)?.sample.events ?? 0) >= 2)
      .map((d) => ({ destination: d, los: dur(`${name}>${d}`) }));
    let transfersIn = 0;
    for (const [u, m] of routes) if (!u.includes('|') && u !== name) transfersIn += m.get(name) ?? 0;
    const a = series.get(name)!;
    units.push({
      name,
      first: s.first,
      end: s.endDay,
      los: dur(name),
      cohorts,
      routing: routes.get(name) ?? new Map(),
      routingByCohort: s.cohorts.names
        .filter((c) => routes.has(`${name}|${c}`))
        .map((c) => ({ name: c, counts: routes.get(`${name}|${c}`)! })),
      handoff,
      arrivals: fitArrivals(a.first, a.counts, a.hours),
      transfersIn,
      cohortMix: mix.get(name) ?? new Map(),
    });
  }
  return units;
}

export function analyseCounts(c: Counts): StreamFit[] {
  const out: StreamFit[] = [];
  for (const [name, days] of c.streams) {
    const keys = [...days.keys()];
    const first = Math.min(...keys),
      last = Math.max(...keys);
    const counts = new Float64Array(last - first + 1);
    // A day missing from a counts file is unknown, not zero: leave it out of the regression.
    const present = new Uint8Array(counts.length);
    for (const [d, n] of days) {
      counts[d - first] = n;
      present[d - first] = 1;
    }
    const fit = fitArrivals(first, counts, null, present);
    out.push({ name, arrivals: fit });
  }
  return out;
}
