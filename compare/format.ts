/** The comparison as the terminal shows it: one row per series, then what the rows mean. */
import type { Comparison } from './compare.js';

/** Below this many effective days a test has little power (as the series summary says). */
const FEW_DAYS = 10;
const pct = (x: number | null) => (x === null ? '–' : `${(100 * x).toFixed(0)}%`);
const pval = (p: number | null) => (p === null ? '–' : p < 0.001 ? '<0.001' : p.toFixed(3));

function num(x: number | null, signed = false): string {
  if (x === null) return '–';
  const d = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
  const t = x.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
  return signed && x > 0 ? `+${t}` : t;
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  const line = (r: string[]) =>
    r
      .map((v, c) => (c === 0 || c === r.length - 1 ? v.padEnd(widths[c]) : v.padStart(widths[c])))
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export function formatComparison(c: Comparison): string {
  const rows = [
    [
      'Series',
      'Days',
      `In ${c.band.label} band`,
      'Below',
      'Above',
      'Eff. days',
      'p band',
      'p mean',
      'Observed',
      'Simulated',
      'Mean error',
      'MAE',
      'Rel. error',
      'Verdict',
    ],
  ];
  for (const s of c.series) {
    rows.push([
      s.series,
      String(s.days),
      pct(s.coverage),
      pct(s.below_band),
      pct(s.above_band),
      s.effective_days.toFixed(0),
      pval(s.p_value),
      pval(s.period_mean_test?.p_value ?? null),
      num(s.observed_mean),
      num(s.simulated_mean),
      num(s.mean_error, true),
      num(s.mean_absolute_error),
      s.relative_error === null ? '–' : `${s.relative_error > 0 ? '+' : ''}${(100 * s.relative_error).toFixed(1)}%`,
      s.verdict === null ? 'no data' : s.verdict === 'consistent' ? 'consistent' : `MISMATCH: ${s.verdict}`,
    ]);
  }
  const out = [
    `Observed ${c.observed} against strategy \`${c.strategy}\` of ${c.results} (simulated ${c.simulated_period[0]} to ${c.simulated_period[1]}).`,
    `Band: ${c.band.label} of ${c.band.replications} replications${c.band.percentiles[0] === 5 ? ' (the results carry no 10–90% band)' : ''}; ` +
      `a fresh draw from the model falls inside it ${pct(c.band.expected_coverage)} of the time, which is the rate to expect.`,
    '',
    table(rows),
    '',
    'p band: the share inside the band against the expected rate (exact binomial test). Daily values are autocorrelated',
    '(a patient in today is mostly in tomorrow), so it counts "effective days", the days\' worth of independent information.',
    "p mean: the observed mean over the period against the replications' period means (t test; needs 90% of the simulated days).",
    `A verdict other than consistent means p < ${c.alpha / 2} in either test (${c.alpha} shared between the two), or p band < ${c.alpha} when it runs alone.`,
    'Mean error is observed minus simulated mean: positive means the model runs low.',
  ];
  // "Consistent" on a few independent days is an absence of evidence, not a validation.
  const weak = c.series.filter((s) => s.verdict === 'consistent' && s.effective_days < FEW_DAYS);
  if (c.mismatches > 0) {
    out.push('', `${c.mismatches} of ${c.series.length} series do not match the model:`);
    for (const s of c.series) if (s.verdict !== null && s.verdict !== 'consistent') out.push(`  ${s.series}: ${s.summary}`);
  } else if (weak.length === 0) {
    out.push('', `Every series is consistent with the model at the ${c.alpha} level.`);
  }
  if (weak.length > 0) {
    out.push(
      '',
      `${weak.length} series ${weak.length === 1 ? 'has' : 'have'} too little data to show much (add more days to test ${weak.length === 1 ? 'it' : 'them'}):`,
    );
    for (const s of weak)
      out.push(`  ${s.series}: no mismatch found, but only about ${Math.round(s.effective_days)} independent days in ${s.days}`);
  }
  return `${out.join('\n')}\n`;
}
