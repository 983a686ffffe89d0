/**
 * The sensitivity report (`caresim sensitivity --report sens.html`): per headline KPI, a tornado
 * of the one-at-a-time changes (low and high against every input at its centre) and, when the
 * params are uncertain, a tornado of partial rank correlations from the draws. Static HTML and
 * SVG, with plain labels: the KPI's name from the KPI table, the input as the scenario names it.
 */
import type { SensitivityFile } from '../sensitivity/index.js';
import { kpiInfo, displayValue, shownSensitivityKpis, tooFewDraws } from '../results/index.js';
import { escapeHtml, pageHead } from './html.js';
import { formatPlain, inSentence, MINUS } from './format.js';
import { tornadoSvg, type TornadoRow } from './charts/tornado.js';

export const SENSITIVITY_STYLES = `
.sens-kpi { break-inside: avoid; }
figure.chart-tornado svg { width: 100%; height: auto; }
.failed { border-left: 4px solid #b3261e; padding-left: 0.6em; }
.key span { display: inline-block; width: 0.9em; height: 0.9em; margin: 0 0.3em 0 1em; vertical-align: -0.1em; }
`;

/** A correlation, or a dash where the file has none (null in JSON, NaN in memory). */
const f2 = (v: number | null) => (v !== null && Number.isFinite(v) ? v.toFixed(2) : '–');
const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * A number in a tornado (an input's level, a change, a tick): three figures, a true minus, and rounding noise (a KPI
 * at its ceiling in every run) as 0. The terminal summary shows input levels with it too.
 */
export const shortNumber = (v: number) =>
  Math.abs(v) < 1e-9 ? '0' : Math.abs(v) >= 100 ? formatPlain(v, 0) : (v < 0 ? MINUS : '') + Number(Math.abs(v).toPrecision(3)).toString();

/** An input's unit after its value: `%` close up, others after a space, none without one. */
export const unitAfter = (unit: string | undefined) => (!unit ? '' : unit === '%' ? '%' : ` ${unit}`);

/**
 * The tornadoes of a sensitivity file without a page around them, one block per headline KPI.
 * `h` is the level of the KPI headings: 2 on the stand-alone page, 3 in the board report.
 */
/**
 * What failed replications leave out, in one sentence (the terminal prints it too), or null when
 * none failed: the changes and correlations then rest on fewer replications than the file's count.
 */
export function failedReplications(f: SensitivityFile): string | null {
  const failed = f.failures ?? [];
  if (failed.length === 0) return null;
  const named = failed.slice(0, 5).map((x) => `${x.strategy} #${x.replication}`);
  const more = failed.length > named.length ? `, and ${failed.length - named.length} more` : '';
  return `${failed.length} replication${failed.length === 1 ? '' : 's'} failed after a retry (${named.join(', ')}${more}; each with its error in the sensitivity file): the changes and correlations use the rest, fewer than ${f.replications} for those configurations.`;
}

