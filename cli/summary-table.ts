/**
 * The terminal summary printed after a run: headline KPIs per strategy with their 95% CIs,
 * then each strategy's paired difference against the baseline, which is the number a
 * decision rests on (common random numbers make it much sharper than the two CIs).
 */
import {
  shownHeadlineKpis,
  type Results,
  type Stat,
  kpiInfo,
  displayValue,
  UNIT_METRIC_INFO,
  type KpiKind,
  type SystemKpiName,
} from '../results/index.js';
import { own } from '../engine/index.js';
import { formatVerdicts } from './verdict-lines.js';
import type { EconomicRow } from '../viz/index.js';

const heading = (kpi: string) => {
  const i = kpiInfo(kpi);
  return i.short ?? i.label;
};

/** A value in a terminal table, on the shown scale (`diff` prints its tables with it too). */
export function num(kind: KpiKind, v: number | null, signed = false): string {
  if (v === null) return '–';
  v = displayValue(v, kind);
  const digits = kind === 'fraction' ? 1 : Math.abs(v) >= 1000 ? 0 : Math.abs(v) >= 100 ? 1 : 2;
  // A value that rounds to zero is 0, without a sign: not "-0.0%".
  if (Number(v.toFixed(digits)) === 0) v = 0;
  const sign = signed && v > 0 ? '+' : '';
  if (kind === 'fraction') return `${sign}${v.toFixed(1)}%`;
  return sign + v.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function cell(kind: KpiKind, s: Stat | undefined, signed = false): string {
  if (!s || s.mean === null) return 'not modelled';
  const ci = s.ci95[0] === null || s.ci95[1] === null ? '' : ` (${num(kind, s.ci95[0], signed)} to ${num(kind, s.ci95[1], signed)})`;
  return `${num(kind, s.mean, signed)}${ci}`;
}

/** Compact form for wide tables: mean ± CI half-width. */
function short(kind: KpiKind, s: Stat | undefined, signed = false): string {
  if (!s || s.mean === null) return '–';
  if (s.ci95[0] === null || s.ci95[1] === null) return num(kind, s.mean, signed);
  return `${num(kind, s.mean, signed)} ±${num(kind, (s.ci95[1] - s.ci95[0]) / 2)}`;
}

/** Few strategies: one column each with full CIs. Many: one row each, mean ± half-width. */
function kpiTable(
  kpis: SystemKpiName[],
  names: string[],
  stat: (name: string, kpi: SystemKpiName) => Stat | undefined,
  signed: boolean,
  rows: boolean,
): string {
  const kind = (k: string) => kpiInfo(k).kind;
  if (!rows) return table([['KPI', ...names], ...kpis.map((k) => [heading(k), ...names.map((n) => cell(kind(k), stat(n, k), signed))])]);
  return table([['Strategy', ...kpis.map(heading)], ...names.map((n) => [n, ...kpis.map((k) => short(kind(k), stat(n, k), signed))])]);
}

export function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => rows.reduce((w, r) => Math.max(w, r[c].length), 0));
  const line = (r: string[]) =>
    r
      .map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function unitTable(r: Results, names: string[]): string {
  const rows: string[][] = [['Unit metric', ...names]];
  const units = Object.keys(r.strategies[names[0]]?.units ?? {});
  for (const u of units) {
    for (const [m, info] of Object.entries(UNIT_METRIC_INFO)) {
      const stats = names.map((s) => own(own(r.strategies[s].units, u), m));
      // A metric that is zero or undefined everywhere says nothing here.
      if (stats.every((st) => !st || st.mean === null || st.mean === 0)) continue;
      rows.push([`${u} ${info.short}`, ...stats.map((st) => cell(info.kind, st))]);
    }
  }
  return table(rows);
}

/** `economic`: the economic case's cells (economicCase in verdict-lines.ts). */
export function formatSummary(r: Results, economic: readonly EconomicRow[] = []): string {
  const names = Object.keys(r.strategies);
  const kpis = shownHeadlineKpis(r).filter((k) => names.some((n) => r.strategies[n].kpis[k]?.mean != null));
  const out: string[] = [];
  const n = names.length ? Object.values(r.strategies[names[0]].kpis).reduce((m, s) => Math.max(m, s?.n ?? 0), 0) : 0;
  out.push(
    `${r.scenario.name}: ${n} replication${n === 1 ? '' : 's'} per strategy, ${r.horizon_days} days measured after ${r.warmup_days} days warm-up, seed ${r.seed}`,
  );
  const rows = names.length > 3;
  out.push(
    n < 2
      ? `Means of ${n} replication: a 95% confidence interval needs at least 2.\n`
      : `Means with 95% confidence intervals over replications${rows ? ' (mean ± half-width)' : ''}.\n`,
  );
  // A model without headline KPIs (a single service) has only its units to show.
  if (kpis.length > 0) out.push(kpiTable(kpis, names, (n, k) => r.strategies[n].kpis[k], false, rows));
  // Models without acute roles (validation models, single services): show the units instead.
  if (kpis.length < 3) out.push(`${kpis.length > 0 ? '\n' : ''}${unitTable(r, names)}`);
  const others = Object.keys(r.differences);
  if (others.length > 0) {
    if (kpis.length > 0) {
      out.push('\nDifference from baseline (paired, same random numbers), 95% CI:\n');
      out.push(kpiTable(kpis, others, (n, k) => r.differences[n][k], true, rows));
    }
    out.push(formatVerdicts(r, economic));
  }
  if (r.precision) {
    const w = r.precision.worst;
    const pct = w.relative_half_width === null ? 'undefined' : `${(w.relative_half_width * 100).toFixed(1)}%`;
    out.push(
      `\nPrecision: ${r.precision.reached ? 'reached' : 'NOT reached'} (target ±${(r.precision.target * 100).toFixed(0)}%; widest: ${w.kpi || '–'} ±${pct} of its mean)`,
    );
  }
  if (r.failures && r.failures.length > 0) {
    out.push(`\n${r.failures.length} replication(s) failed:`);
    for (const f of r.failures.slice(0, 10)) out.push(`  ${f.strategy} #${f.replication}: ${f.error}`);
    if (r.failures.length > 10) out.push(`  ... and ${r.failures.length - 10} more (see the results file)`);
  }
  return `${out.join('\n')}\n`;
}
