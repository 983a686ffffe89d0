/**
 * The frame every chart shares: a keyboard-focusable <figure> with a caption, a scalable
 * SVG (viewBox, so it fits a phone and an A4 page alike) and a plot area inside margins.
 */
import { select, type Selection } from 'd3';
import { downloadButtons } from './download.js';

export interface Frame {
  figure: Selection<HTMLElement, unknown, null, undefined>;
  svg: Selection<SVGSVGElement, unknown, null, undefined>;
  plot: Selection<SVGGElement, unknown, null, undefined>;
  width: number;
  height: number;
}

export interface FrameOptions {
  id: string;
  title: string;
  /** What the chart shows, for screen readers (aria-label of the SVG). */
  summary: string;
  /** The kind of chart, so tests and styles can find it: "fan", "compare", ... */
  kind: string;
  width?: number;
  height?: number;
  margin?: { top: number; right: number; bottom: number; left: number };
}

let counter = 0;

export function frame(container: HTMLElement, o: FrameOptions): Frame {
  const W = o.width ?? 540,
    H = o.height ?? 260;
  const m = o.margin ?? { top: 12, right: 16, bottom: 44, left: 64 };
  const figure = select(container)
    .append('figure')
    .attr('class', `chart chart-${o.kind}`)
    .attr('id', o.id)
    .attr('data-chart', o.kind)
    .attr('tabindex', 0)
    .attr('role', 'group');
  const captionId = `cap-${o.id}-${counter++}`;
  figure.append('figcaption').attr('id', captionId).text(o.title);
  figure.attr('aria-labelledby', captionId);
  const svg = figure
    .append('svg')
    .attr('viewBox', `0 0 ${W} ${H}`)
    .attr('role', 'img')
    .attr('aria-label', o.summary)
    .attr('preserveAspectRatio', 'xMinYMin meet')
    .style('max-width', `${W}px`);
  const plot = svg.append('g').attr('class', 'plot').attr('transform', `translate(${m.left},${m.top})`);
  downloadButtons(figure, o.id);
  return { figure, svg, plot, width: W - m.left - m.right, height: H - m.top - m.bottom };
}

/** Axis titles with units: x below the plot, y rotated on the left. */
export function axisTitles(f: Frame, x: string, y: string): void {
  if (x)
    f.plot
      .append('text')
      .attr('class', 'axis-title x')
      .attr('x', f.width / 2)
      .attr('y', f.height + 38)
      .attr('text-anchor', 'middle')
      .text(x);
  if (y)
    f.plot
      .append('text')
      .attr('class', 'axis-title y')
      .attr('transform', 'rotate(-90)')
      .attr('x', -f.height / 2)
      .attr('y', -46)
      .attr('text-anchor', 'middle')
      .text(y);
}

/** A legend as HTML under the chart: wraps, reads in print, and is real text for search. */
export function legend(f: Frame, items: { label: string; colour: string; dash?: string; strategy?: string }[]): void {
  const ul = f.figure.append('ul').attr('class', 'legend');
  const li = ul
    .selectAll('li')
    .data(items)
    .join('li')
    .attr('data-strategy', (d) => d.strategy ?? null);
  const sw = li.append('svg').attr('width', 26).attr('height', 10).attr('aria-hidden', 'true');
  sw.append('line')
    .attr('x1', 1)
    .attr('x2', 25)
    .attr('y1', 5)
    .attr('y2', 5)
    .attr('stroke', (d) => d.colour)
    .attr('stroke-width', 3)
    .attr('stroke-dasharray', (d) => d.dash ?? '');
  li.append('span').text((d) => d.label);
}
