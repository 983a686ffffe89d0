/**
 * The economic case of one strategy against the baseline, per paired replication (same
 * index = same random numbers), then summarised as Stats: the cost of double running, the
 * net cost a year, the net present value of the saving, the return on investment, the
 * payback month, the probability of a saving and the cost per admission avoided and per
 * delayed bed-day released. Isomorphic and free of I/O.
 *
 * Money flows month by month over the plan: the one-off cost at the start; in each month the
 * recurrent saving (baseline cost minus strategy cost), less, during the double-running
 * period, the funded cost of the capacity the strategy closes (still paid while the new
 * capacity runs). A month in plan year y (0, 1, ...) is discounted by (1 + r)^-y, the Green
 * Book's yearly convention with the first year undiscounted.
 */
import type { Economics } from '../../engine/index.js';
import type { Stat } from '../format.js';
import { EMPTY_STAT, linearisedRatio, shareStat, stat, withMean } from '../statistics.js';

/** One strategy's per-replication values that the economic case needs, in replication order. */
export interface CostColumns {
  indices: readonly number[];
  /** Total recurrent cost a day (all units). */
  costPerDay: ArrayLike<number>;
  admissionsPerDay?: ArrayLike<number>;
  delayedPerDay?: ArrayLike<number>;
  /** Per unit: total cost a day and funded-place cost a day. */
  units: Record<string, { cost: ArrayLike<number>; funded: ArrayLike<number> }>;
}

const DAYS_A_MONTH = 365 / 12;

/** Per replication pair: the flows of the plan and what they add up to. */
export interface PlanOutcome {
  doubleRunning: number;
  netCostPerYear: number;
  npv: number;
  roi: number;
  /** The money put in, discounted: one-off, the funded costs bought (places, staff, hours) and double running. */
  invested: number;
  paybackMonth: number;
  saves: number;
}

/**
 * The plan's money for one pair: `extraPerDay` and `savedPerDay` are the unit cost increases and
 * decreases (gross), `closedPerDay` the funded cost of closed capacity (double running),
 * `boughtPerDay` the funded cost increases (the places, staff and hours the strategy funds
 * beyond the baseline's). The money put in is what the strategy decides to fund: the one-off,
 * what it buys and the double running. A cost that rises with use (more bed-days, contacts)
 * follows from the plan: it is in the NPV, not in the money put in, so a cut that buys nothing
 * has no return on investment however its consequences cost elsewhere.
 */
export function planOutcome(
  extraPerDay: number,
  savedPerDay: number,
  closedPerDay: number,
  boughtPerDay: number,
  e: Economics,
): PlanOutcome {
  const months = 12 * e.planYears;
  const savingMonth = (savedPerDay - extraPerDay) * DAYS_A_MONTH;
  let npv = -e.oneOff,
    invested = e.oneOff,
    cumulative = -e.oneOff,
    payback = NaN,
    doubleRunning = 0;
  // Money within rounding of zero is no saving: while double running pays the closed capacity
  // exactly its saving, the cumulative sum hovers at zero and must not count as paid back.
  const eps = 1e-9 * (Math.abs(savingMonth) + closedPerDay * DAYS_A_MONTH + e.oneOff);
  // Nothing to pay back: a saving from the first day.
  if (e.oneOff === 0 && (closedPerDay === 0 || e.doubleRunningDays === 0) && savingMonth > 0) payback = 0;
  for (let m = 0; m < months; m++) {
    const df = Math.pow(1 + e.discountRate, -Math.floor(m / 12));
    // Days of this month inside the double-running period.
    const overlap = Math.max(0, Math.min(DAYS_A_MONTH, e.doubleRunningDays - m * DAYS_A_MONTH));
    const running = closedPerDay * overlap;
    doubleRunning += running;
    npv += (savingMonth - running) * df;
    invested += (boughtPerDay * DAYS_A_MONTH + running) * df;
    cumulative += savingMonth - running;
    if (Number.isNaN(payback) && cumulative > eps && savingMonth > 0) payback = m + 1;
  }
  return {
    doubleRunning,
    netCostPerYear: (extraPerDay - savedPerDay) * 365 + (e.oneOff + doubleRunning) / e.planYears,
    npv,
    roi: invested > 0 ? npv / invested : NaN,
    invested,
    paybackMonth: payback,
    saves: npv > eps ? 1 : 0,
  };
}

