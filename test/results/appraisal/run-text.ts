/** Runs every strategy of a scenario text in this thread and summarises them as `caresim run` does. */
import { loadScenarioText } from '../../../scenarios/index.js';
import { simulate } from '../../../engine/index.js';
import { summarise } from '../../../results/summarise.js';
import type { Results } from '../../../results/format.js';

export function runText(text: string, reps: number): Results {
  const sc = loadScenarioText(text, 'f.yaml');
  return summarise(
    sc.strategies.map((s) => ({
      name: s.name,
      description: s.description,
      set: s.set,
      changes: s.changes,
      reps: Array.from({ length: reps }, (_, r) => simulate(s.modelFor(sc.seed, r), { seed: sc.seed, replication: r })),
    })),
    {
      scenario: { name: sc.name, hash: sc.hash, assumptions: [] },
      engineVersion: 'test',
      seed: sc.seed,
      replications: reps,
      horizonDays: sc.horizonDays,
      warmupDays: sc.warmupDays,
      startDate: sc.startDate,
    },
  );
}
