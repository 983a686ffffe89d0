/**
 * The terminal's economic case and verdicts after the difference table: per strategy its
 * changes from -> to, what it closes and buys in funded places, the paired economic KPIs, and
 * its verdict with the measures behind it; then how many clear differences chance alone
 * would give among all the comparisons.
 */
import type { Results } from '../results/index.js';
import { kpiInfo } from '../results/index.js';
import type { EconomicRow } from '../viz/index.js';

const money = (v: number) => `£${Math.round(v).toLocaleString('en-GB')}`;
const names = (kpis: readonly string[]) => kpis.map((k) => kpiInfo(k).short ?? kpiInfo(k).label).join(', ');

/**
 * The economic case's cells, as the report writes them, for formatVerdicts; loaded only for a
 * run with strategies to compare, so a run of the baseline alone starts and ends without the
 * report's code.
 */
export async function economicCase(r: Results): Promise<EconomicRow[]> {
  if (Object.keys(r.differences).length === 0) return [];
  const { economicRows } = await import('../viz/index.js');
  return economicRows(r).rows;
}

export function formatVerdicts(r: Results, economic: readonly EconomicRow[]): string {
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
    // The same figures and words as the report's economic case (viz/economics.ts).
    const row = economic.find((x) => x.strategy === s);
    for (const c of row?.cells ?? []) out.push(`  ${c.heading.padEnd(24)} ${c.text}${c.ci ? ` (${c.ci})` : ''}`);
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
