/**
 * ReplicationResult[] -> the parts of the results file (ARCHITECTURE §6). Isomorphic: the
 * CLI runner and the browser viewer share it, so a run gives the same numbers in both.
 * Replications are always folded in index order (summary-fold.ts, in-order.ts), so the
 * output is byte-identical however the replications were spread over workers, shards or
 * resumed runs. Statistics live in statistics.ts, the daily bands in daily-bands.ts, the
 * precision of `replications: auto` in precision.ts.
 */
import type { ReplicationResult } from '../engine/index.js';
import { RESULTS_FORMAT, type KpiStats, type Results, type StrategyResults } from './format.js';
import { StrategyFold, foldDifferences, type StrategyMeta } from './summary-fold.js';
import { MeanFold } from './daily-bands.js';
import { bandPlan } from './band-plan.js';
import { precision } from './precision.js';
import { foldEconomics } from './appraisal/index.js';
import { foldFunding } from './appraisal/index.js';
import { applyVerdicts, type Adjust } from './appraisal/index.js';

/**
 * Folds replications (any order) in index order. `failed`: the indices of the run's failed
 * replications, which belong to the band plan as the run made it (runner/ledger.ts plans from
 * every index it was asked for): a summary of the survivors then gives the run's own bands,
 * even when more sample members failed than the plan's reserve covers.
 */
export function foldOf(reps: readonly ReplicationResult[], failed: Iterable<number> = []): StrategyFold {
  const indices = new Set(reps.map((r) => r.replication));
  const distinct = indices.size === reps.length;
  for (const i of failed) indices.add(i);
  const fold = new StrategyFold(distinct ? bandPlan(indices) : undefined);
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
export function pairedDifferences(baseline: readonly ReplicationResult[], other: readonly ReplicationResult[]): KpiStats {
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
    const lo = Math.max(0, d - half),
      hi = Math.min(mean.length - 1, d + half);
    let sum = 0;
    for (let i = lo; i <= hi; i++) sum += mean[i];
    return sum / (hi - lo + 1);
  });
}

export function warmupAid(reps: readonly ReplicationResult[], window = 7): Record<string, number[]> {
  return foldWarmupAid(foldOf(reps), window);
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
  labels?: Results['labels'];
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
  return summariseFolds(
    strategies.map(({ reps, ...s }) => ({
      ...s,
      fold: foldOf(
        reps,
        (meta.failures ?? []).filter((f) => f.strategy === s.name).map((f) => f.replication),
      ),
    })),
    meta,
  );
}

/** As `summarise`, from strategies already folded (the runner folds as replications finish). */
export function summariseFolds(strategies: readonly StrategyFolded[], meta: SummariseMeta): Results {
  const out: Results = {
    format: RESULTS_FORMAT,
    scenario: meta.scenario,
    engine: { version: meta.engineVersion },
    seed: meta.seed,
    replications: meta.replications,
    horizon_days: meta.horizonDays,
    warmup_days: meta.warmupDays,
    start_date: meta.startDate,
    ...(meta.labels && Object.keys(meta.labels).length > 0 ? { labels: meta.labels } : {}),
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
