/**
 * The verdict line of a strategy in the report: better / worse / trade-off / no clear
 * difference with the measures behind it, its changes from -> to, and what it closes and buys
 * in funded places. A small block under each strategy's heading; the full economic case is in
 * the results file and the terminal.
 */
import type { Selection } from 'd3';
import type { Results } from '../results/index.js';
import { kpiInfo } from '../results/index.js';
import { pathLabel, unitLabel } from './labels.js';

const label = (k: string) => kpiInfo(k).label;
const money = (v: number) => `${v < 0 ? '−' : '+'}£${Math.round(Math.abs(v)).toLocaleString('en-GB')}`;

/** Whether a strategy's fall in admissions was discounted (patients stuck in the ED instead). */
export function admissionsDiscounted(r: Results, strategy: string): boolean {
  return r.strategies[strategy]?.verdict?.discounted?.includes('admissions_per_day') ?? false;
}

export function verdictLine(block: Selection<HTMLDivElement, unknown, null, undefined>, r: Results, strategy: string): void {
  const s = r.strategies[strategy];
  const v = s?.verdict;
  if (!v) return;
  const p = block.append('p').attr('class', 'verdict-line').attr('data-verdict', v.verdict);
  p.append('strong').text(`Verdict: ${v.verdict}`);
  const parts = [
    v.better.length > 0 ? `better: ${v.better.map(label).join(', ')}` : '',
    v.worse.length > 0 ? `worse: ${v.worse.map(label).join(', ')}` : '',
    v.discounted ? `not counted because patients wait longer elsewhere: ${v.discounted.map(label).join(', ')}` : '',
  ].filter(Boolean);
  if (parts.length > 0) p.append('span').text(` (${parts.join('; ')})`);
  if (s.changes && s.changes.length > 0) {
    block
      .append('p')
      .attr('class', 'changes')
      .text(`Changes: ${s.changes.map((c) => `${pathLabel(r, c.path)} ${c.from} → ${c.to}`).join('; ')}`);
  }
  const f = s.funding;
  if (f) {
    const line = (l: { unit: string; places_from: number; places_to: number; cost_per_year: number }) =>
      `${unitLabel(r, l.unit)} ${+l.places_from.toFixed(1)} → ${+l.places_to.toFixed(1)} (${money(l.cost_per_year)} a year)`;
    const text = [
      f.closed.length > 0 ? `closes ${f.closed.map(line).join(', ')}` : '',
      f.bought.length > 0 ? `buys ${f.bought.map(line).join(', ')}` : '',
      `net ${money(f.net_per_year)} a year on funded places`,
    ]
      .filter(Boolean)
      .join('; ');
    block.append('p').attr('class', 'funding').text(`Funding: ${text}.`);
  }
}
