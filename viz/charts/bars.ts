/**
 * Grouped horizontal bars: one group per unit or measure, one bar per strategy. Each bar
 * carries both kinds of uncertainty: a thin black whisker for the 95% CI of the average (how
 * sure the estimate is) and, when the results file has it, a thick grey band for the 10th to
 * 90th percentile of replications (what a year could look like). Optional reference lines
 * (a standard such as UCR's 70%) are drawn across the plot.
 */
import { axisBottom, axisLeft, max, scaleBand, scaleLinear, select } from 'd3';
import type { BarRow } from '../data.js';
import { formatValue, statDecimals, tickDecimals } from '../format.js';
import { rangeOf } from '../labels.js';
import { displayValue, storedValue, type KpiKind } from '../../results/index.js';
import { strategyColour } from '../palette.js';
import { axisTitles, frame, legend } from './frame.js';
import { dataTable } from './table.js';

export interface BarOptions {
  id: string;
  title: string;
  /** x-axis title with the unit, e.g. "Hours waiting". */
  axis: string;
  kind: KpiKind;
  colourOf: (strategy: string) => number;
  /** Display name of a group (unit names are short codes). */
  groupLabel?: (group: string) => string;
  /** Display name of a strategy. */
  strategyLabel?: (strategy: string) => string;
  /** Reference lines (on the stored scale: 0.7 for 70%). */
  refs?: { value: number; label: string }[];
  width?: number;
}

/**
 * Groups whose averages are too small to see next to the largest (2% of it or less: a bar a
 * few pixels long, an empty row to the eye) are left out of the drawing, named in a note,
 * and kept in the table.
 */
export function visibleGroups(rows: BarRow[], share = 0.02): { shown: BarRow[]; dropped: string[] } {
  const reach = (r: BarRow) => Math.abs(r.stat.mean);
  const top = max(rows.map(reach)) ?? 0;
  const groups = [...new Set(rows.map((r) => r.group))];
  const dropped = groups.filter((g) => (max(rows.filter((r) => r.group === g).map(reach)) ?? 0) <= top * share);
  return { shown: rows.filter((r) => !dropped.includes(r.group)), dropped };
}

