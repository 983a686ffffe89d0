/**
 * The economic case from folded strategies: reads the per-replication columns a strategy
 * fold keeps (engine/summary-fold.ts) and hands them to the paired economics.
 */
import type { StrategyFold } from '../summary-fold.js';
import type { Stat } from '../format.js';
import { pairedEconomics, type CostColumns } from './paired.js';

export function costColumns(fold: StrategyFold): CostColumns | null {
  const cost = fold.kpis.col('cost_per_day');
  if (!cost || !fold.kpis.has('recurrent_cost_per_year')) return null;
  const units: CostColumns['units'] = {};
  for (const [u, f] of fold.units) {
    const c = f.values.col('cost_per_day');
    if (c) units[u] = { cost: c, funded: f.values.col('funded_cost_per_day') ?? [] };
  }
  return {
    indices: fold.indices,
    costPerDay: cost,
    units,
    admissionsPerDay: fold.kpis.col('admissions_per_day'),
    delayedPerDay: fold.kpis.col('delayed_bed_days_per_day'),
  };
}

/** The paired economic KPIs of a strategy against the baseline; empty when the model prices nothing. */
export function foldEconomics(base: StrategyFold, strategy: StrategyFold): Record<string, Stat> {
  const b = costColumns(base),
    s = costColumns(strategy);
  if (!b || !s || !strategy.economics) return {};
  return pairedEconomics(b, s, strategy.economics);
}
