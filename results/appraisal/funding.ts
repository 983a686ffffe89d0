/**
 * What a strategy closes and what it buys, in funded places and their cost a year, and the
 * net: the "equal cost" arithmetic of a shift from acute to community, done by the model
 * from the capacity each unit had (schedules included) and its cost per funded place.
 */
import type { StrategyFold } from '../summary-fold.js';
import type { Funding, FundingLine } from '../format.js';

const mean = (col: Iterable<number> | undefined): number => {
  if (!col) return 0;
  let n = 0,
    sum = 0;
  for (const v of col)
    if (Number.isFinite(v)) {
      n++;
      sum += v;
    }
  return n > 0 ? sum / n : 0;
};

/** Per unit whose funded places changed: places from -> to and the change in funded cost a year. */
export function foldFunding(base: StrategyFold, strategy: StrategyFold): Funding | null {
  const lines: FundingLine[] = [];
  let priced = false;
  for (const [u, f] of strategy.units) {
    const b = base.units.get(u);
    const funded = f.values.col('funded_cost_per_day'),
      bFunded = b?.values.col('funded_cost_per_day');
    if (funded || bFunded) priced = true;
    const from = mean(b?.values.col('capacity_mean')),
      to = mean(f.values.col('capacity_mean'));
    const change = 365 * (mean(funded) - mean(bFunded));
    if (Math.abs(to - from) > 1e-9 || Math.abs(change) > 1e-6)
      lines.push({ unit: u, places_from: from, places_to: to, cost_per_year: change });
  }
  if (!priced) return null;
  const closed = lines.filter((l) => l.cost_per_year < 0 || (l.cost_per_year === 0 && l.places_to < l.places_from));
  const bought = lines.filter((l) => !closed.includes(l));
  return { closed, bought, net_per_year: lines.reduce((a, l) => a + l.cost_per_year, 0) };
}
