/**
 * Places in use through time for one unit, as small multiples: one panel per strategy side
 * by side on the same scales (baseline first), each with its mean across replications, the
 * 5–95% band of days (solid lines: panels do not overlap, so no dashes are needed), capacity as a thin step line and, for acute beds, the 92% and 95%
 * occupancy lines. The warm-up is shaded in the baseline's panel with its running mean, so a
 * reader sees the model settle before measuring starts. The axis is scaled to the data: a
 * four-point change in occupancy must be visible.
 */
import { area, axisBottom, axisLeft, curveStepAfter, line, max, min, scaleLinear, scaleUtc, select, type ScaleLinear } from 'd3';
import type { FanData, FanPoint } from '../data.js';
import { dayDate } from '../data.js';
import { formatPlain } from '../format.js';
import { strategyColour } from '../palette.js';
import { frame, legend } from './frame.js';
import { dataTable } from './table.js';

export interface FanOptions {
  startDate: string;
  /** Strategy name -> palette index, so a strategy keeps its colour in every chart. */
  colourOf: (strategy: string) => number;
  /** Plain names of strategies and of the unit. */
  strategyLabel?: (strategy: string) => string;
  unitLabel?: string;
  /** Draw the 92% and 95% occupancy lines (acute beds). */
  occupancyLines?: boolean;
  title?: string;
}

const finite = (x: number | null | undefined): x is number => x !== null && x !== undefined && Number.isFinite(x);
const PANEL_W = 420,
  PANEL_H = 210,
  GAP = 24,
  COLUMNS = 2,
  M = { top: 26, left: 64, bottom: 40, right: 36 };

/** The lower end of the axis: zero unless the data sit far above it (then a 4-point change would be invisible). */
export function fanDomain(values: number[]): [number, number] {
  const lo = min(values) ?? 0,
    hi = max(values) ?? 1;
  const top = hi > 0 ? hi : 1;
  const bottom = lo > 0.4 * top ? lo - (top - lo) * 0.15 : 0;
  const span = top - bottom || top || 1;
  return [Math.max(0, bottom), top + span * 0.05];
}

