/**
 * Occupancy through time for one unit: each strategy's mean across replications with its
 * 5–95% band, capacity as a thin step line, and the warm-up shaded in grey with the
 * baseline's running mean, so a reader sees the model settle before measuring starts.
 */
import { area, axisBottom, axisLeft, curveStepAfter, line, max, min, scaleLinear, scaleUtc } from 'd3';
import type { FanData, FanPoint } from '../data.js';
import { dayDate } from '../data.js';
import { formatPlain } from '../format.js';
import { strategyColour, strategyDash } from '../palette.js';
import { axisTitles, frame, legend } from './frame.js';
import { dataTable } from './table.js';

export interface FanOptions {
  startDate: string;
  /** Strategy name -> palette index, so a strategy keeps its colour in every chart. */
  colourOf: (strategy: string) => number;
  title?: string;
}

const finite = (x: number | null | undefined): x is number => x !== null && x !== undefined && Number.isFinite(x);

export function fanChart(container: HTMLElement, d: FanData, o: FanOptions): void {
  const f = frame(container, {
    id: `fan-${d.unit}`,
    kind: 'fan',
    title: o.title ?? `${d.unit}: places in use through time`,
    summary: `Places in use at ${d.unit} per day, mean and 5 to 95 percent band across replications, for ${d.series.map((s) => s.strategy).join(', ')}`,
  });
  f.figure.attr('data-unit', d.unit);
  const date = (p: FanPoint) => dayDate(o.startDate, p.day);
  const allDays = [...d.warmup.map((p) => p.day), ...d.series.flatMap((s) => s.points.map((p) => p.day))];
  // d3's min/max, not Math.min(...allDays): decades of days across strategies overflow the call stack.
  const first = Math.min(0, min(allDays) ?? 0),
    last = Math.max(1, max(allDays) ?? 1);
  const x = scaleUtc()
    .domain([dayDate(o.startDate, first), dayDate(o.startDate, last + 1)])
    .range([0, f.width]);
  const top =
    max([
      ...d.series.flatMap((s) => s.points.map((p) => (finite(p.p95) ? p.p95 : p.mean))),
      ...d.series.flatMap((s) => s.capacity.filter(finite)),
      ...d.warmup.map((p) => p.mean),
    ]) ?? 1;
  const y = scaleLinear()
    .domain([0, top * 1.05 || 1])
    .nice()
    .range([f.height, 0]);

  if (first < 0) {
    f.plot
      .append('rect')
      .attr('class', 'warmup')
      .attr('x', 0)
      .attr('y', 0)
      .attr('width', x(dayDate(o.startDate, 0)))
      .attr('height', f.height);
    f.plot.append('text').attr('class', 'warmup-label').attr('x', 4).attr('y', 12).text('warm-up (not measured)');
    f.plot
      .append('path')
      .datum(d.warmup)
      .attr('class', 'warmup-line')
      .attr(
        'd',
        line<FanPoint>()
          .x((p) => x(date(p)))
          .y((p) => y(p.mean)),
      );
  }
  const bandOf = area<FanPoint>()
    .defined((p) => finite(p.p05) && finite(p.p95))
    .x((p) => x(date(p)))
    .y0((p) => y(p.p05!))
    .y1((p) => y(p.p95!));
  const meanOf = line<FanPoint>()
    .x((p) => x(date(p)))
    .y((p) => y(p.mean));
  for (const s of d.series) {
    const c = o.colourOf(s.strategy);
    const g = f.plot.append('g').attr('class', 'series').attr('data-strategy', s.strategy);
    g.append('path').datum(s.points).attr('class', 'band').attr('fill', strategyColour(c)).attr('d', bandOf);
    const caps = s.capacity.map((cap, day) => ({ day, mean: cap, p05: null, p95: null })).filter((p) => finite(p.mean));
    if (caps.length > 0) {
      g.append('path')
        .datum(caps)
        .attr('class', 'capacity')
        .attr('stroke', strategyColour(c))
        .attr(
          'd',
          line<FanPoint>()
            .curve(curveStepAfter)
            .x((p) => x(date(p)))
            .y((p) => y(p.mean)),
        );
    }
    g.append('path')
      .datum(s.points)
      .attr('class', 'mean')
      .attr('stroke', strategyColour(c))
      .attr('stroke-dasharray', strategyDash(c))
      .attr('d', meanOf);
  }
  f.plot.append('g').attr('class', 'axis x').attr('transform', `translate(0,${f.height})`).call(axisBottom(x).ticks(6));
  f.plot.append('g').attr('class', 'axis y').call(axisLeft(y).ticks(5));
  axisTitles(f, 'Date (day of the measured period)', 'Places in use');
  legend(f, [
    ...d.series.map((s) => ({
      label: s.strategy,
      strategy: s.strategy,
      colour: strategyColour(o.colourOf(s.strategy)),
      dash: strategyDash(o.colourOf(s.strategy)),
    })),
    { label: 'thin line: capacity', colour: '#777777' },
    ...(d.warmup.length > 0 ? [{ label: 'grey: warm-up (baseline running mean)', colour: '#777777' }] : []),
  ]);

  const iso = (day: number) => dayDate(o.startDate, day).toISOString().slice(0, 10);
  const days = new Map<number, (string | number)[]>();
  for (const p of d.warmup) days.set(p.day, [iso(p.day), 'warm-up', formatPlain(p.mean, 1), ...d.series.slice(1).map(() => '')]);
  for (const [i, s] of d.series.entries()) {
    for (const p of s.points) {
      const row = days.get(p.day) ?? [iso(p.day), 'measured', ...d.series.map(() => '')];
      row[2 + i] =
        `${formatPlain(p.mean, 1)} (${finite(p.p05) ? formatPlain(p.p05, 1) : '–'} to ${finite(p.p95) ? formatPlain(p.p95, 1) : '–'})`;
      days.set(p.day, row);
    }
  }
  dataTable(
    f.figure,
    `${d.unit}: places in use per day, mean (5% to 95%)`,
    ['Date', 'Period', ...d.series.map((s) => s.strategy)],
    [...days.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row),
  );
}
