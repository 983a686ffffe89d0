/**
 * Observed against simulated, per series: how often the observed value falls in the
 * simulated band (against the rate a fresh draw from the model would reach), how far it
 * is from the simulated mean, and a plain verdict.
 */
import type { Aligned, AlignedSeries, AlignedDay, BandChoice } from './match.js';
import { binomialTest, effectiveSampleSize, tTestTwoSided } from './stats.js';
import { wilson } from '../results/index.js';

export type Verdict = 'consistent' | 'simulated too high' | 'simulated too low' | 'band too narrow' | 'band too wide';

export interface SeriesComparison {
  series: string;
  days: number;
  /** Rows with no value in the file. */
  missing_days: number;
  first_date: string | null;
  last_date: string | null;
  /** Share of days with observed inside the band (bounds included). */
  coverage: number | null;
  /** Wilson 95% interval of the coverage, from the effective number of days. */
  coverage_ci95: [number, number] | null;
  below_band: number | null;
  above_band: number | null;
  /** Days worth of independent information (autocorrelation of observed minus simulated mean). */
  effective_days: number;
  /** Two-sided exact binomial test of the coverage against the expected rate, on the effective days. */
  p_value: number | null;
  /**
   * The observed mean over the period against the replications' period means (a t test for
   * one more replication): free of any autocorrelation estimate, so it is the sharper test
   * of a bias. Only when the observed days cover at least 90% of the simulated period.
   */
  period_mean_test: { simulated_mean: number; simulated_sd: number; replications: number; t: number; p_value: number } | null;
  observed_mean: number | null;
  simulated_mean: number | null;
  /** Mean of observed minus simulated mean (positive: the model is too low). */
  mean_error: number | null;
  mean_absolute_error: number | null;
  /** Mean error over the mean simulated value. */
  relative_error: number | null;
  verdict: Verdict | null;
  /** The verdict in words, with the numbers that led to it. */
  summary: string;
}

export interface Comparison {
  format: 'caresim-compare/1';
  results: string;
  observed: string;
  strategy: string;
  band: {
    percentiles: [number, number];
    label: string;
    replications: number;
    /** The rate at which a fresh draw from the model falls inside this estimated band. */
    expected_coverage: number;
  };
  alpha: number;
  simulated_period: [string, string];
  series: SeriesComparison[];
  mismatches: number;
}

export const ALPHA = 0.05;

/**
 * Expected coverage of a band between the type-7 sample quantiles p and q of R
 * replications by one more draw from the same model: (R - 1)(q - p) / (R + 1). With 20
 * replications a "5–95%" band holds a fresh draw 81% of the time, not 90%.
 */
export function expectedCoverage(band: BandChoice, replications: number): number {
  const [p, q] = band.percentiles.map((x) => x / 100);
  const R = Math.max(1, replications);
  return ((R - 1) * (q - p)) / (R + 1);
}

const mean = (xs: readonly number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : NaN);
const orNull = (x: number) => (Number.isFinite(x) ? x : null);
const pct = (x: number) => `${(100 * x).toFixed(0)}%`;
const pv = (p: number) => (p < 0.001 ? '< 0.001' : `= ${p.toFixed(3)}`);
const num = (x: number) => (Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2));

/** Is the observed period mean what one more replication could give? t with R - 1 df. */
function periodTest(observed: number, p: { mean: number; sd: number; n: number }): SeriesComparison['period_mean_test'] {
  const scale = p.sd * Math.sqrt(1 + 1 / p.n);
  const t = scale > 0 ? (observed - p.mean) / scale : observed === p.mean ? 0 : Infinity;
  return { simulated_mean: p.mean, simulated_sd: p.sd, replications: p.n, t, p_value: tTestTwoSided(t, p.n - 1) };
}

/** Residuals over the day range with NaN in unobserved days, so lags are in days. */
function residualSeries(days: readonly AlignedDay[]): number[] {
  if (days.length === 0) return [];
  const first = days[0].index,
    out = new Array<number>(days[days.length - 1].index - first + 1).fill(NaN);
  for (const d of days) out[d.index - first] = d.observed - d.mean;
  return out;
}

