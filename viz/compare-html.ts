/**
 * The compare report (`caresim compare --report compare.html`): per series, the verdict
 * in words, the numbers, and the observed values drawn over the simulated band. Static
 * HTML and SVG: no script, nothing fetched, so it opens offline and prints as it shows.
 */
import type { Comparison, SeriesComparison } from '../compare/index.js';
import type { BandDay } from './charts/observed-band.js';
import { observedBandSvg } from './charts/observed-band.js';
import { escapeHtml, pageHead } from './html.js';

const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(0)}%`);
const num = (x: number | null) => (x === null ? '–' : Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));

/** A consistent verdict on under 10 effective days: an absence of evidence, not a validation. */
const weak = (s: SeriesComparison) => s.verdict === 'consistent' && s.effective_days < 10;

function facts(s: SeriesComparison, c: Comparison): string {
  const rows: [string, string][] = [
    ['Days compared', `${s.days} (${s.first_date ?? '–'} to ${s.last_date ?? '–'})${s.missing_days ? `, ${s.missing_days} missing` : ''}`],
    [
      `Inside the ${c.band.label} band`,
      `${pct(s.coverage)} (expected ${pct(c.band.expected_coverage)}; ${pct(s.below_band)} below, ${pct(s.above_band)} above)`,
    ],
    ['Effective independent days', s.effective_days.toFixed(0)],
    ['Band coverage test', s.p_value === null ? '–' : `p = ${s.p_value.toPrecision(2)} (exact binomial, on the effective days)`],
    [
      'Period mean test',
      s.period_mean_test
        ? `p = ${s.period_mean_test.p_value.toPrecision(2)} (against ${num(s.period_mean_test.simulated_mean)}, sd ${num(s.period_mean_test.simulated_sd)} over ${s.period_mean_test.replications} replications)`
        : 'not run (the observed days cover less than 90% of the simulated period)',
    ],
    ['Observed mean / simulated mean', `${num(s.observed_mean)} / ${num(s.simulated_mean)}`],
    ['Mean error (observed − simulated)', num(s.mean_error)],
    ['Mean absolute error', num(s.mean_absolute_error)],
    ['Relative error', s.relative_error === null ? '–' : `${(100 * s.relative_error).toFixed(1)}%`],
  ];
  return `<table class="compare-facts">${rows.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('')}</table>`;
}

const COMPARE_STYLES = `
.compare-series { break-inside: avoid; }
.compare-series[data-verdict=mismatch] .verdict strong { color: #a33f00; }
.compare-series[data-verdict=consistent] .verdict strong { color: #005a8c; }
.compare-facts th { text-align: left; font-weight: 400; color: var(--muted); padding-right: 1em; }
figure.chart-compare svg { width: 100%; height: auto; }
`;

export function compareHtml(c: Comparison, days: Record<string, readonly BandDay[]>, title: string): string {
  const weakCount = c.series.filter(weak).length;
  const sections = c.series
    .map((s) => {
      const state = s.verdict === null ? 'none' : s.verdict === 'consistent' ? 'consistent' : 'mismatch';
      const chart =
        (days[s.series] ?? []).length > 0
          ? observedBandSvg(days[s.series], { id: s.series, title: s.series, bandLabel: c.band.label })
          : '<p>No observed day inside the simulated period.</p>';
      return `<section class="compare-series" data-series="${escapeHtml(s.series)}" data-verdict="${state}">
<h2>${escapeHtml(s.series)}</h2>
<p class="verdict"><strong>${escapeHtml(s.verdict === null ? 'no data' : s.verdict === 'consistent' ? (weak(s) ? 'Consistent, on little data' : 'Consistent') : `Mismatch: ${s.verdict}`)}</strong>. ${escapeHtml(s.summary)}.</p>
<figure class="chart chart-compare">${chart}
<figcaption class="legend-text">Shaded: simulated ${escapeHtml(c.band.label)} band across ${c.band.replications} replications; dashed: simulated mean; black: observed; dots: observed days outside the band.</figcaption></figure>
${facts(s, c)}
</section>`;
    })
    .join('\n');
  return `${pageHead(`${title}: observed against simulated`, { extraStyles: COMPARE_STYLES })}<body>
<main id="compare">
<h1>${escapeHtml(title)}: is the baseline right?</h1>
<p class="intro">Observed series from ${escapeHtml(c.observed)} against strategy <code>${escapeHtml(c.strategy)}</code> of ${escapeHtml(c.results)}, simulated ${escapeHtml(c.simulated_period[0])} to ${escapeHtml(c.simulated_period[1])}.
${c.mismatches > 0 ? `<strong>${c.mismatches} of ${c.series.length} series do not match the model.</strong>` : weakCount === 0 ? 'Every series is consistent with the model.' : `No series contradicts the model, but ${weakCount} ${weakCount === 1 ? 'has' : 'have'} too few independent days to show much.`}</p>
<p class="how-to-read">A fresh draw from the model falls inside the simulated ${escapeHtml(c.band.label)} band ${pct(c.band.expected_coverage)} of the time (the band is estimated from ${c.band.replications} replications${c.band.percentiles[0] === 5 ? '; the results carry no 10–90% band, so the 5–95% band is used' : ''}). Daily values are autocorrelated, so the coverage test counts the effective number of independent days, not the calendar days. When the observed days cover the simulated period, the observed mean is also tested against the spread of the replications' period means; a mismatch is p &lt; ${c.alpha / 2} in either test (or p &lt; ${c.alpha} for coverage alone).</p>
${sections}
</main>
</body>
</html>
`;
}
