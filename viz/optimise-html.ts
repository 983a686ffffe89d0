/**
 * The optimisation report (`caresim optimise --report opt.html`): the statement in words, the
 * chosen plan and runners-up against each target, the trade-off of the objective against the
 * first target (static SVG), and the evidence for every plan visited. Static HTML, opens offline.
 */
import type { OptimiseFile, PlanOut } from '../optimise/index.js';
import { escapeHtml, pageHead } from './html.js';

export const OPTIMISE_STYLES = `
table.plans td, table.plans th, table.evidence td, table.evidence th { padding: 0.2em 0.6em; text-align: left; }
tr[data-met=false] td.target { color: #a33f00; }
figure.chart-tradeoff svg { width: 100%; height: auto; }
`;

const fmt = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-GB') : Number(v.toPrecision(3)).toString());
const values = (v: Record<string, number>) =>
  Object.entries(v)
    .map(([k, x]) => `${k} = ${x}`)
    .join(', ');

function planRows(_f: OptimiseFile, plans: { role: string; p: PlanOut }[]): string {
  return plans
    .map(
      ({ role, p }) =>
        `<tr data-role="${escapeHtml(role)}" data-met="${p.targets.every((t) => t.met)}"><th scope="row">${escapeHtml(role)}</th><td>${escapeHtml(values(p.values))}</td><td>${escapeHtml(fmt(p.objective.mean))} (${escapeHtml(fmt(p.objective.ci95[0]))} to ${escapeHtml(fmt(p.objective.ci95[1]))})</td>${p.targets.map((t) => `<td class="target">${t.met ? 'meets' : 'not shown'}: mean ${escapeHtml(fmt(t.mean))}, bound ${escapeHtml(fmt(t.bound))}</td>`).join('')}<td>${p.replications}</td></tr>`,
    )
    .join('\n');
}

export function tradeOffSvg(f: OptimiseFile): string {
  const t = f.trade_off;
  if (!t || t.points.length === 0) return '';
  const width = 720,
    height = 300,
    left = 80,
    right = 20,
    top = 10,
    bottom = 50;
  const xs = t.points.map((p) => p.objective),
    ys = t.points.map((p) => p.value);
  const target = f.constraints[0].target;
  const x0 = Math.min(...xs),
    x1 = Math.max(...xs),
    y0 = Math.min(...ys, target),
    y1 = Math.max(...ys, target);
  const sx = (v: number) => left + (x1 > x0 ? (v - x0) / (x1 - x0) : 0.5) * (width - left - right);
  const sy = (v: number) => top + (y1 > y0 ? 1 - (v - y0) / (y1 - y0) : 0.5) * (height - top - bottom);
  const pts = t.points
    .map(
      (p) =>
        `<circle class="point" cx="${sx(p.objective).toFixed(1)}" cy="${sy(p.value).toFixed(1)}" r="4" data-met="${f.constraints[0].op === '<=' ? p.value <= target : p.value >= target}"><title>${escapeHtml(`${values(p.values)}: ${f.objective.text} ${fmt(p.objective)}, ${f.constraints[0].name} ${fmt(p.value)} (mean of ${p.replications} replications)`)}</title></circle>`,
    )
    .join('');
  const line = `<polyline fill="none" stroke="#1f6fb2" points="${t.points.map((p) => `${sx(p.objective).toFixed(1)},${sy(p.value).toFixed(1)}`).join(' ')}"/>`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(`${f.objective.text} against ${f.constraints[0].name}`)}" id="trade-off" font-size="12">
<path class="target" d="M${left},${sy(target).toFixed(1)}H${width - right}" stroke="#a33f00" stroke-dasharray="4 3"/><text x="${width - right}" y="${(sy(target) - 4).toFixed(1)}" text-anchor="end" fill="#a33f00">target ${escapeHtml(fmt(target))}</text>
${line}${pts}
<text class="axis-title" x="${(left + width - right) / 2}" y="${height - 12}" text-anchor="middle">${escapeHtml(f.objective.text)} (lower is cheaper) — ${escapeHtml(fmt(x0))} to ${escapeHtml(fmt(x1))}</text>
<text class="axis-title" transform="translate(16,${(top + height - bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(f.constraints[0].name)}</text>
</svg>`;
}

/**
 * What the optimisation found, as HTML without a page around it: the statement, the plans
 * against each target, the trade-off, the strategy block and the evidence. `h` is the level
 * of its headings: 2 on the stand-alone page, 3 inside the board report's section.
 */
export function optimiseBody(f: OptimiseFile, h: 2 | 3 = 2): string {
  const plans = [
    ...(f.chosen ? [{ role: 'Chosen plan', p: f.chosen }] : []),
    ...f.runners_up.map((p, i) => ({ role: `Runner-up ${i + 1}`, p })),
    ...f.closest.map((p, i) => ({ role: `Closest ${i + 1}`, p })),
  ];
  const head = `<tr><th></th><th>Plan</th><th>${escapeHtml(f.objective.text)} (95% CI)</th>${f.constraints.map((c) => `<th>${escapeHtml(c.text)}</th>`).join('')}<th>Replications</th></tr>`;
  const e = f.evidence;
  return `<p class="statement"><strong>${escapeHtml(f.statement)}</strong></p>
<p>${e.replications.toLocaleString('en-GB')} replications over ${e.visited} of ${e.grid_points.toLocaleString('en-GB')} plans (budget ${e.budget.toLocaleString('en-GB')}).${f.unmet.map((u) => ` No plan met <code>${escapeHtml(u.text)}</code> even on its mean: the best was ${escapeHtml(fmt(u.best))} at ${escapeHtml(values(u.at))}.`).join('')}</p>
<table class="plans">${head}
${planRows(f, plans)}</table>
${f.trade_off ? `<h${h}>Cost against ${escapeHtml(f.constraints[0].name)}</h${h}><figure class="chart chart-tradeoff">${tradeOffSvg(f)}<figcaption>Plans no other plan visited beats on both (sample means); dashed: the target.</figcaption></figure>` : ''}
${f.strategy_yaml ? `<h${h}>Run it as a strategy</h${h}><pre class="strategy">${escapeHtml(f.strategy_yaml)}</pre>` : ''}
<h${h}>Evidence</h${h}>
<table class="evidence"><tr><th>Plan</th><th>Replications</th><th>Status</th><th>Why</th></tr>
${e.plans.map((p) => `<tr data-status="${escapeHtml(p.status)}"><td>${escapeHtml(values(p.values))}</td><td>${p.replications}</td><td>${escapeHtml(p.status)}</td><td>${escapeHtml(p.reason)}</td></tr>`).join('\n')}</table>`;
}

/** The heading of the optimisation, on its page and in the report. */
export const optimiseTitle = (f: OptimiseFile) =>
  `the ${f.objective.sense === 'minimise' ? 'cheapest' : 'best'} plan that meets the targets`;

export function optimiseHtml(f: OptimiseFile, title: string): string {
  return `${pageHead(`${title}: the cheapest plan that meets the targets`, { extraStyles: OPTIMISE_STYLES })}<body>
<main id="optimise" data-status="${f.status}">
<h1>${escapeHtml(title)}: ${optimiseTitle(f)}</h1>
${optimiseBody(f)}
</main>
</body>
</html>
`;
}
