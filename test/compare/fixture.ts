/**
 * Simulated "observed" data for compare tests: beds with no capacity limit (M/M/inf), whose
 * occupancy is Poisson(rate x stay) on any day, so a 20% longer stay is a known shift.
 * Band runs and observed runs use different seeds, so the observed series are fresh draws.
 */
import { buildModel, exponential, DAY } from '../../engine/index.js';
import { firstMeasuredDay, type Results } from '../../results/index.js';
import { runScenarioDetailed } from '../../runner/index.js';
import { scenario, strategy } from '../runner/fixture.js';

export const START = '2027-01-04';

export function bedsModel(losDays: number, perDay = 20, horizonDays = 365, warmupDays = 20) {
  return buildModel({
    name: 'beds',
    horizon: horizonDays * DAY,
    warmup: warmupDays * DAY,
    units: { ward: { kind: 'beds', service: exponential(losDays * DAY), next: { home: 1 } } },
    sources: { admissions: { rate: perDay / DAY, to: 'ward' } },
  });
}

/** The results file of `reps` replications (workers: 0, so no built bundle is needed). */
export async function bandResults(losDays: number, reps: number, seed: number | string, perDay = 20): Promise<Results> {
  const out = await runScenarioDetailed(scenario([strategy('baseline', bedsModel(losDays, perDay))], reps, seed), { workers: 0 });
  return out.results;
}

/** `count` observed daily series (measured days only), one per replication of another seed. */
export async function observedSeries(
  losDays: number,
  count: number,
  seed: number | string,
  perDay = 20,
  series: 'occupancy' | 'admissions' = 'occupancy',
): Promise<number[][]> {
  const out = await runScenarioDetailed(scenario([strategy('baseline', bedsModel(losDays, perDay))], count, seed), { workers: 0 });
  return out.raw.baseline.map((r) => Array.from(r.daily.ward[series]).slice(firstMeasuredDay(r.warmupDays)));
}

/** Long-layout CSV of one series named `name`, day 0 on START. */
export function longCsv(name: string, values: readonly number[], start = START): string {
  const t0 = Date.parse(`${start}T00:00:00Z`);
  const rows = values.map((v, d) => `${new Date(t0 + d * DAY * 60_000).toISOString().slice(0, 10)},${name},${v}`);
  return `date,series,value\n${rows.join('\n')}\n`;
}
