/**
 * The summary's words, from the results file alone: strategies in verdict order, each with
 * one plain sentence built from the headline measure that moved most (with its 95% CI), its
 * net cost a year and its trade-off. Pure (no DOM), so every figure is checked in unit tests.
 */
import { type Results, type Stat, HEADLINE_KPIS, kpiInfo } from '../results/index.js';
import { BASELINE, mainStrategies } from './data.js';
import { formatChange, formatValue, hasMean, inSentence, statDecimals, verdictOf } from './format.js';

export const VERDICT_ORDER = ['better', 'trade-off', 'no clear difference', 'worse'] as const;
export type SummaryVerdict = (typeof VERDICT_ORDER)[number];

/** How a move of each headline measure is said: [when it falls, when it rises]; `#` is the amount. */
const PHRASES: Record<string, [string, string]> = {
  delayed_bed_days_per_day: [
    'frees about # beds a day held by people ready to leave',
    'ties up about # more beds a day with people ready to leave',
  ],
  acute_waiting_mean: [
    'about # fewer patients waiting for an acute bed on an average day',
    'about # more patients waiting for an acute bed on an average day',
  ],
  waits_12h_per_day: ['about # fewer 12-hour waits for admission a day', 'about # more 12-hour waits for admission a day'],
  acute_occupancy: ['lowers acute bed occupancy by about # percentage points', 'raises acute bed occupancy by about # percentage points'],
  admissions_per_day: ['avoids about # acute admissions a day', 'adds about # acute admissions a day'],
  ucr_within_2h: [
    'about # points fewer urgent community responses within 2 hours',
    'about # points more urgent community responses within 2 hours',
  ],
  cost_per_day: ['saves about # a day', 'costs about # a day more'],
};

export interface NetCost {
  /** £ a year, positive = costs more than the baseline. */
  mean: number;
  ci95: [number | null, number | null] | null;
  /** Where it comes from: the economic case (paired) or the funded places a strategy changes. */
  source: 'net_cost_per_year' | 'funding';
}

export interface Finding {
  strategy: string;
  verdict: SummaryVerdict;
  /** The measure the sentence is built from, and the sentence with its CI. */
  kpi: string | null;
  text: string;
  netCost: NetCost | null;
  /** Measures that got worse. */
  tradeOff: string[];
  /** Measures that improved but are not counted as gains (the verdict discounts them). */
  discounted: string[];
}

/** Net cost a year against the baseline: the economic case's paired difference, else the funded places' net. */
export function netCostOf(r: Results, strategy: string): NetCost | null {
  const paired = (r.differences?.[strategy] as Record<string, Stat | undefined> | undefined)?.net_cost_per_year;
  if (hasMean(paired)) return { mean: paired.mean, ci95: paired.ci95, source: 'net_cost_per_year' };
  const f = r.strategies[strategy]?.funding;
  if (f && Number.isFinite(f.net_per_year)) return { mean: f.net_per_year, ci95: null, source: 'funding' };
  return null;
}

/**
 * The headline measure that moved most against its own year-to-year spread: the paired
 * difference over the baseline's standard deviation across replications (its mean when the
 * spread is missing). Clear improvements first, then any clear change, then the largest.
 */
export function movedMost(r: Results, strategy: string): { kpi: string; diff: Stat & { mean: number } } | null {
  const base = r.strategies[BASELINE]?.kpis ?? {};
  const rows = HEADLINE_KPIS.filter((k) => k !== 'cost_per_day').flatMap((kpi) => {
    const diff = (r.differences?.[strategy] as Record<string, Stat | undefined> | undefined)?.[kpi];
    if (!hasMean(diff)) return [];
    const b = base[kpi];
    const spread = b?.sd !== null && b?.sd !== undefined && b.sd > 0 ? b.sd : Math.abs(b?.mean ?? 0) || 1;
    return [{ kpi, diff, size: Math.abs(diff.mean) / spread, verdict: verdictOf(kpi, diff) }];
  });
  const pick = (xs: typeof rows) => xs.sort((a, b) => b.size - a.size)[0];
  // A gain the verdict discounts (fewer admissions while a unit turns more patients away) is not
  // the strategy's headline: the sentence would contradict the verdict beside it.
  const discounted = new Set<string>(r.strategies[strategy]?.verdict?.discounted ?? []);
  const gains = rows.filter((x) => x.verdict === 'better' && !discounted.has(x.kpi));
  const best =
    pick(gains) ?? pick(rows.filter((x) => x.verdict === 'worse')) ?? pick(rows.filter((x) => !discounted.has(x.kpi))) ?? pick(rows);
  return best ? { kpi: best.kpi, diff: best.diff } : null;
}

