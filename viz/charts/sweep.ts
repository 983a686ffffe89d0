/**
 * A KPI against a swept value (e.g. P1 packages 1950 … 2250): the mean line with its 95% CI
 * band (how sure the average is), the 10th–90th percentile band of replications when the
 * file has it (what a year could look like), one dot per sweep point and the baseline marked
 * as a ring at its own value, so a board sees where returns diminish and where it stands today.
 */
import { area, axisBottom, axisLeft, line, max, min, scaleLinear, select } from 'd3';
import type { SweepPoint } from '../data.js';
import { formatPlain, formatValue, measureLabel, statDecimals } from '../format.js';
import { rangeOf } from '../labels.js';
import { kpiInfo, displayValue, type Stat } from '../../results/index.js';
import { axisTitles, frame, legend } from './frame.js';
import { dataTable } from './table.js';

export interface SweepOptions {
  /** The swept value in plain words ("P1 home-care packages"). */
  pathLabel: string;
  /** The baseline's value of the swept key and its KPI, when known. */
  baseline?: { x: number; stat: Stat & { mean: number } };
}

export function sweepChart(container: HTMLElement, kpi: string, points: SweepPoint[], o: SweepOptions): void {
  const info = kpiInfo(kpi);
  const scale = (v: number) => displayValue(v, info.kind);
  const f = frame(container, {
    id: `sweep-${kpi}`,
    kind: 'sweep',
    title: `${info.label} as ${o.pathLabel} varies`,
    summary: `${info.label} against ${o.pathLabel} at ${points.length} values, with 95% confidence band`,
    height: 260,
    margin: { top: 14, right: 20, bottom: 48, left: 72 },
  });
  f.figure.attr('data-kpi', kpi);
  const all = o.baseline ? [...points, { x: o.baseline.x, strategy: 'baseline', stat: o.baseline.stat }] : points;
  const lo = (p: SweepPoint) => scale(p.stat.ci95[0] ?? p.stat.mean);
  const hi = (p: SweepPoint) => scale(p.stat.ci95[1] ?? p.stat.mean);
  const ranged = points.filter((p) => rangeOf(p.stat) !== null);
  const rlo = (p: SweepPoint) => scale(rangeOf(p.stat)![0]);
  const rhi = (p: SweepPoint) => scale(rangeOf(p.stat)![1]);
  const x0 = min(all, (p) => p.x) ?? 0,
    x1 = max(all, (p) => p.x) ?? 1;
  const x = scaleLinear()
    .domain(x0 === x1 ? [x0 - 1, x1 + 1] : [x0, x1])
    .nice()
    .range([0, f.width]);
  const ymin = min([...all.map(lo), ...ranged.map(rlo)]) ?? 0,
    ymax = max([...all.map(hi), ...ranged.map(rhi)]) ?? 1;
  const pad = (ymax - ymin) * 0.1 || Math.abs(ymax) * 0.1 || 1;
  const y = scaleLinear()
    .domain([ymin - pad, ymax + pad])
    .nice()
    .range([f.height, 0]);
  if (ranged.length === points.length && ranged.length > 0) {
    f.plot
      .append('path')
      .datum(points)
      .attr('class', 'range sweep-range')
      .attr(
        'd',
        area<SweepPoint>()
          .x((p) => x(p.x))
          .y0((p) => y(rlo(p)))
          .y1((p) => y(rhi(p))),
      );
  }
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
  const dot = (p: SweepPoint) =>
    `${o.pathLabel} = ${formatPlain(p.x, 0)}: ${formatValue(p.stat.mean, info.kind, statDecimals(p.stat, info.kind))}`;
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
      select(this).append('title').text(dot(p));
    });
  if (o.baseline) {
    const b = { x: o.baseline.x, strategy: 'baseline', stat: o.baseline.stat };
    f.plot
      .append('circle')
      .datum(b)
      .attr('class', 'baseline-point')
      .attr('r', 6)
      .attr('cx', x(b.x))
      .attr('cy', y(scale(b.stat.mean)))
      .attr('data-mean', b.stat.mean)
      .append('title')
      .text(`Baseline (today): ${dot(b)}`);
    f.plot
      .append('text')
      .attr('class', 'ref-label')
      .attr('x', x(b.x))
      .attr('y', y(scale(b.stat.mean)) - 10)
      .attr('text-anchor', 'middle')
      .text('baseline');
  }
  f.plot.append('g').attr('class', 'axis x').attr('transform', `translate(0,${f.height})`).call(axisBottom(x).ticks(6));
  f.plot.append('g').attr('class', 'axis y').call(axisLeft(y).ticks(5));
  axisTitles(f, o.pathLabel, info.unit);
  legend(f, [
    { label: 'line and dots: average of the simulated years', colour: '#0072B2' },
    { label: 'dark band: 95% CI of the average', colour: '#7fb8d8' },
    ...(ranged.length === points.length && ranged.length > 0
      ? [{ label: 'light band: 10th to 90th percentile of simulated years', colour: '#d4e6f1' }]
      : []),
    ...(o.baseline ? [{ label: 'ring: the baseline', colour: '#000000' }] : []),
  ]);
  dataTable(
    f.figure,
    `${measureLabel(kpi)} by ${o.pathLabel}`,
    [o.pathLabel, 'Strategy', 'Mean', '95% CI low', '95% CI high', '10th percentile', '90th percentile'],
    all.map((p) => {
      const d = statDecimals(p.stat, info.kind);
      const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '–' : formatValue(v, info.kind, d));
      const range = rangeOf(p.stat);
      return [
        formatPlain(p.x, 0),
        p.strategy,
        fmt(p.stat.mean),
        fmt(p.stat.ci95[0]),
        fmt(p.stat.ci95[1]),
        fmt(range?.[0]),
        fmt(range?.[1]),
      ];
    }),
  );
}
