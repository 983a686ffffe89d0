/**
 * Special functions the likelihoods need, written out because mathjs belongs to the scenario
 * language alone and its versions are not accurate enough in the tails: the log of the upper
 * incomplete gamma function (the survival term of a censored gamma stay) and of the normal
 * survival function must stay finite far into the tail, where the plain values underflow.
 */

import { logGamma } from '../results/index.js';

export { logGamma };

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

/**
 * log P(Z > z) for a standard normal Z. For z > 0 the Chebyshev form of erfc (Numerical
 * Recipes' erfcc, relative error < 1.2e-7) is t·exp(poly), so its log never underflows.
 */
export function logNormalSf(z: number): number {
  if (z < 0) return Math.log1p(-Math.exp(logNormalSf(-z)));
  const x = z / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const poly =
    -x * x -
    1.26551223 +
    t *
      (1.00002368 +
        t *
          (0.37409196 +
            t *
              (0.09678418 +
                t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return Math.log(t) + poly - Math.LN2;
}

export const normalCdf = (z: number): number => 1 - Math.exp(logNormalSf(z));

/** The standard normal quantile (Acklam's rational approximation, refined by one Halley step). */
export function normalQuantile(p: number): number {
  if (p <= 0) return -Infinity;
  if (p >= 1) return Infinity;
  const a = [-39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [-0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  let x: number;
  if (p < 0.02425) {
    const q = Math.sqrt(-2 * Math.log(p));
    x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else if (p > 1 - 0.02425) {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
  } else {
    const q = p - 0.5,
      r = q * q;
    x =
      ((((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q) /
      (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}
