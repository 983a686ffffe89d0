/**
 * Cohorts are counts, not objects: each day, people die, move between cohorts and grow
 * (deterministic expected flows with competing risks). Deaths in the pathway are removed
 * by flow.ts as they happen. Every flow is tallied so that the balance can be checked:
 * people = start + growth - deaths - pathway deaths + moved in - moved out.
 */
import type { SimState } from './sim-state.js';
import { DAY } from './calendar.js';

export function recordPeople(s: SimState): void {
  const C = s.C,
    cohorts = s.cohorts;
  // The last day may be cut short by the horizon.
  const share = (Math.min(s.now + DAY, s.end) - s.now) / DAY;
  for (let c = 0; c < C; c++) {
    cohorts.peopleDaily[s.day * C + c] = cohorts.people[c];
    if (s.measuring) cohorts.peopleDays[c] += cohorts.people[c] * share;
  }
}

/** Advances every cohort by one day. */
export function evolvePopulation(s: SimState): void {
  const pop = s.m.population;
  if (!pop) return;
  const C = s.C,
    cohorts = s.m.cohorts,
    people = s.cohorts.people,
    f = s.cohorts.flows;
  const delta = new Float64Array(C);
  const grow = Math.exp(pop.growth * DAY) - 1;
  for (let c = 0; c < C; c++) {
    const n = people[c],
      co = cohorts[c];
    const g = n * grow;
    f.growth[c] += g;
    delta[c] += g;
    let r = co.death;
    for (const b of co.becomes) r += b.rate;
    if (r <= 0 || n <= 0) continue;
    const out = n * (1 - Math.exp(-r * DAY));
    const died = (out * co.death) / r;
    f.deaths[c] += died;
    delta[c] -= out;
    for (const b of co.becomes) {
      const moved = (out * b.rate) / r;
      f.movedOut[c] += moved;
      f.movedIn[b.to] += moved;
      delta[b.to] += moved;
    }
  }
  for (let c = 0; c < C; c++) people[c] = Math.max(0, people[c] + delta[c]);
}