export function barChart(container: HTMLElement, all: BarRow[], o: BarOptions): void {
  const { shown: rows, dropped } = visibleGroups(all);
  // Nothing to draw is no chart at all, not an empty frame.
  if (rows.length === 0) return;
  const groups = [...new Set(rows.map((r) => r.group))];
  const strategies = [...new Set(rows.map((r) => r.strategy))];
  const label = o.groupLabel ?? ((g: string) => g);
  const sLabel = o.strategyLabel ?? ((s: string) => s);
  const f = frame(container, {
    id: o.id,
    kind: 'bars',
    title: o.title,
    width: o.width,
    summary: `${o.title}: ${groups.length} groups, ${strategies.length} strategies, bars with 95% confidence intervals`,
    height: Math.max(120, 60 + groups.length * (strategies.length * 14 + 14)),
    margin: { top: o.refs ? 18 : 8, right: 24, bottom: 44, left: 150 },
  });
  const y0 = scaleBand().domain(groups).range([0, f.height]).paddingInner(0.2);
  const y1 = scaleBand().domain(strategies).range([0, y0.bandwidth()]).padding(0.1);
  const scale = (v: number) => displayValue(v, o.kind);
  const top =
    max([
      ...rows.map((r) => scale(Math.max(r.stat.mean, r.stat.ci95[1] ?? r.stat.mean, rangeOf(r.stat)?.[1] ?? r.stat.mean))),
      ...(o.refs ?? []).map((ref) => scale(ref.value)),
    ]) ?? 1;
  const x = scaleLinear()
    .domain([0, top > 0 ? top * 1.05 : 1])
    .nice()
    .range([0, f.width]);
  const bar = f.plot
    .selectAll('g.bar')
    .data(rows)
    .join('g')
    .attr('class', 'bar')
    .attr('data-group', (r) => r.group)
    .attr('data-strategy', (r) => r.strategy)
    .attr('transform', (r) => `translate(0,${(y0(r.group) ?? 0) + (y1(r.strategy) ?? 0)})`);
  bar
    .append('rect')
    .attr('class', 'mark')
    .attr('height', y1.bandwidth())
    .attr('width', (r) => Math.max(0, x(scale(r.stat.mean))))
    .attr('fill', (r) => strategyColour(o.colourOf(r.strategy)))
    .attr('data-mean', (r) => r.stat.mean)
    .attr('tabindex', 0)
    .each(function (r) {
      select(this)
        .append('title')
        .text(`${label(r.group)}, ${sLabel(r.strategy)}: ${formatValue(r.stat.mean, o.kind, statDecimals(r.stat, o.kind))}`);
    });
  const mid = y1.bandwidth() / 2;
  bar
    .filter((r) => rangeOf(r.stat) !== null)
    .append('rect')
    .attr('class', 'range')
    .attr('x', (r) => x(scale(Math.max(0, rangeOf(r.stat)![0]))))
    .attr('width', (r) => Math.max(1, x(scale(rangeOf(r.stat)![1])) - x(scale(Math.max(0, rangeOf(r.stat)![0])))))
    .attr('y', mid - Math.min(4, mid / 2))
    .attr('height', Math.min(8, mid))
    .attr('data-p10', (r) => rangeOf(r.stat)![0])
    .attr('data-p90', (r) => rangeOf(r.stat)![1]);
  bar
    .filter((r) => r.stat.ci95[0] !== null && r.stat.ci95[1] !== null)
    .append('path')
    .attr('class', 'whisker')
    .attr('d', (r) => {
      const a = x(scale(Math.max(0, r.stat.ci95[0]!))),
        b = x(scale(r.stat.ci95[1]!));
      return `M${a},${mid - 3}V${mid + 3}M${a},${mid}H${b}M${b},${mid - 3}V${mid + 3}`;
    });
  f.plot
    .append('g')
    .attr('class', 'axis x')
    .attr('transform', `translate(0,${f.height})`)
    .call(
      axisBottom(x)
        .ticks(5)
        .tickFormat((t) => formatValue(storedValue(Number(t), o.kind), o.kind, tickDecimals(x.domain()[0], x.domain()[1], 5))),
    );
  for (const ref of o.refs ?? []) {
    const g = f.plot.append('g').attr('class', 'ref').attr('data-value', ref.value);
    g.append('line')
      .attr('x1', x(scale(ref.value)))
      .attr('x2', x(scale(ref.value)))
      .attr('y1', -4)
      .attr('y2', f.height);
    g.append('text')
      .attr('class', 'ref-label')
      .attr('x', x(scale(ref.value)))
      .attr('y', -6)
      .attr('text-anchor', 'middle')
      .text(ref.label);
  }
  f.plot.append('g').attr('class', 'axis y').call(axisLeft(y0).tickFormat(label));
  axisTitles(f, o.axis, '');
  const ranged = rows.some((r) => rangeOf(r.stat) !== null);
  legend(f, [
    ...strategies.map((s) => ({ label: sLabel(s), colour: strategyColour(o.colourOf(s)), strategy: s })),
    { label: 'black whisker: 95% CI of the average', colour: '#222222' },
    ...(ranged ? [{ label: 'grey band: 10th to 90th percentile of simulated years', colour: '#999999' }] : []),
  ]);
  if (dropped.length > 0)
    f.figure
      .append('p')
      .attr('class', 'chart-note')
      .text(`Too small to see at this scale (2% of the largest bar or less): ${dropped.map(label).join(', ')} (in the table).`);
  dataTable(
    f.figure,
    o.title,
    ['Group', 'Strategy', 'Mean', '95% CI low', '95% CI high', '10th percentile', '90th percentile'],
    all.map((r) => {
      const d = statDecimals(r.stat, o.kind);
      const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatValue(v, o.kind, d));
      const range = rangeOf(r.stat);
      return [
        label(r.group),
        sLabel(r.strategy),
        fmt(r.stat.mean),
        fmt(r.stat.ci95[0]),
        fmt(r.stat.ci95[1]),
        fmt(range?.[0]),
        fmt(range?.[1]),
      ];
    }),
  );
}