export function sensitivityBody(f: SensitivityFile, h: 2 | 3 = 2): string {
  const unitOf = Object.fromEntries(f.inputs.map((i) => [i.param, i]));
  const failed = failedReplications(f);
  return (
    (failed ? `<p class="failed">${escapeHtml(failed)}</p>\n` : '') +
    shownSensitivityKpis(f)
      .map((kpi) => {
        const rows = f.one_at_a_time[kpi];
        const info = kpiInfo(kpi);
        const scale = displayValue(1, info.kind);
        const oat: TornadoRow[] = rows.map((r) => {
          const i = unitOf[r.param];
          return {
            label: `${r.param} (${shortNumber(i.low)}–${shortNumber(i.high)}${unitAfter(i.unit)})`,
            bars: (['low', 'high'] as const).map((side) => ({
              side,
              // A missing mean stays missing (drawn "no value"): 0 would claim the input has no effect.
              value: finite(r[side].mean) ? r[side].mean * scale : null,
              lo: r[side].ci95[0] === null ? null : r[side].ci95[0] * scale,
              hi: r[side].ci95[1] === null ? null : r[side].ci95[1] * scale,
            })),
          };
        });
        // A KPI that did not vary between the draws has no ranks to correlate (r2 and PRCC are null):
        // it gets a line saying so, not a chart of nothing.
        const g = f.global?.[kpi];
        // Ranks of k inputs over n <= k + 1 draws fit any output exactly (r2 = 1, PRCC ±1): no reading.
        const few = g !== undefined && tooFewDraws(g);
        const varied = g !== undefined && !few && finite(g.r2);
        const shown = varied ? g.inputs.filter((i) => finite(i.prcc)) : [];
        const flat = varied ? g.inputs.filter((i) => !finite(i.prcc)).map((i) => i.input) : [];
        const prcc = varied
          ? tornadoSvg(
              shown.map((i) => ({
                label: i.input,
                bars: [
                  {
                    side: 'prcc' as const,
                    value: i.prcc,
                    lo: finite(i.prcc_ci95[0]) ? i.prcc_ci95[0] : null,
                    hi: finite(i.prcc_ci95[1]) ? i.prcc_ci95[1] : null,
                  },
                ],
              })),
              {
                id: `prcc-${kpi}`,
                title: `${info.label}: partial rank correlation with each uncertain input`,
                axis: 'Partial rank correlation (−1 to 1)',
                domain: [-1, 1],
                format: f2,
              },
            )
          : '';
        const globalPart = !g
          ? ''
          : few
            ? `<p class="not-varied">${g.n} replications of the scenario as written are too few to correlate ${g.inputs.length === 1 ? 'its uncertain input' : `its ${g.inputs.length} uncertain inputs`} with ${escapeHtml(inSentence(info.label))}: any ${g.inputs.length + 1} or fewer fit exactly. Run with --reps ${g.inputs.length + 2} or more (many more for intervals that say something).</p>`
            : varied
              ? `<figure class="chart chart-tornado">${prcc}<figcaption>From the draws of ${g.n} replications of the scenario as written; the inputs together explain ${Math.round(100 * g.r2)}% of the variance of the ranks. Lines: 95% bootstrap intervals.${flat.length ? ` Left out, as no correlation could be computed for ${flat.length === 1 ? 'it' : 'them'}: ${escapeHtml(flat.join(', '))}.` : ''}</figcaption></figure>`
              : `<p class="not-varied">${escapeHtml(info.label)} did not vary between the ${g.n} replications of the scenario as written, so no input can be correlated with it; its partial rank correlations are left out.</p>`;
        return `<section class="sens-kpi" data-kpi="${escapeHtml(kpi)}">
<h${h}>${escapeHtml(info.label)}</h${h}>
<figure class="chart chart-tornado">${tornadoSvg(oat, { id: `oat-${kpi}`, title: `${info.label}: change when one input moves`, axis: `Change in ${inSentence(info.label)} (${info.unit}${info.kind === 'fraction' ? ', points' : ''})`, format: shortNumber })}
<figcaption class="key"><span style="background:#1f6fb2"></span>input at its low value<span style="background:#d3721c"></span>input at its high value; lines: 95% CIs of the paired differences over ${f.failures?.length ? 'up to ' : ''}${f.replications} replications.</figcaption></figure>
${globalPart}
</section>`;
      })
      .join('\n')
  );
}

/** What the one-at-a-time runs did, in a sentence: the page and the report both say it. */
export const SENSITIVITY_INTRO =
  'Each input moved on its own between a low and a high value (uncertain inputs: the 10th and 90th percentiles of their ranges), all others held at their centre, on the same random numbers. The longest bars are the inputs worth pinning down first.';

export function sensitivityHtml(f: SensitivityFile, title: string): string {
  return `${pageHead(`${title}: which inputs matter`, { extraStyles: SENSITIVITY_STYLES })}<body>
<main id="sensitivity">
<h1>${escapeHtml(title)}: which inputs matter?</h1>
<p class="intro">${SENSITIVITY_INTRO}</p>
${sensitivityBody(f)}
</main>
</body>
</html>
`;
}
