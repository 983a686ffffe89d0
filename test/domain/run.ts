/**
 * Runs strategies of a loaded scenario the way the runner does: replication r of every
 * strategy uses the same seed and index, so strategies share random numbers and paired
 * differences are sharp.
 */
import { join } from 'node:path';
import { loadScenario } from '../../scenarios/index.js';
import type { CompiledScenarioWithWarnings } from '../../scenarios/index.js';
import { simulate } from '../../engine/index.js';
import type { ReplicationResult } from '../../engine/index.js';
import type { SystemKpiName } from '../../results/index.js';

export const LIBRARY = join(__dirname, '../../scenarios/library');
export const ICS = join(LIBRARY, 'ics-default.yaml');

export function load(file: string, set: string[] = []): CompiledScenarioWithWarnings {
  return loadScenario(file, { set });
}

export function runStrategy(sc: CompiledScenarioWithWarnings, name: string, reps: number): ReplicationResult[] {
  const s = sc.strategies.find((x) => x.name === name);
  if (!s) throw new Error(`no strategy ${name} in ${sc.file}`);
  return Array.from({ length: reps }, (_, r) => simulate(s.modelFor(sc.seed, r), { seed: sc.seed, replication: r }));
}

/** Per-replication differences b - a of one KPI (same replication index = same random numbers). */
export function paired(a: ReplicationResult[], b: ReplicationResult[], kpi: SystemKpiName): number[] {
  return a.map((ra, i) => b[i].kpis[kpi]! - ra.kpis[kpi]!);
}
