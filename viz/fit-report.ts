/**
 * The `caresim fit --report` page: for every fitted duration, the Kaplan–Meier estimate
 * against the fitted survival curves (censoring-aware, unlike a histogram) and a Q–Q plot of
 * KM quantiles against the fitted family's. Drawn with d3's scales and line generator into
 * static SVG, so the page has no script at all: it opens offline and prints as it looks.
 */
import { scaleLinear, line, max } from 'd3';
import type { FitFilesResult } from '../fit/index.js';
import type { Fitted } from '../fit/index.js';
import { escapeHtml } from './html.js';
import { STRATEGY_COLOURS as CATEGORICAL } from './palette.js';

const W = 420,
  H = 240,
  M = { top: 12, right: 12, bottom: 36, left: 48 };
const f3 = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : x.toPrecision(3));

function axes(x: (v: number) => number, y: (v: number) => number, xt: number[], yt: number[], xl: string, yl: string): string {
  const out: string[] = [];
  out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${H - M.bottom}" y2="${H - M.bottom}" stroke="#888"/>`);
  out.push(`<line x1="${M.left}" x2="${M.left}" y1="${M.top}" y2="${H - M.bottom}" stroke="#888"/>`);
  for (const t of xt) out.push(`<text x="${x(t)}" y="${H - M.bottom + 14}" text-anchor="middle" font-size="10">${f3(t)}</text>`);
  for (const t of yt) out.push(`<text x="${M.left - 4}" y="${y(t) + 3}" text-anchor="end" font-size="10">${f3(t)}</text>`);
  out.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - 4}" text-anchor="middle" font-size="11">${xl}</text>`);
  out.push(`<text transform="translate(12 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle" font-size="11">${yl}</text>`);
  return out.join('');
}

function survivalChart(f: Fitted, title: string): string {
  const d = f.fit,
    p = d.plot;
  const xmax = (max(p.t) ?? 1) * 1.02;
  const x = scaleLinear()
    .domain([0, xmax])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([0, 1])
    .range([H - M.bottom, M.top]);
  // KM is a step function: draw it with d3's step-after curve through (0,1) and its jumps.
  const km = line<[number, number]>()
    .x((v) => x(v[0]))
    .y((v) => y(v[1]));
  const steps: [number, number][] = [[0, 1]];
  let prev = 1;
  p.t.forEach((t, i) => {
    steps.push([t, prev], [t, p.s[i]]);
    prev = p.s[i];
  });
  const grid = x.ticks(60);
  const curves = d.ranked.slice(0, 3).map((r, i) => {
    const pts = grid.map((t) => [t, 1 - r.family.cdf(Math.max(t, 1e-9), r.p)] as [number, number]);
    const dash = r === d.chosen ? '' : ' stroke-dasharray="4 3"';
    return `<path d="${km(pts)}" fill="none" stroke="${CATEGORICAL[(i + 1) % CATEGORICAL.length]}" stroke-width="1.5"${dash}><title>${r.family.name} (AIC weight ${r.weight.toFixed(2)})</title></path>`;
  });
  const legend = ['Kaplan–Meier', ...d.ranked.slice(0, 3).map((r) => `${r.family.name} (w ${r.weight.toFixed(2)})`)]
    .map(
      (name, i) =>
        `<text x="${W - M.right - 4}" y="${M.top + 12 + 13 * i}" text-anchor="end" font-size="10" fill="${i === 0 ? '#222' : CATEGORICAL[i % CATEGORICAL.length]}">${escapeHtml(name)}</text>`,
    )
    .join('');
  return `<figure><figcaption>${escapeHtml(title)}: survival</figcaption><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(title)}: Kaplan-Meier estimate against the fitted survival curves">
${axes(x, y, x.ticks(6), y.ticks(5), 'days', 'still in')}<path d="${km(steps)}" fill="none" stroke="#222" stroke-width="1.5"/>${curves.join('')}${legend}</svg></figure>`;
}