/** "frees about 91 beds a day held by people ready to leave (86–96)": the amount and CI as sizes of the move. */
export function phrase(kpi: string, diff: Stat & { mean: number }): string {
  const info = kpiInfo(kpi);
  const [down, up] = PHRASES[kpi] ?? [`lowers ${inSentence(info.label)} by about #`, `raises ${inSentence(info.label)} by about #`];
  const fall = diff.mean < 0;
  const size = (x: number) => (fall ? -x : x);
  const d = statDecimals(diff, info.kind);
  // Percentage points print as plain numbers; other kinds keep their £.
  const fmt = (x: number) => formatChange(size(x), info.kind, d, false);
  const [lo, hi] = diff.ci95;
  // A CI that crosses zero reads as a signed range ("−2.4 to 3.9"), not as sizes.
  const crosses = lo !== null && hi !== null && lo < 0 && hi > 0;
  const ci =
    lo === null || hi === null
      ? ''
      : crosses
        ? ` (${fmt(fall ? hi : lo)} to ${fmt(fall ? lo : hi)})`
        : ` (${fall ? `${fmt(hi)}–${fmt(lo)}` : `${fmt(lo)}–${fmt(hi)}`})`;
  return (fall ? down : up).replace('#', fmt(diff.mean)) + ci;
}

/** "no extra cost", "saves £1.2m a year", "costs £350,000 a year more"; with `ci`, its 95% CI after. */
export function costPhrase(n: NetCost | null, ci = false): string {
  if (!n) return '';
  const [lo, hi] = n.ci95 ?? [null, null];
  if (Math.round(n.mean) === 0 && (lo === null || hi === null || (lo <= 0 && hi >= 0))) return 'no extra cost';
  if (lo !== null && hi !== null && lo <= 0 && hi >= 0) return 'no clear difference in net cost';
  const amount = formatValue(Math.abs(n.mean), 'money', 0);
  const range =
    ci && lo !== null && hi !== null
      ? ` (${formatValue(Math.min(Math.abs(lo), Math.abs(hi)), 'money', 0)}–${formatValue(Math.max(Math.abs(lo), Math.abs(hi)), 'money', 0)})`
      : '';
  return n.mean < 0 ? `saves ${amount} a year${range}` : `costs ${amount} a year more${range}`;
}

/** True when the net cost a year is clearly different from nothing (a saving or a cost to act on). */
const clearCost = (n: NetCost | null): boolean =>
  !!n && Math.round(n.mean) !== 0 && !(n.ci95 && n.ci95[0] !== null && n.ci95[1] !== null && n.ci95[0] <= 0 && n.ci95[1] >= 0);

function verdictOfStrategy(r: Results, strategy: string): SummaryVerdict {
  const v = r.strategies[strategy]?.verdict?.verdict;
  return v && (VERDICT_ORDER as readonly string[]).includes(v) ? v : 'no clear difference';
}

export function findingOf(r: Results, strategy: string): Finding {
  const verdict = verdictOfStrategy(r, strategy);
  const moved = movedMost(r, strategy);
  const netCost = netCostOf(r, strategy);
  const v = r.strategies[strategy]?.verdict;
  const tradeOff = (v?.worse ?? []).map((k) => kpiInfo(k).label);
  const discounted = (v?.discounted ?? []).map((k) => kpiInfo(k).label);
  const clear = moved !== null && verdictOf(moved.kpi, moved.diff) !== 'unclear';
  let text: string;
  let kpi = moved?.kpi ?? null;
  if (clear) text = `${phrase(moved.kpi, moved.diff)}${netCost ? `, ${costPhrase(netCost)}` : ''}`;
  else if (clearCost(netCost)) {
    // Only the money moved clearly: the sentence leads with it, its CI in brackets.
    text = `${costPhrase(netCost, true)}, with no clear change in the other headline measures`;
    kpi = 'net_cost_per_year';
  } else if (moved) {
    text = `no clear change in the headline measures; the largest, ${phrase(moved.kpi, moved.diff)}, is within the noise`;
    if (netCost) text += `; ${costPhrase(netCost)}`;
  } else text = 'no paired difference from the baseline';
  return { strategy, verdict, kpi, text, netCost, tradeOff, discounted };
}

/** Every strategy but the baseline and the sweep points, by verdict, then by net cost a year (cheapest first). */
export function rankedFindings(r: Results): Finding[] {
  const order = (f: Finding) => VERDICT_ORDER.indexOf(f.verdict);
  const cost = (f: Finding) => f.netCost?.mean ?? Number.MAX_VALUE;
  return mainStrategies(r)
    .filter((s) => s !== BASELINE)
    .map((s) => findingOf(r, s))
    .sort((a, b) => order(a) - order(b) || cost(a) - cost(b));
}
