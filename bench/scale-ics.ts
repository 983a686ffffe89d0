/**
 * The `--set` values that scale the default ICS to a larger population over a longer horizon
 * (the large-ICS benchmark, large-ics.ts): every cohort's people and every capacity param by
 * the same factor, so the system is as loaded as the default. Read from the scenario's YAML,
 * not matched by pattern in its text: a pattern that stopped matching (a cohort gained a
 * `label:` before its `people:`) left the population at 1.2 million while the capacities grew,
 * and the benchmark timed an emptier system than it said.
 */
import { parse } from 'yaml';

/** The default ICS's capacities (params), scaled with the population. */
export const CAPACITY_PARAMS = [
  'acute_beds',
  'winter_beds',
  'p1_packages',
  'p2_beds',
  'p3_beds',
  'vw_places',
  'ucr_day',
  'ucr_night',
  'ed_spaces',
] as const;

export interface ScaledIcs {
  /** The `--set` values (each `path=value`). */
  sets: string[];
  /** People in the default scenario and after scaling (rounded per cohort). */
  basePeople: number;
  people: number;
}

const record = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The scenario text scaled to about `people` people over `years` years (365-day years). */
export function scaleIcs(text: string, people: number, years: number): ScaledIcs {
  if (!(people > 0 && people < Infinity)) throw new Error(`${people} people: give a number of people above 0`);
  const horizon = Math.round(years * 365);
  if (!(horizon >= 1 && horizon < Infinity)) throw new Error(`${years} years: give a horizon of at least a day`);
  const doc: unknown = parse(text);
  const population = record(doc) ? doc.population : undefined;
  const cohorts = record(population) ? population.cohorts : undefined;
  const params = record(doc) ? doc.params : undefined;
  if (!record(cohorts) || Object.keys(cohorts).length === 0) throw new Error('the scenario has no population.cohorts to scale');
  if (!record(params)) throw new Error('the scenario has no params to scale');
  const base = Object.entries(cohorts).map(([name, c]) => {
    const n = record(c) ? c.people : undefined;
    if (typeof n !== 'number' || !(n >= 0)) throw new Error(`population.cohorts.${name}.people is not a plain number of people`);
    return [name, n] as const;
  });
  const basePeople = base.reduce((a, [, n]) => a + n, 0);
  if (!(basePeople > 0)) throw new Error('the scenario has no people to scale');
  const f = people / basePeople;
  const sets = [`time.horizon=${horizon} days`];
  let scaledPeople = 0;
  for (const [name, n] of base) {
    const m = Math.round(n * f);
    scaledPeople += m;
    sets.push(`population.cohorts.${name}.people=${m}`);
  }
  for (const p of CAPACITY_PARAMS) {
    const v = params[p];
    if (typeof v !== 'number') throw new Error(`params.${p} is not a plain number in the scenario`);
    sets.push(`params.${p}=${Math.round(v * f)}`);
  }
  return { sets, basePeople, people: scaledPeople };
}

/**
 * People in the baseline's population on its first measured day, from a results file: what
 * the run simulated, to check against what the benchmark meant to simulate.
 */
export function firstDayPeople(results: unknown): number {
  const strategies = record(results) ? results.strategies : undefined;
  const baseline = record(strategies) ? strategies.baseline : undefined;
  const population = record(baseline) ? baseline.population : undefined;
  if (!record(population)) throw new Error('the results file has no population for the baseline');
  let sum = 0;
  for (const [name, c] of Object.entries(population)) {
    const first = record(c) && Array.isArray(c.people) ? (c.people[0] as unknown) : undefined;
    if (typeof first !== 'number') throw new Error(`the results file has no people on the first day for cohort ${name}`);
    sum += first;
  }
  return sum;
}
