/**
 * The cohorts of one replication as columns: people (counts, not objects), patients of each
 * cohort in the system and in beds with their time-weighted areas, counters, and the tallies
 * of every population flow. The in-system and in-beds counts change only through the
 * methods here, which integrate their areas up to now first.
 */
import type { Model } from './model.js';

export interface CohortFlows {
  growth: Float64Array;
  deaths: Float64Array;
  movedIn: Float64Array;
  movedOut: Float64Array;
  pathwayDeaths: Float64Array;
}

export class CohortColumns {
  readonly n: number;
  /** Outcomes per cohort are tracked only with a population model. */
  readonly tracked: boolean;
  readonly people: Float64Array;
  readonly last: Float64Array;
  readonly inSystem: Float64Array;
  readonly inBeds: Float64Array;
  readonly systemArea: Float64Array;
  readonly bedArea: Float64Array;
  readonly crises: Float64Array;
  readonly admissions: Float64Array;
  readonly peopleDays: Float64Array;
  readonly flows: CohortFlows;
  /** [day * n + cohort]: people at the start of each day. */
  readonly peopleDaily: Float64Array;

  constructor(model: Model, days: number) {
    const C = (this.n = model.cohorts.length);
    const f = () => new Float64Array(C);
    this.tracked = model.population !== null;
    this.people = Float64Array.from(model.cohorts, (c) => c.people);
    this.last = f();
    this.inSystem = f();
    this.inBeds = f();
    this.systemArea = f();
    this.bedArea = f();
    this.crises = f();
    this.admissions = f();
    this.peopleDays = f();
    this.flows = { growth: f(), deaths: f(), movedIn: f(), movedOut: f(), pathwayDeaths: f() };
    this.peopleDaily = new Float64Array(C * days);
  }

  /** Integrates cohort c's time-weighted areas up to now. */
  touch(c: number, now: number): void {
    const dt = now - this.last[c];
    this.systemArea[c] += this.inSystem[c] * dt;
    this.bedArea[c] += this.inBeds[c] * dt;
    this.last[c] = now;
  }

  /** A patient of cohort c enters (+1) or leaves (-1) the system at `now`. */
  changeInSystem(c: number, now: number, by: number): void {
    this.touch(c, now);
    this.inSystem[c] += by;
  }

  /** A patient of cohort c takes (+1) or leaves (-1) a bed at `now`. */
  changeInBeds(c: number, now: number, by: number): void {
    this.touch(c, now);
    this.inBeds[c] += by;
  }
}
