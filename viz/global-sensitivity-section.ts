/**
 * The report's "Which uncertain inputs matter" section: for each headline KPI, a tornado of
 * the partial rank correlation of every uncertain param with it over the run's replications
 * (viz/global-sensitivity.ts), strongest first, with 95% bootstrap intervals and the table
 * behind it. One KPI at a time, chosen in a list: seven tornadoes stacked would bury the rest.
 */
import { select } from 'd3';
import { kpiInfo, type Results } from '../results/index.js';
import { tornadoSvg } from './charts/tornado.js';
import { dataTable } from './charts/table.js';
import type { ReportData } from './attachments.js';

/** A param's plain label from results.json `labels.params`, else its name. */
export function paramLabel(r: Results, name: string): string {
  const labels = (r as { labels?: { params?: Record<string, string> } }).labels?.params;
  return labels && Object.hasOwn(labels, name) ? labels[name] : name;
}

const f2 = (v: number | null) => (v !== null && Number.isFinite(v) ? v.toFixed(2) : '–');
/** A share as a whole percentage, or a dash where it is undefined (an input the ranks cannot separate). */
const pct = (v: number | null) => (v !== null && Number.isFinite(v) ? `${Math.round(100 * v)}%` : '–');

export function globalSensitivitySection(root: HTMLElement, r: Results): void {
  // Nothing to say for a scenario without uncertain params (or a page, like the live viewer, that did not compute it).
  const g = (r as ReportData).global_sensitivity;
  if (!r.draws || r.draws.params.length === 0 || !g) return;
  const s = select(root).append('section').attr('class', 'block').attr('id', 'global-sensitivity');
  s.append('h2').text('Which uncertain inputs matter');
  if (!g.shown) {
    s.append('p').attr('class', 'intro not-shown').text(g.reason);
    return;
  }
  s.append('p')
    .attr('class', 'intro')
    .text(
      `Each replication drew its own value of every uncertain input. A bar is the partial rank correlation of an input with the measure ` +
        `over ${g.n} replications of the scenario as written, the other inputs held fixed: near +1, the measure rises with the input; near −1, it falls; ` +
        `near 0, the input hardly matters. Longest bar first; lines: 95% bootstrap intervals (seeded, so the same file gives the same chart).`,
    );
  const label = s.append('label').attr('class', 'picker');
  label.append('span').text('Measure: ');
  const pick = label.append('select').attr('class', 'sensitivity-kpi');
  const figures = s.append('div').attr('class', 'sensitivity-kpis');
  for (const k of g.kpis) {
    const info = kpiInfo(k.output);
    pick.append('option').attr('value', k.output).text(info.label);
    const fig = figures.append('figure').attr('class', 'chart chart-tornado').attr('data-kpi', k.output);
    fig.append('div').html(
      tornadoSvg(
        k.inputs.map((i) => ({
          label: paramLabel(r, i.input),
          bars: [{ side: 'prcc' as const, value: i.prcc, lo: i.prcc_ci95[0], hi: i.prcc_ci95[1] }],
        })),
        {
          id: `prcc-${k.output}`,
          title: `${info.label}: partial rank correlation with each uncertain input`,
          axis: 'Partial rank correlation (−1 to 1)',
          domain: [-1, 1],
          format: f2,
        },
      ),
    );
    fig
      .append('figcaption')
      .text(`${info.label}: the inputs together explain ${pct(k.r2)} of the variance of its ranks between replications.`);
    dataTable(
      fig.node()!,
      `${info.label}: partial rank correlation (PRCC) and standardised rank regression (SRRC) of each uncertain input`,
      ['Input', 'Param', 'PRCC', 'PRCC 95% interval', 'SRRC', 'Share of rank variance'],
      k.inputs.map((i) => [
        paramLabel(r, i.input),
        i.input,
        f2(i.prcc),
        `${f2(i.prcc_ci95[0])} to ${f2(i.prcc_ci95[1])}`,
        f2(i.srrc),
        pct(i.share),
      ]),
    );
  }
  const show = (kpi: string) =>
    figures.selectAll<HTMLElement, unknown>('figure').each(function () {
      this.hidden = this.getAttribute('data-kpi') !== kpi;
    });
  pick.on('change', function () {
    show(this.value);
  });
  show(g.kpis[0].output);
}
