/** Ranking fitted families by AIC and Akaike weights (the relative support of each family). */
import type { FamilyFit } from './mle.js';

export interface Ranked extends FamilyFit {
  deltaAic: number;
  weight: number;
}

export function rankByAic(fits: FamilyFit[]): Ranked[] {
  const ok = fits.filter((f) => Number.isFinite(f.aic));
  const min = Math.min(...ok.map((f) => f.aic));
  const rel = ok.map((f) => Math.exp(-(f.aic - min) / 2));
  const total = rel.reduce((a, b) => a + b, 0);
  return ok.map((f, i) => ({ ...f, deltaAic: f.aic - min, weight: rel[i] / total })).sort((a, b) => a.aic - b.aic);
}
