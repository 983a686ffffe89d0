/**
 * The economic case of every strategy against the baseline, as the report's table shows it:
 * one row a strategy, one column a paired economic KPI of the results file's `differences`
 * (ECONOMIC_KPIS), each cell its mean and 95% CI as a board reads them. A ratio the file
 * leaves null (its denominator not clearly above zero) and a payback no replication reaches
 * say so in words, never as a number.
 */
import { ECONOMIC_KPIS, kpiInfo, type Results, type Stat } from '../results/index.js';
import { formatCI, formatValue, hasMean, inMillions, isExact, statDecimals } from './format.js';
import { strategyLabel } from './labels.js';

export interface EconomicCell {
  kpi: string;
  /** The KPI's heading (economicHeading). */
  heading: string;
  /** The mean as shown, or the words for why there is none. */
  text: string;
  /** "95% CI a to b", or "" (no mean, or the same value in every replication). */
  ci: string;
  /** The mean as stored in the file (null: none), for tracing a cell to the file. */
  mean: number | null;
}

export interface EconomicRow {
  strategy: string;
  label: string;
  cells: EconomicCell[];
}

/**
 * The heading of an economic KPI where the figures are written with their £ already: its short
 * label without "(£)", and the recurrent cost said to be a change against the baseline (the
 * same KPI in a strategy's own table is its whole cost).
 */
export function economicHeading(kpi: string): string {
  if (kpi === 'recurrent_cost_per_year') return 'Change in cost / year';
  const info = kpiInfo(kpi);
  // `£` as an escape: see CONSTRAINT in scenarios/optimise.ts.
  return (info.short ?? info.label).replace(/\s*\(\u00a3\)$/, '');
}

/** Why a paired KPI has no mean in the file, in a board's words. */
const NO_VALUE: Partial<Record<string, string>> = {
  return_on_investment: 'not stated: no money clearly put in',
  payback_month: 'does not pay back within the plan',
  cost_per_admission_avoided: 'not stated: no admissions clearly avoided',
  cost_per_bed_day_released: 'not stated: no bed-days clearly released',
};

/**
 * Why a cost per admission avoided is not shown where the file has one: the verdict discounts
 * the strategy's fall in admissions (patients wait longer for a bed or are turned away), so the
 * admissions did not stop being needed and a price per one "avoided" (often a saving, as the
 * closed places cost nothing) would read as value for money. The file keeps the ratio; its
 * verdict's `discounted` says why the report does not state it.
 */
const STUCK_ADMISSIONS = 'not stated: fewer admissions come with patients stuck or turned away (see the verdict)';

function fewerAdmissionsDiscounted(r: Results, strategy: string): boolean {
  return r.strategies[strategy]?.verdict?.discounted?.includes('admissions_per_day') ?? false;
}

/** The economic KPIs any strategy of `r` has a mean for, in ECONOMIC_KPIS order, and a row per strategy. */
export function economicRows(r: Results): { kpis: string[]; rows: EconomicRow[] } {
  const strategies = Object.keys(r.differences ?? {}).filter((s) => r.strategies[s]);
  const diff = (s: string, k: string) => (r.differences[s] as Record<string, Stat | undefined>)[k];
  // A KPI the file has for any strategy, with a mean or without: a payback no strategy reaches
  // is a finding, not a column to leave out.
  const kpis = ECONOMIC_KPIS.filter((k) => strategies.some((s) => diff(s, k) !== undefined));
  const rows = strategies.map((s) => {
    const paired = diff(s, 'net_present_value')?.n ?? null;
    const cells = kpis.map((k): EconomicCell => {
      const x = diff(s, k);
      const kind = kpiInfo(k).kind;
      const heading = economicHeading(k);
      if (!hasMean(x)) return { kpi: k, heading, text: NO_VALUE[k] ?? '–', ci: '', mean: null };
      if (k === 'cost_per_admission_avoided' && fewerAdmissionsDiscounted(r, s))
        return { kpi: k, heading, text: STUCK_ADMISSIONS, ci: '', mean: x.mean };
      // An interval whose ends are the mean (the same in every replication) says nothing, and a
      // whole number the same in every replication (a payback month) earns no decimals.
      const exact = isExact(x);
      const d = exact && Number.isInteger(x.mean) && kind !== 'fraction' ? 0 : statDecimals(x, kind);
      // Month 0 in every replication that pays back: saving from the first month, with nothing put in to pay back.
      const text =
        k === 'payback_month'
          ? x.mean === 0
            ? 'at once'
            : `month ${formatValue(x.mean, kind, d)}`
          : formatValue(x.mean, kind, d, false, kind === 'money' ? inMillions(x) : undefined);
      // Payback is averaged over the replications that pay back: say how many of them.
      const share = k === 'payback_month' && paired !== null ? `${x.n} of ${paired} replications pay back` : '';
      const ci = exact ? '' : formatCI(x, kind, d);
      return { kpi: k, heading, text, ci: [ci, share].filter(Boolean).join('; '), mean: x.mean };
    });
    return { strategy: s, label: strategyLabel(r, s), cells };
  });
  return { kpis: [...kpis], rows };
}
