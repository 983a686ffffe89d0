/**
 * Special functions the likelihoods need, written out because mathjs belongs to the scenario
 * language alone and its versions are not accurate enough in the tails: the log of the upper
 * incomplete gamma function (the survival term of a censored gamma stay) and of the normal
 * survival function must stay finite far into the tail, where the plain values underflow.
 */

import { logGamma, logNormalSf, normalCdf, normalQuantileRefined } from '../results/index.js';

export { logGamma, logNormalSf, normalCdf, normalQuantileRefined as normalQuantile };

const EPS = 1e-15;
const MAX_ITER = 1000;

/**
 * log Q(a, x): the regularised upper incomplete gamma function, P(X > x) for X ~ gamma(a, 1).
 * Series for x < a + 1, Lentz's continued fraction otherwise (Numerical Recipes §6.2), both in
 * log form so that a stay far in the tail still contributes a finite term.
 */
export function logGammaQ(a: number, x: number): number {
  if (x <= 0) return 0;
  const lead = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let ap = a,
      sum = 1 / a,
      del = sum;
    for (let n = 0; n < MAX_ITER; n++) {
      ap += 1;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) break;
    }
    const p = Math.exp(lead) * sum;
    return p < 0.5 ? Math.log1p(-p) : Math.log(-Math.expm1(lead + Math.log(sum)));
  }
  const tiny = 1e-300;
  let b = x + 1 - a,
    c = 1 / tiny,
    d = 1 / b,
    h = d;
  for (let i = 1; i < MAX_ITER; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return lead + Math.log(h);
}

/** P(a, x) = 1 - Q(a, x): the gamma distribution function. */
export const gammaP = (a: number, x: number): number => -Math.expm1(logGammaQ(a, x));
