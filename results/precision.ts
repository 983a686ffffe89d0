/**
 * How precise a run is, for `replications: auto` (ARCHITECTURE §5): the relative 95% CI
 * half-width of what the run must pin down, worst over all strategies.
 */
import type { Results, Stat, StrategyResults } from './format.js';
import { PRECISION_KPIS } from './format.js';
import type { UnitMetricName } from '../engine/index.js';

/** Relative CI half-width of a Stat: half-width / |mean| (0 when both are 0). */
export function relativeHalfWidth(s: Stat | undefined): number | null {
  if (!s || s.mean === null || s.ci95[0] === null || s.ci95[1] === null) return null;
  const half = (s.ci95[1] - s.ci95[0]) / 2;
  if (half === 0) return 0;
  return s.mean === 0 ? Infinity : half / Math.abs(s.mean);
}

/** A statistic the model actually answers: defined, and not zero in every replication (e.g. a cost the scenario never set). */
const answered = (st: Stat | undefined): st is Stat => !!st && st.mean !== null && !(st.mean === 0 && (st.sd ?? 0) === 0);

/**
 * What `replications: auto` must pin down: the headline KPIs the model answers; for a model
 * that answers none of them (no acute, UCR or cost, e.g. a plain queue), every unit's mean
 * occupancy and mean wait instead, so that precision is never claimed on nothing.
 */
function precisionTargets(s: StrategyResults): [string, Stat][] {
  const kpis = PRECISION_KPIS.map((k) => [k, s.kpis[k]] as [string, Stat | undefined]).filter((e): e is [string, Stat] => answered(e[1]));
  if (kpis.length > 0) return kpis;
  const out: [string, Stat][] = [];
  for (const [u, metrics] of Object.entries(s.units)) {
    for (const m of ['occupancy_mean', 'wait_mean'] as const satisfies readonly UnitMetricName[])
      if (answered(metrics[m])) out.push([`${u}.${m}`, metrics[m]]);
  }
  return out;
}

/** The worst precision over all strategies of what `precisionTargets` names. */
export function precision(strategies: Record<string, StrategyResults>, target = 0.05): NonNullable<Results['precision']> {
  let worst: { kpi: string; relative_half_width: number | null } = { kpi: '', relative_half_width: null };
  let reached = true;
  for (const s of Object.values(strategies)) {
    for (const [kpi, st] of precisionTargets(s)) {
      const rhw = relativeHalfWidth(st);
      // A KPI with a single defined value has no CI yet: precision cannot be claimed.
      const value = rhw ?? Infinity;
      if (value > target) reached = false;
      if (worst.relative_half_width === null || value > worst.relative_half_width) worst = { kpi, relative_half_width: value };
    }
  }
  if (worst.relative_half_width !== null && !Number.isFinite(worst.relative_half_width)) worst.relative_half_width = null;
  return { target, reached, worst };
}