export function compareSeries(s: AlignedSeries, expected: number, label: string, alpha = ALPHA): SeriesComparison {
  const days = [...s.days].sort((a, b) => a.index - b.index);
  const n = days.length;
  const base = {
    series: s.name,
    days: n,
    missing_days: s.missing,
    first_date: days[0]?.date ?? null,
    last_date: days[n - 1]?.date ?? null,
  };
  if (n === 0) {
    return {
      ...base,
      coverage: null,
      coverage_ci95: null,
      below_band: null,
      above_band: null,
      effective_days: 0,
      p_value: null,
      period_mean_test: null,
      observed_mean: null,
      simulated_mean: null,
      mean_error: null,
      mean_absolute_error: null,
      relative_error: null,
      verdict: null,
      summary: 'no observed day with a simulated band',
    };
  }
  const inside = days.filter((d) => d.observed >= d.lo && d.observed <= d.hi).length;
  const below = days.filter((d) => d.observed < d.lo).length,
    above = n - inside - below;
  const coverage = inside / n;
  const errors = days.map((d) => d.observed - d.mean);
  const ess = effectiveSampleSize(residualSeries(days));
  const trials = Math.max(1, Math.round(ess));
  const pValue = binomialTest(Math.round(coverage * trials), trials, expected);
  const me = mean(errors),
    simMean = mean(days.map((d) => d.mean));
  // A series that sits on a bound (often exactly 0 blocked beds) lands "inside" more often
  // than a continuous one would: too much coverage is then no evidence of a wide band.
  const ties = days.filter((d) => d.observed === d.lo || d.observed === d.hi).length;
  // A count a day (admissions) takes whole values, which fall inside a band drawn from whole
  // values more often than the continuous rate says: there too, high coverage is not judged.
  const onBounds = ties > 0.1 * n || s.series === 'admissions';
  const obsMean = mean(days.map((d) => d.observed));
  const period = s.period && n >= 0.9 * s.simulatedDays ? periodTest(obsMean, s.period) : null;
  // Two tests of one question: each at alpha / 2 (Bonferroni) when both run.
  const each = period ? alpha / 2 : alpha;
  let verdict: Verdict = 'consistent';
  if (period && period.p_value < each) verdict = obsMean > period.simulated_mean ? 'simulated too low' : 'simulated too high';
  else if (pValue < each) {
    if (coverage > expected) verdict = onBounds ? 'consistent' : 'band too wide';
    else if (below >= 2 * above) verdict = 'simulated too high';
    else if (above >= 2 * below) verdict = 'simulated too low';
    else verdict = 'band too narrow';
  }
  const inWords =
    `observed inside the ${label} band on ${pct(coverage)} of ${n} days (expected ${pct(expected)}; ` +
    `${pct(below / n)} below, ${pct(above / n)} above; about ${Math.round(ess)} independent days, p ${pv(pValue)})` +
    (period
      ? `; observed mean ${num(obsMean)} against ${num(period.simulated_mean)} (sd ${num(period.simulated_sd)} over ${period.replications} replications), p ${pv(period.p_value)}`
      : '');
  const reading: Record<Verdict, string> = {
    consistent: 'consistent with the model',
    'simulated too high': 'the model runs too high',
    'simulated too low': 'the model runs too low',
    'band too narrow': 'the model varies less than what was observed',
    'band too wide': 'the model varies more than what was observed',
  };
  return {
    ...base,
    coverage,
    coverage_ci95: wilson(coverage, ess),
    below_band: below / n,
    above_band: above / n,
    effective_days: ess,
    p_value: pValue,
    period_mean_test: period,
    observed_mean: obsMean,
    simulated_mean: simMean,
    mean_error: me,
    mean_absolute_error: mean(errors.map(Math.abs)),
    relative_error: simMean !== 0 ? orNull(me / simMean) : null,
    verdict,
    summary:
      `${reading[verdict]}: ${inWords}${ess < 10 ? '; few independent days, so the test has little power' : ''}` +
      (ties > 0.1 * n && coverage > expected
        ? `; ${pct(ties / n)} of days sit exactly on a bound of the band, so coverage above the expected rate is not judged`
        : s.series === 'admissions' && coverage > expected
          ? '; a count a day falls inside a band of counts more often than the expected rate, so coverage above it is not judged'
          : ''),
  };
}

export function compare(a: Aligned, files: { results: string; observed: string }, alpha = ALPHA): Comparison {
  const expected = expectedCoverage(a.band, a.replications);
  const label = `${a.band.percentiles[0]}–${a.band.percentiles[1]}%`;
  const series = a.series.map((s) => compareSeries(s, expected, label, alpha));
  return {
    format: 'caresim-compare/1',
    results: files.results,
    observed: files.observed,
    strategy: a.strategy,
    band: { percentiles: a.band.percentiles, label, replications: a.replications, expected_coverage: expected },
    alpha,
    simulated_period: [a.startDate, a.endDate],
    series,
    mismatches: series.filter((s) => s.verdict !== null && s.verdict !== 'consistent').length,
  };
}
