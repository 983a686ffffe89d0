/**
 * A fitted duration in caresim's scenario syntax. The mean goes through a param whose 95%
 * interval is a uniform range, so each replication draws a mean and the model carries the
 * uncertainty of the fit; the shape stays at its estimate (the coefficient of variation is
 * held, so the spread scales with the drawn mean). caresim has no log-logistic distribution:
 * that family is written as an empirical list of its quantiles, at its estimate.
 */
import type { DurationFit } from './durations.js';
import { EMPIRICAL_POINTS } from './durations.js';
import { logGamma } from './special.js';
import { days, sig } from './format.js';

export interface DistText {
  /** The value for `los` / `handoff`. */
  expr: string;
  /** The param it uses (name -> expression), if any. */
  param: { name: string; expr: string } | null;
}

const quantileList = (q: (u: number) => number): string => {
  const xs: string[] = [];
  for (let i = 0; i < EMPIRICAL_POINTS; i++) xs.push(`${sig(q((i + 0.5) / EMPIRICAL_POINTS))} d`);
  return `empirical([${xs.join(', ')}])`;
};

export function distText(fit: DurationFit, paramName: string): DistText | null {
  const c = fit.chosen;
  if (!c) return fit.empirical ? { expr: `empirical([${fit.empirical.map((x) => `${sig(x)} d`).join(', ')}])`, param: null } : null;
  const p = c.p,
    m = paramName;
  const param =
    Number.isFinite(c.meanLo) && Number.isFinite(c.meanHi) ? { name: m, expr: `uniform(${days(c.meanLo)}, ${days(c.meanHi)})` } : null;
  const mean = param ? m : days(c.mean);
  switch (c.family.name) {
    case 'exponential':
      return { expr: `exponential(${mean})`, param };
    case 'gamma':
      return { expr: `gamma(${mean}, ${sig(1 / Math.sqrt(Math.exp(p[0])), 4)} * ${mean})`, param };
    case 'lognormal':
      return { expr: `lognormal(${mean}, ${sig(Math.sqrt(Math.expm1(Math.exp(2 * p[1]))), 4)} * ${mean})`, param };
    case 'weibull': {
      const k = Math.exp(p[0]);
      return { expr: `weibull(${sig(k, 4)}, ${mean} / ${sig(Math.exp(logGamma(1 + 1 / k)), 5)})`, param };
    }
    case 'loglogistic':
      return { expr: quantileList((u) => c.family.quantile(u, p)), param: null };
  }
}
