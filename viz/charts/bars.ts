/**
 * Grouped horizontal bars with 95% CI whiskers: one group per unit or measure, one bar per
 * strategy. Used for waits, waiting lists and costs by unit.
 */
import { axisBottom, axisLeft, max, scaleBand, scaleLinear, select } from 'd3';
import type { BarRow } from '../data.js';
import { formatValue, statDecimals, tickDecimals } from '../format.js';
import type { KpiKind } from '../../results/index.js';
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
  width?: number;
}

export function barChart(container: HTMLElement, rows: BarRow[], o: BarOptions): void {
  const groups = [...new Set(rows.map((r) => r.group))];
  const strategies = [...new Set(rows.map((r) => r.strategy))];
  const label = o.groupLabel ?? ((g: string) => g);
  const f = frame(container, {
    id: o.id,
    kind: 'bars',
    title: o.title,
    width: o.width,
    summary: `${o.title}: ${groups.length} groups, ${strategies.length} strategies, bars with 95% confidence intervals`,
    height: Math.max(120, 60 + groups.length * (strategies.length * 14 + 14)),
    margin: { top: 8, right: 24, bottom: 44, left: 130 },
  });
  const y0 = scaleBand().domain(groups).range([0, f.height]).paddingInner(0.2);
  const y1 = scaleBand().domain(strategies).range([0, y0.bandwidth()]).padding(0.1);
  const scale = (v: number) => (o.kind === 'fraction' ? v * 100 : v);
  const top = max(rows.map((r) => scale(Math.max(r.stat.mean, r.stat.ci95[1] ?? r.stat.mean)))) ?? 1;
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
        .text(`${label(r.group)}, ${r.strategy}: ${formatValue(r.stat.mean, o.kind, statDecimals(r.stat, o.kind))}`);
    });
  const mid = y1.bandwidth() / 2;
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
        .tickFormat((t) =>
          formatValue(Number(t) / (o.kind === 'fraction' ? 100 : 1), o.kind, tickDecimals(x.domain()[0], x.domain()[1], 5)),
        ),
    );
  f.plot.append('g').attr('class', 'axis y').call(axisLeft(y0).tickFormat(label));
  axisTitles(f, o.axis, '');
  legend(
    f,
    strategies.map((s) => ({ label: s, colour: strategyColour(o.colourOf(s)) })),
  );
  dataTable(
    f.figure,
    o.title,
    ['Group', 'Strategy', 'Mean', '95% CI low', '95% CI high'],
    rows.map((r) => {
      const d = statDecimals(r.stat, o.kind);
      const fmt = (v: number | null) => (v === null ? '–' : formatValue(v, o.kind, d));
      return [label(r.group), r.strategy, fmt(r.stat.mean), fmt(r.stat.ci95[0]), fmt(r.stat.ci95[1])];
    }),
  );
}
