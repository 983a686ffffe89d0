/**
 * One observed series over its simulated band, as an SVG string: the band shaded, the
 * simulated mean dashed, the observed values as a black line with the days outside the band
 * marked in vermillion. Drawn at write time with d3's scales and path generators (no DOM),
 * so the compare report is static: it opens and prints anywhere, and tests read the SVG.
 */
import { area, line, scaleLinear, scaleUtc, utcFormat } from 'd3';
import type { AlignedDay } from '../../compare/index.js';
import { escapeHtml } from '../html.js';
import { VERDICT_COLOURS } from '../palette.js';

/** One day of the chart: the aligned day of the comparison (compare/match.ts). */
export type BandDay = AlignedDay;

export interface BandChartOptions {
  id: string;
  title: string;
  bandLabel: string;
  /** Left axis title (default: patients). */
  yTitle?: string;
  width?: number;
  height?: number;
}

const M = { top: 12, right: 16, bottom: 36, left: 56 };
const r1 = (v: number) => Math.round(v * 10) / 10;
const fmt = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));

export function observedBandSvg(input: readonly BandDay[], o: BandChartOptions): string {
  const W = o.width ?? 720,
    H = o.height ?? 260,
    w = W - M.left - M.right,
    h = H - M.top - M.bottom;
  const days = [...input].sort((a, b) => a.index - b.index);
  const date = (d: BandDay) => new Date(`${d.date}T00:00:00Z`);
  const first = days.length ? date(days[0]) : new Date(0),
    last = days.length ? date(days[days.length - 1]) : new Date(86_400_000);
  const x = scaleUtc()
    .domain([first, last.getTime() > first.getTime() ? last : new Date(first.getTime() + 86_400_000)])
    .range([0, w]);
  const top = Math.max(1, ...days.map((d) => Math.max(d.hi, d.observed, d.mean)));
  const y = scaleLinear()
    .domain([0, top * 1.05])
    .nice()
    .range([h, 0]);
  // A gap in the observed days breaks the lines instead of bridging it.
  const gapBefore = new Set(days.filter((d, i) => i > 0 && d.index - days[i - 1].index > 1).map((d) => d.index));
  const segments: BandDay[][] = [];
  for (const d of days) {
    if (segments.length === 0 || gapBefore.has(d.index)) segments.push([]);
    segments[segments.length - 1].push(d);
  }
  const band = area<BandDay>()
    .digits(1)
    .x((d) => x(date(d)))
    .y0((d) => y(d.lo))
    .y1((d) => y(d.hi));
  const meanLine = line<BandDay>()
    .digits(1)
    .x((d) => x(date(d)))
    .y((d) => y(d.mean));
  const obsLine = line<BandDay>()
    .digits(1)
    .x((d) => x(date(d)))
    .y((d) => y(d.observed));
  const xTicks = x.ticks(6),
    yTicks = y.ticks(5),
    xFormat = utcFormat('%-d %b %Y'),
    yFormat = y.tickFormat(5);
  const outside = days.filter((d) => d.observed < d.lo || d.observed > d.hi);
  const inside = days.length - outside.length;
  const summary = `${o.title}: observed values against the simulated ${o.bandLabel} band, ${inside} of ${days.length} days inside`;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(summary)}" data-series="${escapeHtml(o.id)}" preserveAspectRatio="xMinYMin meet">`,
  );
  parts.push(`<title>${escapeHtml(summary)}</title>`);
  parts.push(`<g transform="translate(${M.left},${M.top})">`);
  for (const t of yTicks)
    parts.push(
      `<line class="grid" x1="0" x2="${w}" y1="${r1(y(t))}" y2="${r1(y(t))}" stroke="#e4e4e4"/><text x="-6" y="${r1(y(t))}" dy="0.32em" text-anchor="end" font-size="11">${yFormat(t)}</text>`,
    );
  for (const t of xTicks) parts.push(`<text x="${r1(x(t))}" y="${h + 16}" text-anchor="middle" font-size="11">${xFormat(t)}</text>`);
  parts.push(`<line x1="0" x2="${w}" y1="${h}" y2="${h}" stroke="#888"/>`);
  parts.push(
    `<text class="axis-title" transform="rotate(-90)" x="${-h / 2}" y="-42" text-anchor="middle" font-size="11">${escapeHtml(o.yTitle ?? 'patients')}</text>`,
  );
  for (const s of segments) {
    parts.push(`<path class="band" d="${band(s) ?? ''}" fill="#56B4E9" fill-opacity="0.35" stroke="none"/>`);
    parts.push(
      `<path class="simulated-mean" d="${meanLine(s) ?? ''}" fill="none" stroke="#0072B2" stroke-width="1.5" stroke-dasharray="6 3"/>`,
    );
    parts.push(`<path class="observed" d="${obsLine(s) ?? ''}" fill="none" stroke="#000" stroke-width="1.5"/>`);
  }
  // A lone day (no neighbour to draw a line to) still shows as a dot.
  for (const s of segments)
    if (s.length === 1)
      parts.push(`<circle class="observed-point" cx="${r1(x(date(s[0])))}" cy="${r1(y(s[0].observed))}" r="2" fill="#000"/>`);
  for (const d of outside) {
    parts.push(
      `<circle class="outside" cx="${r1(x(date(d)))}" cy="${r1(y(d.observed))}" r="2.5" fill="${VERDICT_COLOURS.worse}"><title>${d.date}: observed ${fmt(d.observed)}, band ${fmt(d.lo)} to ${fmt(d.hi)}</title></circle>`,
    );
  }
  parts.push('</g></svg>');
  return parts.join('');
}