export function fanChart(container: HTMLElement, d: FanData, o: FanOptions): void {
  const sLabel = o.strategyLabel ?? ((s: string) => s);
  const unit = o.unitLabel ?? d.unit;
  const f = frame(container, {
    id: `fan-${d.unit}`,
    kind: 'fan',
    title: o.title ?? `${unit}: places in use through the year`,
    summary: `Places in use at ${unit} per day, mean and 5 to 95 percent band across replications, one panel each for ${d.series.map((s) => sLabel(s.strategy)).join(', ')}`,
    width: COLUMNS * (PANEL_W + GAP),
    height: PANEL_H,
    margin: { top: 0, left: 0, bottom: 0, right: 0 },
  });
  f.figure.attr('data-unit', d.unit);
  const w = PANEL_W - M.left - M.right,
    h = PANEL_H - M.top - M.bottom;
  const date = (p: FanPoint) => dayDate(o.startDate, p.day);
  const allDays = [...d.warmup.map((p) => p.day), ...d.series.flatMap((s) => s.points.map((p) => p.day))];
  // d3's min/max, not Math.min(...allDays): decades of days across strategies overflow the call stack.
  const first = Math.min(0, min(allDays) ?? 0),
    last = Math.max(1, max(allDays) ?? 1);
  const x = scaleUtc()
    .domain([dayDate(o.startDate, first), dayDate(o.startDate, last + 1)])
    .range([0, w]);
  // The warm-up starts from an empty system: it is clipped, not allowed to pull the axis to zero.
  const values = [
    ...d.series.flatMap((s) => s.points.flatMap((p) => [p.mean, ...(finite(p.p05) ? [p.p05] : []), ...(finite(p.p95) ? [p.p95] : [])])),
    ...d.series.flatMap((s) => s.capacity.filter(finite).flatMap((c) => (o.occupancyLines ? [c, c * 0.92] : [c]))),
  ];
  const y = scaleLinear().domain(fanDomain(values)).nice().range([h, 0]);
  f.svg.attr('data-y-domain', y.domain().join(','));

  d.series.forEach((s, i) => {
    const c = o.colourOf(s.strategy);
    const g = f.plot.append('g').attr('class', 'series panel').attr('data-strategy', s.strategy).attr('data-slot', i);
    g.append('text').attr('class', 'panel-title').attr('x', M.left).attr('y', 16).text(sLabel(s.strategy));
    const p = g.append('g').attr('transform', `translate(${M.left},${M.top})`);
    p.append('defs').append('clipPath').attr('id', `clip-${d.unit}-${i}`).append('rect').attr('width', w).attr('height', h);
    const body = p.append('g').attr('clip-path', `url(#clip-${d.unit}-${i})`);
    if (i === 0 && first < 0) warmup(body, d, x, y, h, o.startDate);
    body
      .append('path')
      .datum(s.points)
      .attr('class', 'band')
      .attr('fill', strategyColour(c))
      .attr(
        'd',
        area<FanPoint>()
          .defined((q) => finite(q.p05) && finite(q.p95))
          .x((q) => x(date(q)))
          .y0((q) => y(q.p05!))
          .y1((q) => y(q.p95!)),
      );
    const caps = s.capacity.map((cap, day) => ({ day, mean: cap, p05: null, p95: null })).filter((q) => finite(q.mean));
    const step = (k: number) =>
      line<FanPoint>()
        .curve(curveStepAfter)
        .x((q) => x(date(q)))
        .y((q) => y(q.mean * k));
    if (caps.length > 0) {
      body.append('path').datum(caps).attr('class', 'capacity').attr('stroke', '#555').attr('d', step(1));
      if (o.occupancyLines) {
        for (const k of [0.92, 0.95]) {
          body.append('path').datum(caps).attr('class', 'ref occupancy-ref').attr('data-share', k).attr('d', step(k));
          const lastCap = caps[caps.length - 1].mean;
          p.append('text')
            .attr('class', 'ref-label')
            .attr('x', w + 3)
            .attr('y', y(lastCap * k))
            .attr('dy', '0.32em')
            .text(`${Math.round(k * 100)}%`);
        }
      }
    }
    body
      .append('path')
      .datum(s.points)
      .attr('class', 'mean')
      .attr('stroke', strategyColour(c))
      .attr(
        'd',
        line<FanPoint>()
          .x((q) => x(date(q)))
          .y((q) => y(q.mean)),
      );
    p.append('g').attr('class', 'axis x').attr('transform', `translate(0,${h})`).call(axisBottom(x).ticks(5));
    p.append('g').attr('class', 'axis y').call(axisLeft(y).ticks(5));
    p.append('text')
      .attr('class', 'axis-title y')
      .attr('transform', 'rotate(-90)')
      .attr('x', -h / 2)
      .attr('y', -50)
      .attr('text-anchor', 'middle')
      .text('Places in use');
    p.append('text')
      .attr('class', 'axis-title x')
      .attr('x', w / 2)
      .attr('y', h + 32)
      .attr('text-anchor', 'middle')
      .text('Date');
  });
  layoutPanels(f.figure.node()!);
  legend(f, [
    { label: 'line: average day across simulated years', colour: '#333333' },
    { label: 'shading: 5th to 95th percentile of simulated years, day by day', colour: '#bbbbbb' },
    { label: 'grey step line: capacity', colour: '#555555' },
    ...(o.occupancyLines ? [{ label: 'dotted: 92% and 95% of beds occupied', colour: '#a33f00', dash: '2 2' }] : []),
    ...(d.warmup.length > 0 ? [{ label: 'grey area: warm-up, not measured', colour: '#777777' }] : []),
  ]);
  table(f.figure, d, o, sLabel, unit);
}

function warmup(
  p: ReturnType<typeof select<SVGGElement, unknown>>,
  d: FanData,
  x: (t: Date) => number,
  y: ScaleLinear<number, number>,
  h: number,
  startDate: string,
): void {
  p.append('rect')
    .attr('class', 'warmup')
    .attr('x', 0)
    .attr('y', 0)
    .attr('width', x(dayDate(startDate, 0)))
    .attr('height', h);
  p.append('text').attr('class', 'warmup-label').attr('x', 4).attr('y', 12).text('warm-up');
  p.append('path')
    .datum(d.warmup)
    .attr('class', 'warmup-line')
    .attr(
      'd',
      line<FanPoint>()
        .x((q) => x(dayDate(startDate, q.day)))
        .y((q) => y(q.mean)),
    );
}

/**
 * Places the visible panels in a grid of two columns and sizes the SVG to them; called again
 * when the strategy picker hides or shows panels.
 */
export function layoutPanels(figure: HTMLElement): void {
  const panels = [...figure.querySelectorAll<SVGGElement>('g.series.panel')].filter((g) => g.style.display !== 'none');
  panels.forEach((g, i) =>
    g.setAttribute('transform', `translate(${(i % COLUMNS) * (PANEL_W + GAP)},${Math.floor(i / COLUMNS) * PANEL_H})`),
  );
  const rows = Math.max(1, Math.ceil(panels.length / COLUMNS));
  const svg = figure.querySelector('svg[role=img]')!;
  const width = COLUMNS * (PANEL_W + GAP);
  svg.setAttribute('viewBox', `0 0 ${width} ${rows * PANEL_H}`);
}

function table(
  figure: ReturnType<typeof select<HTMLElement, unknown>>,
  d: FanData,
  o: FanOptions,
  sLabel: (s: string) => string,
  unit: string,
): void {
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
    figure,
    `${unit}: places in use per day, mean (5% to 95%)`,
    ['Date', 'Period', ...d.series.map((s) => sLabel(s.strategy))],
    [...days.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row),
  );
}