/**
 * A ratio of paired sums (NPV / money put in, cost / units of benefit) with its delta-method
 * CI; not defined (null mean) unless its denominator is clearly above zero (Fieller's
 * condition: the 95% CI of the denominator's mean lies above 0). Otherwise the ratio's own 95%
 * confidence set (Fieller's) is unbounded, and the delta-method interval around a sum near zero
 * is no interval at all: a sweep point that cuts P1 packages, whose only "money put in" was
 * spending that rose in some replications by chance, read as a return of 11,000% (95% CI
 * -8,800% to 31,700%), and a strategy that avoided no admissions to speak of as £386,300 per
 * admission avoided (CI -£9.5 M to £10.3 M).
 */
function ratio(num: number[], den: number[]): Stat {
  const lin = linearisedRatio(num, den);
  if (!lin || !clearlyAboveZero(num, den)) return { ...EMPTY_STAT, ci95: [null, null] };
  // No outcome range: one year's cost over one year's benefit explodes as the benefit nears 0.
  return { ...withMean(stat(lin.z), lin.ratio), p10: null, p90: null };
}

/** Whether the denominators of the pairs the ratio uses have a mean whose 95% CI lies above 0 (one pair: no CI, so yes). */
function clearlyAboveZero(num: number[], den: number[]): boolean {
  const used = den.filter((y, i) => Number.isFinite(y) && Number.isFinite(num[i]));
  if (used.length < 2) return used.length === 1 && used[0] > 0;
  const lo = stat(used).ci95[0];
  return lo !== null && lo > 0;
}

/** The paired economic KPIs of `strategy` against `base`, over the replication indices both have. */
export function pairedEconomics(base: CostColumns, strategy: CostColumns, e: Economics): Record<string, Stat> {
  const row = new Map<number, number>();
  base.indices.forEach((r, i) => row.set(r, i));
  const pairs: [number, number][] = [];
  strategy.indices.forEach((r, i) => {
    const b = row.get(r);
    if (b !== undefined) pairs.push([b, i]);
  });
  // Replication indices of the pairs: they pick the outcome range's sample past RANGE_SAMPLE pairs.
  const indices = pairs.map((p) => strategy.indices[p[1]]);
  const names = [...new Set([...Object.keys(base.units), ...Object.keys(strategy.units)])];
  const at = (col: ArrayLike<number> | undefined, i: number) => (col ? (col[i] ?? 0) : 0);
  const cols = {
    doubleRunning: [] as number[],
    net: [] as number[],
    npv: [] as number[],
    invested: [] as number[],
    payback: [] as number[],
    saves: [] as number[],
    avoided: [] as number[],
    released: [] as number[],
    netForAvoided: [] as number[],
    netForReleased: [] as number[],
  };
  for (const [b, s] of pairs) {
    let extra = 0,
      saved = 0,
      closed = 0,
      bought = 0;
    for (const u of names) {
      const d = at(strategy.units[u]?.cost, s) - at(base.units[u]?.cost, b);
      if (d > 0) extra += d;
      else saved -= d;
      const funded = at(strategy.units[u]?.funded, s) - at(base.units[u]?.funded, b);
      if (funded > 0) bought += funded;
      else closed -= funded;
    }
    // Costs outside the units (none today) would show as a gap between the unit sum and the total.
    const o = planOutcome(extra, saved, closed, bought, e);
    cols.doubleRunning.push(o.doubleRunning);
    cols.net.push(o.netCostPerYear);
    cols.npv.push(o.npv);
    cols.invested.push(o.invested);
    cols.payback.push(o.paybackMonth);
    cols.saves.push(o.saves);
    if (base.admissionsPerDay && strategy.admissionsPerDay) {
      cols.avoided.push(365 * (base.admissionsPerDay[b] - strategy.admissionsPerDay[s]));
      cols.netForAvoided.push(o.netCostPerYear);
    }
    if (base.delayedPerDay && strategy.delayedPerDay) {
      cols.released.push(365 * (base.delayedPerDay[b] - strategy.delayedPerDay[s]));
      cols.netForReleased.push(o.netCostPerYear);
    }
  }
  const out: Record<string, Stat> = {
    double_running_cost: stat(cols.doubleRunning, indices),
    net_cost_per_year: stat(cols.net, indices),
    net_present_value: stat(cols.npv, indices),
    // NPV over money put in, as a ratio of paired sums: a mean of per-replication ratios is
    // dominated by replications that put in almost nothing (a cost cut with a little double
    // running) and can run to thousands. No money put in anywhere: no return on investment.
    return_on_investment: ratio(cols.npv, cols.invested),
    payback_month: stat(cols.payback, indices),
    probability_of_saving: shareStat(cols.saves, indices),
  };
  if (cols.avoided.length > 0) out.cost_per_admission_avoided = ratio(cols.netForAvoided, cols.avoided);
  if (cols.released.length > 0) out.cost_per_bed_day_released = ratio(cols.netForReleased, cols.released);
  return out;
}
