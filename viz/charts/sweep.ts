/**
 * A KPI against a swept value (e.g. P1 packages 1000, 1100, 1200): the mean line with its
 * 95% CI band, one dot per sweep point, so a board sees where returns diminish.
 */
import { area, axisBottom, axisLeft, extent, line, max, min, scaleLinear, select } from 'd3';
import type { SweepPoint } from '../data.js';
import { formatPlain, formatValue, statDecimals } from '../format.js';
import { kpiInfo } from '../../results/index.js';
import { axisTitles, frame } from './frame.js';
import { dataTable } from './table.js';

export function sweepChart(container: HTMLElement, kpi: string, path: string, points: SweepPoint[]): void {
  const info = kpiInfo(kpi);
  const scale = (v: number) => (info.kind === 'fraction' ? v * 100 : v);
  const f = frame(container, {
    id: `sweep-${kpi}`,
    kind: 'sweep',
    title: `${info.label} as ${path} varies`,
    summary: `${info.label} against ${path} at ${points.length} values, with 95% confidence band`,
    height: 240,
  });
  f.figure.attr('data-kpi', kpi);
  const lo = (p: SweepPoint) => scale(p.stat.ci95[0] ?? p.stat.mean);
  const hi = (p: SweepPoint) => scale(p.stat.ci95[1] ?? p.stat.mean);
  const [x0, x1] = extent(points, (p) => p.x) as [number, number];
  const x = scaleLinear()
    .domain(x0 === x1 ? [x0 - 1, x1 + 1] : [x0, x1])
    .nice()
    .range([0, f.width]);
  const ymin = min(points, lo) ?? 0,
    ymax = max(points, hi) ?? 1;
  const pad = (ymax - ymin) * 0.1 || Math.abs(ymax) * 0.1 || 1;
  const y = scaleLinear()
    .domain([ymin - pad, ymax + pad])
    .nice()
    .range([f.height, 0]);
  f.plot
    .append('path')
    .datum(points)
    .attr('class', 'band sweep-band')
    .attr(
      'd',
      area<SweepPoint>()
        .x((p) => x(p.x))
        .y0((p) => y(lo(p)))
        .y1((p) => y(hi(p))),
    );
  f.plot
    .append('path')
    .datum(points)
    .attr('class', 'mean sweep-line')
    .attr(
      'd',
      line<SweepPoint>()
        .x((p) => x(p.x))
        .y((p) => y(scale(p.stat.mean))),
    );
  f.plot
    .selectAll('circle.point')
    .data(points)
    .join('circle')
    .attr('class', 'point')
    .attr('r', 4)
    .attr('cx', (p) => x(p.x))
    .attr('cy', (p) => y(scale(p.stat.mean)))
    .attr('data-mean', (p) => p.stat.mean)
    .attr('tabindex', 0)
    .each(function (p) {
      select(this)
        .append('title')
        .text(`${path} = ${formatPlain(p.x, 0)}: ${formatValue(p.stat.mean, info.kind, statDecimals(p.stat, info.kind))}`);
    });
  f.plot.append('g').attr('class', 'axis x').attr('transform', `translate(0,${f.height})`).call(axisBottom(x).ticks(6));
  f.plot.append('g').attr('class', 'axis y').call(axisLeft(y).ticks(5));
  axisTitles(f, path, `${info.label} (${info.unit})`);
  dataTable(
    f.figure,
    `${info.label} by ${path}`,
    [path, 'Strategy', 'Mean', '95% CI low', '95% CI high'],
    points.map((p) => {
      const d = statDecimals(p.stat, info.kind);
      const fmt = (v: number | null) => (v === null ? '–' : formatValue(v, info.kind, d));
      return [formatPlain(p.x, 0), p.strategy, fmt(p.stat.mean), fmt(p.stat.ci95[0]), fmt(p.stat.ci95[1])];
    }),
  );
}
