/**
 * The terminal's economic case and verdicts after the difference table: per strategy its
 * changes from -> to, what it closes and buys in funded places, the paired economic KPIs, and
 * its verdict with the measures behind it; then how many clear differences chance alone
 * would give among all the comparisons.
 */
import type { Results } from '../results/index.js';
import { ECONOMIC_KPIS, kpiInfo } from '../results/index.js';

const money = (v: number) => `£${Math.round(v).toLocaleString('en-GB')}`;
const names = (kpis: readonly string[]) => kpis.map((k) => kpiInfo(k).short ?? kpiInfo(k).label).join(', ');

export function formatVerdicts(r: Results): string {
  const out: string[] = [];
  const strategies = Object.keys(r.differences);
  for (const s of strategies) {
    const st = r.strategies[s];
    if (!st) continue;
    out.push(`\n${s}${st.description ? `: ${st.description}` : ''}`);
    for (const c of st.changes ?? []) out.push(`  change   ${c.path}: ${c.from} → ${c.to}`);
    if (st.funding) {
      const line = (l: { unit: string; places_from: number; places_to: number; cost_per_year: number }) =>
        `${l.unit} ${+l.places_from.toFixed(1)} → ${+l.places_to.toFixed(1)} places (${l.cost_per_year >= 0 ? '+' : '−'}${money(Math.abs(l.cost_per_year))} a year)`;
      if (st.funding.closed.length > 0) out.push(`  closes   ${st.funding.closed.map(line).join('; ')}`);
      if (st.funding.bought.length > 0) out.push(`  buys     ${st.funding.bought.map(line).join('; ')}`);
      const net = st.funding.net_per_year;
      out.push(`  net      ${net >= 0 ? '+' : '−'}${money(Math.abs(net))} a year on funded places`);
    }
    const d = r.differences[s];
    const econ = ECONOMIC_KPIS.filter((k) => d[k]?.mean != null);
    for (const k of econ) {
      const x = d[k]!,
        info = kpiInfo(k);
      const f = (v: number | null) =>
        v === null
          ? '–'
          : info.kind === 'fraction'
            ? `${(v * 100).toFixed(1)}%`
            : info.kind === 'money'
              ? v < 0
                ? `−${money(-v)}`
                : money(v)
              : v.toFixed(1);
      const ci = x.ci95[0] === null ? '' : ` (95% CI ${f(x.ci95[0])} to ${f(x.ci95[1])})`;
      out.push(
        `  ${(info.short ?? info.label).padEnd(24)} ${f(x.mean)}${ci}${k === 'payback_month' ? `, ${x.n} of the replications pay back` : ''}`,
      );
    }
    const v = st.verdict;
    if (v) {
      const parts = [
        v.better.length > 0 ? `better: ${names(v.better)}` : '',
        v.worse.length > 0 ? `worse: ${names(v.worse)}` : '',
        v.discounted ? `not counted (patients stuck elsewhere): ${names(v.discounted)}` : '',
      ].filter(Boolean);
      out.push(`  verdict  ${v.verdict.toUpperCase()}${parts.length > 0 ? ` (${parts.join('; ')})` : ''}`);
    }
  }
  const c = r.comparisons;
  if (c) {
    const how =
      c.adjust === 'holm'
        ? 'Holm-adjusted intervals: at most a 5% chance of any clear difference by chance alone'
        : `about ${c.expected_by_chance.toFixed(1)} would be clear by chance alone at 95%; --adjust holm corrects for this`;
    out.push(`\n${c.clear} of ${c.count} strategy × measure comparisons are clear differences (${how}).`);
  }
  return out.length > 0 ? `\nEconomic case and verdicts (paired against the baseline):${out.join('\n')}` : '';
}
