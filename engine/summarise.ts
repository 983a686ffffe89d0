/**
 * ReplicationResult[] -> the parts of the results file (ARCHITECTURE §6). Isomorphic: the
 * CLI runner and the browser viewer share it, so a run gives the same numbers in both.
 * Replications are always folded in index order (summary-fold.ts, in-order.ts), so the
 * output is byte-identical however the replications were spread over workers, shards or
 * resumed runs. Statistics live in statistics.ts, the daily bands in daily-bands.ts.
 */
import type { ReplicationResult } from './result.js';
import type { Results, Stat, StrategyResults } from './results.js';
import { PRECISION_KPIS } from './results.js';
import { StrategyFold, foldDifferences, type StrategyMeta } from './summary-fold.js';
import { MeanFold } from './daily-bands.js';
import { foldEconomics } from '../appraisal/fold-costs.js';
import { foldFunding } from '../appraisal/funding.js';
import { applyVerdicts, type Adjust } from '../appraisal/comparisons.js';

export { stat, quantile, tQuantile975, ratioStat } from './statistics.js';
export { firstMeasuredDay, StrategyFold, foldDifferences, type StrategyMeta } from './summary-fold.js';

/** Folds replications (any order) in index order. */
export function foldOf(reps: readonly ReplicationResult[]): StrategyFold {
  const fold = new StrategyFold();
  for (const r of [...reps].sort((a, b) => a.replication - b.replication)) fold.add(r);
  return fold;
}

/** One strategy's results from its replications (any order; folded by index). */
export function summariseStrategy(reps: readonly ReplicationResult[], meta: StrategyMeta): StrategyResults {
  return foldOf(reps).result(meta);
}

/**
 * Paired differences (strategy minus baseline) of every KPI, over the replication indices
 * both have (see foldDifferences).
 */
export function pairedDifferences(baseline: readonly ReplicationResult[], other: readonly ReplicationResult[]): Record<string, Stat> {
  return foldDifferences(foldOf(baseline), foldOf(other));
}

/**
 * Warm-up aid (Welch's method): per unit, the mean daily occupancy across replications for
 * every day from t = 0, smoothed by a centred 7-day moving average so the weekly cycle does
 * not hide where the curve flattens. The warm-up should end after that point.
 */
export function foldWarmupAid(fold: StrategyFold, window = 7): Record<string, number[]> {
  const out: Record<string, number[]> = {};
  const half = Math.floor(window / 2);
  for (const [u, m] of fold.occupancyFromStart) out[u] = smooth(m, half);
  return out;
}

function smooth(m: MeanFold, half: number): number[] {
  const mean = m.result();
  return mean.map((_, d) => {
    const lo = Math.max(0, d - half), hi = Math.min(mean.length - 1, d + half);
    let sum = 0;
    for (let i = lo; i <= hi; i++) sum += mean[i];
    return sum / (hi - lo + 1);
  });
}

export function warmupAid(reps: readonly ReplicationResult[], window = 7): Record<string, number[]> {
  return foldWarmupAid(foldOf(reps), window);
}

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
    for (const m of ['occupancy_mean', 'wait_mean']) if (answered(metrics[m])) out.push([`${u}.${m}`, metrics[m]]);
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

export interface StrategyReps extends StrategyMeta {
  name: string;
  reps: readonly ReplicationResult[];
}

export interface StrategyFolded extends StrategyMeta {
  name: string;
  fold: StrategyFold;
}

export interface SummariseMeta {
  scenario: Results['scenario'];
  engineVersion: string;
  seed: number | string;
  replications: number;
  horizonDays: number;
  warmupDays: number;
  startDate: string;
  sweep?: Results['sweep'];
  failures?: Results['failures'];
  precisionTarget?: number;
  /** Add `precision` (replications: auto). */
  auto?: boolean;
  /** Intervals the verdicts use: plain 95% CIs (default) or Holm-adjusted. */
  adjust?: Adjust;
}

/**
 * The whole results file except `run`. The first strategy is the baseline; differences
 * are taken against it. Key order is fixed, so JSON.stringify of the result is stable.
 */
export function summarise(strategies: readonly StrategyReps[], meta: SummariseMeta): Results {
  return summariseFolds(strategies.map(({ reps, ...s }) => ({ ...s, fold: foldOf(reps) })), meta);
}

/** As `summarise`, from strategies already folded (the runner folds as replications finish). */
export function summariseFolds(strategies: readonly StrategyFolded[], meta: SummariseMeta): Results {
  const out: Results = {
    format: 'caresim-results/1',
    scenario: meta.scenario,
    engine: { version: meta.engineVersion },
    seed: meta.seed,
    replications: meta.replications,
    horizon_days: meta.horizonDays,
    warmup_days: meta.warmupDays,
    start_date: meta.startDate,
    strategies: {},
    differences: {},
  };
  for (const s of strategies) {
    out.strategies[s.name] = s.fold.result({ description: s.description, set: s.set, sweep: s.sweep, changes: s.changes });
  }
  if (meta.auto) out.precision = precision(out.strategies, meta.precisionTarget);
  const [base, ...rest] = strategies;
  for (const s of rest) {
    out.differences[s.name] = { ...foldDifferences(base.fold, s.fold), ...foldEconomics(base.fold, s.fold) };
    const funding = foldFunding(base.fold, s.fold);
    if (funding) out.strategies[s.name].funding = funding;
  }
  if (rest.length > 0) out.comparisons = applyVerdicts(out, meta.adjust);
  if (base) out.warmup_aid = foldWarmupAid(base.fold);
  if (meta.sweep) out.sweep = meta.sweep;
  if (meta.failures && meta.failures.length > 0) out.failures = meta.failures;
  return out;
}