function qqChart(f: Fitted, title: string): string {
  const d = f.fit,
    c = d.chosen ?? d.ranked[0];
  if (!c || d.plot.qq.length === 0) return '';
  const pts = d.plot.qq.map((q) => [c.family.quantile(q.u, c.p), q.km] as [number, number]);
  const hi = (max(pts.flat()) ?? 1) * 1.05;
  const x = scaleLinear()
    .domain([0, hi])
    .range([M.left, W - M.right]);
  const y = scaleLinear()
    .domain([0, hi])
    .range([H - M.bottom, M.top]);
  const dots = pts.map(([a, b]) => `<circle cx="${x(a).toFixed(1)}" cy="${y(b).toFixed(1)}" r="2.2" fill="${CATEGORICAL[1]}"/>`).join('');
  return `<figure><figcaption>${escapeHtml(title)}: Q–Q, ${c.family.name}</figcaption><svg viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(title)}: quantiles of the Kaplan-Meier estimate against the fitted ${c.family.name}">
${axes(x, y, x.ticks(5), y.ticks(5), `${c.family.name} quantile (days)`, 'Kaplan–Meier quantile')}<line x1="${x(0)}" y1="${y(0)}" x2="${x(hi)}" y2="${y(hi)}" stroke="#bbb"/>${dots}</svg></figure>`;
}

function verdict(f: Fitted): string {
  const d = f.fit,
    c = d.chosen;
  const g = d.gof ? `max |KM − fitted S| ${d.gof.distance.toFixed(3)}, bootstrap p = ${d.gof.p.toFixed(2)}` : '';
  const what = c
    ? `<b>${c.family.name}</b>, mean ${c.mean.toFixed(2)} days (95% CI ${c.meanLo.toFixed(2)}–${c.meanHi.toFixed(2)})`
    : '<b>empirical</b>: no family matches Kaplan–Meier';
  return `<p>n = ${d.n.toLocaleString('en-GB')}${d.censored ? ` (${d.censored.toLocaleString('en-GB')} right-censored)` : ''}. ${what}. ${g}.${d.notes.map((n) => ` ${escapeHtml(n)}.`).join('')}</p>`;
}

export function fitReportHtml(r: FitFilesResult): string {
  const sections: string[] = [];
  const block = (f: Fitted, title: string) =>
    `<section><h3>${escapeHtml(title)}</h3>${verdict(f)}<div class="row">${survivalChart(f, title)}${qqChart(f, title)}</div></section>`;
  for (const u of r.units) {
    sections.push(`<h2>${escapeHtml(u.name)}</h2>`);
    sections.push(block(u.los, `${u.name}: length of stay`));
    for (const c of u.cohorts) sections.push(block(c.los, `${u.name}, cohort ${c.name}: length of stay`));
    for (const h of u.handoff) sections.push(block(h.los, `${u.name}: hand-off to ${h.destination}`));
  }
  const sources = r.sources
    .map(
      (s) =>
        `<li>${escapeHtml(s.file)}: ${s.kind}, ${s.used.toLocaleString('en-GB')} of ${s.rows.toLocaleString('en-GB')} rows used${s.bad ? `, ${s.bad.toLocaleString('en-GB')} bad rows` : ''}</li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>caresim fit</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem auto;max-width:920px;padding:0 1rem;color:#222}
figure{margin:0 1rem 1rem 0;display:inline-block;vertical-align:top}figcaption{font-size:12px;color:#555}
svg{width:420px;max-width:100%;height:auto}.row{display:flex;flex-wrap:wrap}h3{margin-bottom:.2rem}</style></head>
<body><h1>caresim fit</h1><ul>${sources}</ul>
<p>Each fit is drawn against the Kaplan–Meier estimate, which takes stays still in at the end of the extract into account (a histogram would not). Solid: the family written to the fragment; dashed: the next ones by AIC. The Q–Q plot puts Kaplan–Meier quantiles against the family's: points on the diagonal mean a good fit.</p>
${sections.join('\n')}
</body></html>
`;
}
