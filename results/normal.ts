/**
 * The standard normal distribution's tails and quantile, written out once for the trend test
 * of run warnings, the likelihoods of `caresim fit` and the one-sided bounds of `caresim
 * optimise`: mathjs belongs to the scenario language alone and its versions are not accurate
 * enough in the tails.
 */

/**
 * Numerical Recipes' Chebyshev form of erfc(x) = t·exp(poly) for x >= 0 (relative error below
 * 1.2e-7), returned in two parts so the log of a far tail never underflows.
 */
function erfcParts(x: number): { t: number; poly: number } {
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
  return { t, poly };
}

/** P(Z > z) for a standard normal Z. */
export function normalUpper(z: number): number {
  const { t, poly } = erfcParts(Math.abs(z) / Math.SQRT2);
  const erfc = t * Math.exp(poly);
  return z >= 0 ? erfc / 2 : 1 - erfc / 2;
}

/** log P(Z > z), finite far into the upper tail where P(Z > z) itself underflows. */
export function logNormalSf(z: number): number {
  if (z < 0) return Math.log1p(-Math.exp(logNormalSf(-z)));
  const { t, poly } = erfcParts(z / Math.SQRT2);
  return Math.log(t) + poly - Math.LN2;
}

export const normalCdf = (z: number): number => 1 - Math.exp(logNormalSf(z));

const A = [-3.969683028665376e1, 2.209460984245205e2, -2.759285104469687e2, 1.38357751867269e2, -3.066479806614716e1, 2.506628277459239];
const B = [-5.447609879822406e1, 1.615858368580409e2, -1.556989798598866e2, 6.680131188771972e1, -1.328068155288572e1];
const C = [-7.784894002430293e-3, -3.223964580411365e-1, -2.400758277161838, -2.549732539343734, 4.374664141464968, 2.938163982698783];
const D = [7.784695709041462e-3, 3.224671290700398e-1, 2.445134137142996, 3.754408661907416];

/** The p quantile of the standard normal, 0 < p < 1, by Acklam's rational approximation (relative error below 1.2e-9). */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) return p === 0 ? -Infinity : p === 1 ? Infinity : NaN;
  const lo = 0.02425;
  if (p < lo || p > 1 - lo) {
    const q = Math.sqrt(-2 * Math.log(p < lo ? p : 1 - p));
    const x = (((((C[0] * q + C[1]) * q + C[2]) * q + C[3]) * q + C[4]) * q + C[5]) / ((((D[0] * q + D[1]) * q + D[2]) * q + D[3]) * q + 1);
    return p < lo ? x : -x;
  }
  const q = p - 0.5,
    r = q * q;
  return (
    ((((((A[0] * r + A[1]) * r + A[2]) * r + A[3]) * r + A[4]) * r + A[5]) * q) /
    (((((B[0] * r + B[1]) * r + B[2]) * r + B[3]) * r + B[4]) * r + 1)
  );
}

/** normalQuantile refined by one Halley step on normalCdf, for the tails a fitted distribution's quantiles reach. */
export function normalQuantileRefined(p: number): number {
  const x = normalQuantile(p);
  if (!Number.isFinite(x)) return x;
  const e = normalCdf(x) - p;
  const u = e * Math.sqrt(2 * Math.PI) * Math.exp((x * x) / 2);
  return x - u / (1 + (x * u) / 2);
}
