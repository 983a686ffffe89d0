/**
 * Fitting one set of durations (a unit's lengths of stay, a hand-off delay): every family by
 * censored maximum likelihood, ranked by AIC, the best checked against Kaplan–Meier, and an
 * empirical quantile list when no family describes the data.
 */
import { FAMILIES } from './families.js';
import { fitFamily } from './mle.js';
import { rankByAic, type Ranked } from './aic.js';
import { goodnessOfFit, type GoodnessOfFit } from './gof.js';
import { kaplanMeier, kmQuantile } from './kaplan-meier.js';
import type { Sample } from './sample.js';

export interface DurationFit {
  n: number;
  censored: number;
  ranked: Ranked[];
  /** The family written to the scenario: the best by AIC that passes the KM check; null = empirical. */
  chosen: Ranked | null;
  gof: GoodnessOfFit | null;
  /** Quantiles at (i + 0.5) / K of the KM distribution, when no family fits. */
  empirical: number[] | null;
  /** True when KM never falls to the top quantiles (heavy censoring): the list is cut at the longest stay seen. */
  empiricalTruncated: boolean;
  notes: string[];
  /** What the report draws: the KM steps (thinned to at most PLOT_POINTS) and KM quantiles for Q-Q plots. */
  plot: { t: number[]; s: number[]; qq: { u: number; km: number }[] };
}

const PLOT_POINTS = 400;

/**
 * A fit passes when the bootstrap does not reject it at 1% (a fragment holds a dozen fits or more:
 * at 5% one true family in three fragments would be turned down), or when its distance is
 * immaterial (under one percentage point of survival).
 */
export const GOF_ALPHA = 0.01;
export const GOF_IMMATERIAL = 0.01;
export const EMPIRICAL_POINTS = 100;

export function fitDurations(s: Sample, seed: string, opts: { bootstrap?: number } = {}): DurationFit {
  const notes: string[] = [];
  if (s.events === 0)
    notes.push('no stay has ended within the extract: there is nothing to fit, so no value is written; give one in the model');
  else if (s.events === 1)
    notes.push('only one stay has ended within the extract: too few to fit a family, so its length is written as the distribution');
  const ranked = s.events >= 2 ? rankByAic(FAMILIES.map((f) => fitFamily(f, s))) : [];
  let chosen: Ranked | null = null,
    gof: GoodnessOfFit | null = null;
  for (const r of ranked) {
    if (!Number.isFinite(r.mean)) continue;
    const g = goodnessOfFit(r, s, seed, opts.bootstrap);
    if (!gof) gof = g;
    // A Monte Carlo p-value (1 + above) / (B + 1) rejects at level alpha when it is <= alpha (B = 99 at 1%).
    if (g.p > GOF_ALPHA || g.distance <= GOF_IMMATERIAL) {
      chosen = r;
      gof = g;
      break;
    }
  }
  if (chosen && gof && gof.p <= GOF_ALPHA) {
    notes.push(
      `the bootstrap rejects ${chosen.family.name} (p = ${gof.p.toFixed(3)}) but its largest gap to Kaplan–Meier is under one point of survival, so it is kept; at this sample size the interval of the mean reflects sampling error only, not the family's misfit`,
    );
  }
  if (ranked.length > 0 && chosen !== ranked[0]) {
    notes.push(
      chosen
        ? `the best family by AIC (${ranked[0].family.name}) does not match Kaplan–Meier; ${chosen.family.name} does`
        : 'no family matches the Kaplan–Meier estimate (bootstrap p <= 0.01 for each): empirical quantiles written',
    );
  }
  let empirical: number[] | null = null,
    truncated = false;
  const km = kaplanMeier(s);
  const step = Math.max(1, Math.ceil(km.t.length / PLOT_POINTS));
  const plot: DurationFit['plot'] = { t: [], s: [], qq: [] };
  for (let i = 0; i < km.t.length; i += step) {
    plot.t.push(km.t[i]);
    plot.s.push(km.s[i]);
  }
  for (let i = 0; i < 50; i++) {
    const u = (i + 0.5) / 50,
      q = kmQuantile(km, u);
    if (!Number.isNaN(q)) plot.qq.push({ u, km: q });
  }
  if (!chosen && s.events > 0) {
    const last = km.t[km.t.length - 1];
    empirical = [];
    for (let i = 0; i < EMPIRICAL_POINTS; i++) {
      const q = kmQuantile(km, (i + 0.5) / EMPIRICAL_POINTS);
      if (Number.isNaN(q)) truncated = true;
      empirical.push(Number.isNaN(q) ? last : q);
    }
    if (truncated) notes.push('censoring hides the longest stays: the top quantiles are cut at the longest stay seen (an underestimate)');
  }
  return { n: s.n, censored: s.n - s.events, ranked, chosen, gof, empirical, empiricalTruncated: truncated, notes, plot };
}
