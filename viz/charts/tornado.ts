/**
 * A tornado chart as static SVG: one row per input, largest effect on top, a bar from zero to
 * each effect with its 95% CI whisker. Used for the one-at-a-time changes (a low and a high bar
 * per input) and for partial rank correlations (one bar per input, from -1 to 1).
 */
import { escapeHtml } from '../html.js';

export interface TornadoRow {
  label: string;
  /** value null (or NaN): the file has none; drawn as "no value", never as a bar at 0. */
  bars: { side: 'low' | 'high' | 'prcc'; value: number | null; lo: number | null; hi: number | null }[];
}

export interface TornadoOptions {
  id: string;
  title: string;
  /** Axis title with the unit. */
  axis: string;
  /** Fixed domain (PRCC: [-1, 1]); default: from the values and CIs. */
  domain?: [number, number];
  format: (v: number) => string;
}

const COLOURS = { low: '#1f6fb2', high: '#d3721c', prcc: '#5a5a5a' } as const;

export function tornadoSvg(rows: readonly TornadoRow[], o: TornadoOptions): string {
  // Room for the longest label (about 7 px a character at 12 px), so plain labels are not cut.
  const left = Math.min(360, Math.max(190, 16 + 7 * Math.max(0, ...rows.map((r) => r.label.length)))),
    right = 30,
    top = 8,
    rowH = 30,
    width = 720;
  const plotW = width - left - right,
    height = top + rows.length * rowH + 44;
  // A value the file lacks (null, or NaN in memory) draws no bar and no whisker rather than NaN geometry.
  const ok = (v: number | null): v is number => v !== null && Number.isFinite(v);
  const all = rows.flatMap((r) => r.bars.flatMap((b) => [b.value, b.lo, b.hi, 0].filter(ok)));
  let [a, b] = o.domain ?? [Math.min(...all), Math.max(...all)];
  if (!(b > a)) {
    a -= 1;
    b += 1;
  }
  const pad = o.domain ? 0 : (b - a) * 0.05;
  a -= pad;
  b += pad;
  const x = (v: number) => left + ((v - a) / (b - a)) * plotW;
  const parts: string[] = [];
  rows.forEach((r, i) => {
    const y = top + i * rowH;
    parts.push(`<g class="row" data-input="${escapeHtml(r.label)}" transform="translate(0,${y})">`);
    parts.push(`<text class="label" x="${left - 8}" y="${rowH / 2 + 4}" text-anchor="end">${escapeHtml(r.label)}</text>`);
    const h = r.bars.length > 1 ? (rowH - 8) / 2 : rowH - 10;
    r.bars.forEach((bar, j) => {
      const what = bar.side === 'prcc' ? 'partial rank correlation' : bar.side;
      if (!ok(bar.value)) {
        // A gap at zero would read as "no effect": the mark says the value is missing.
        parts.push(
          `<text class="no-value" data-side="${bar.side}" x="${(x(0) + 4).toFixed(1)}" y="${(4 + j * h + h / 2 + 3).toFixed(1)}" font-style="italic" fill="#666">no value<title>${escapeHtml(`${r.label}, ${what}: no value`)}</title></text>`,
        );
        return;
      }
      const y0 = 4 + j * h,
        x0 = x(Math.min(0, bar.value)),
        x1 = x(Math.max(0, bar.value));
      const ci = ok(bar.lo) && ok(bar.hi) ? `, 95% CI ${o.format(bar.lo)} to ${o.format(bar.hi)}` : '';
      parts.push(
        `<rect class="mark" data-side="${bar.side}" data-value="${bar.value}" x="${x0.toFixed(1)}" y="${y0.toFixed(1)}" width="${Math.max(0.5, x1 - x0).toFixed(1)}" height="${(h - 2).toFixed(1)}" fill="${COLOURS[bar.side]}"><title>${escapeHtml(`${r.label}, ${what}: ${o.format(bar.value)}${ci}`)}</title></rect>`,
      );
      if (ok(bar.lo) && ok(bar.hi)) {
        const m = y0 + (h - 2) / 2;
        parts.push(`<path class="whisker" d="M${x(bar.lo).toFixed(1)},${m}H${x(bar.hi).toFixed(1)}" stroke="#222" fill="none"/>`);
      }
    });
    parts.push('</g>');
  });
  const axisY = top + rows.length * rowH;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => a + t * (b - a));
  parts.push(
    `<g class="axis x"><path d="M${left},${axisY}H${left + plotW}" stroke="#888"/>${ticks.map((t) => `<text x="${x(t).toFixed(1)}" y="${axisY + 16}" text-anchor="middle">${escapeHtml(o.format(t))}</text>`).join('')}</g>`,
  );
  parts.push(`<path class="zero" d="M${x(0).toFixed(1)},${top}V${axisY}" stroke="#222" stroke-dasharray="3 2"/>`);
  parts.push(`<text class="axis-title" x="${left + plotW / 2}" y="${axisY + 36}" text-anchor="middle">${escapeHtml(o.axis)}</text>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(o.title)}" id="${escapeHtml(o.id)}" font-size="12">${parts.join('')}</svg>`;
}
