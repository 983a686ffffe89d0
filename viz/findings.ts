/**
 * The summary's words, from the results file alone: strategies in verdict order, each with
 * one plain sentence built from the headline measure that moved most (with its 95% CI), its
 * net cost a year and its trade-off. Pure (no DOM), so every figure is checked in unit tests.
 */
import { type Results, type Stat, HEADLINE_KPIS, kpiInfo } from '../results/index.js';
import { BASELINE, mainStrategies } from './data.js';
import { displayValue, formatValue, hasMean, statDecimals, verdictOf } from './format.js';

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
  /** Measures that got worse, or whose improvement is discounted. */
  tradeOff: string[];
}

/** Net cost a year against the baseline: the economic case's paired difference, else the funded places' net. */
export function netCostOf(r: Results, strategy: string): NetCost | null {
  const paired = (r.differences?.[strategy] as Record<string, Stat | undefined> | undefined)?.net_cost_per_year;
  if (hasMean(paired)) return { mean: paired.mean, ci95: paired.ci95, source: 'net_cost_per_year' };
  const f = r.strategies[strategy]?.funding;
  if (f && Number.isFinite(f.net_per_year)) return { mean: f.net_per_year, ci95: null, source: 'funding' };
  return null;
}

/** The headline measure that moved most relative to its baseline mean; clear improvements first, then any clear change. */
export function movedMost(r: Results, strategy: string): { kpi: string; diff: Stat & { mean: number } } | null {
  const base = r.strategies[BASELINE]?.kpis ?? {};
  const rows = HEADLINE_KPIS.filter((k) => k !== 'cost_per_day').flatMap((kpi) => {
    const diff = (r.differences?.[strategy] as Record<string, Stat | undefined> | undefined)?.[kpi];
    if (!hasMean(diff)) return [];
    const b = base[kpi]?.mean;
    const size = Math.abs(diff.mean) / (b !== null && b !== undefined && Math.abs(b) > 0 ? Math.abs(b) : 1);
    return [{ kpi, diff, size, verdict: verdictOf(kpi, diff) }];
  });
  const pick = (xs: typeof rows) => xs.sort((a, b) => b.size - a.size)[0];
  const best = pick(rows.filter((x) => x.verdict === 'better')) ?? pick(rows.filter((x) => x.verdict !== 'unclear')) ?? pick(rows);
  return best ? { kpi: best.kpi, diff: best.diff } : null;
}

/** "frees about 91 beds a day held by people ready to leave (86–96)": the amount and CI as sizes of the move. */
export function phrase(kpi: string, diff: Stat & { mean: number }): string {
  const info = kpiInfo(kpi);
  const [down, up] = PHRASES[kpi] ?? [`lowers ${info.label.toLowerCase()} by about #`, `raises ${info.label.toLowerCase()} by about #`];
  const fall = diff.mean < 0;
  const size = (x: number) => (fall ? -x : x);
  const d = statDecimals(diff, info.kind);
  // Percentage points print as plain numbers; other kinds keep their £.
  const fmt = (x: number) =>
    info.kind === 'fraction' ? formatValue(displayValue(size(x), 'fraction'), 'count', d) : formatValue(size(x), info.kind, d);
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

/** "no extra cost", "saves £1.2m a year", "costs £350,000 a year more". */
export function costPhrase(n: NetCost | null): string {
  if (!n) return '';
  const [lo, hi] = n.ci95 ?? [null, null];
  if (Math.round(n.mean) === 0 && (lo === null || hi === null || (lo <= 0 && hi >= 0))) return 'no extra cost';
  if (lo !== null && hi !== null && lo <= 0 && hi >= 0) return 'no clear difference in net cost';
  const amount = formatValue(Math.abs(n.mean), 'money', 0);
  return n.mean < 0 ? `saves ${amount} a year` : `costs ${amount} a year more`;
}

function verdictOfStrategy(r: Results, strategy: string): SummaryVerdict {
  const v = r.strategies[strategy]?.verdict?.verdict;
  return v && (VERDICT_ORDER as readonly string[]).includes(v) ? v : 'no clear difference';
}

export function findingOf(r: Results, strategy: string): Finding {
  const verdict = verdictOfStrategy(r, strategy);
  const moved = movedMost(r, strategy);
  const netCost = netCostOf(r, strategy);
  const v = r.strategies[strategy]?.verdict;
  const tradeOff = [...(v?.worse ?? []), ...(v?.discounted ?? [])].map((k) => kpiInfo(k).label);
  let text = moved ? phrase(moved.kpi, moved.diff) : 'no paired difference from the baseline';
  if (moved && verdictOf(moved.kpi, moved.diff) === 'unclear') text = `no clear change in the headline measures (largest: ${text})`;
  const cost = costPhrase(netCost);
  if (cost) text += `, ${cost}`;
  return { strategy, verdict, kpi: moved?.kpi ?? null, text, netCost, tradeOff };
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
