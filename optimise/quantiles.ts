/**
 * Quantiles at any probability, for one-sided bounds with a Bonferroni share of α (the
 * engine's table only knows 97.5%): the normal by Acklam's rational approximation (relative
 * error below 1.2e-9) and Student's t by Hill's algorithm 396 (error below 1e-4 from df 3 on).
 */
import { normalQuantile } from '../results/index.js';

export { normalQuantile };

/** The p quantile of Student's t with df degrees of freedom (p > 0.5 gives a positive value). */
export function tQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df >= 1)) return NaN;
  if (p === 0.5) return 0;
  if (p < 0.5) return -tQuantile(1 - p, df);
  if (df > 1e6) return normalQuantile(p);
  const two = 2 * (1 - p); // Hill works with the two-tailed probability
  const n = df;
  if (n === 1) {
    const a = (two * Math.PI) / 2;
    return Math.cos(a) / Math.sin(a);
  }
  if (n === 2) return Math.sqrt(2 / (two * (2 - two)) - 2);
  const a = 1 / (n - 0.5),
    b = 48 / (a * a);
  let c = (((20700 * a) / b - 98) * a - 16) * a + 96.36;
  const d = ((94.5 / (b + c) - 3) / b + 1) * Math.sqrt((a * Math.PI) / 2) * n;
  let x = d * two;
  let y = Math.pow(x, 2 / n);
  if (y > 0.05 + a) {
    x = -normalQuantile(two / 2);
    y = x * x;
    if (n < 5) c += 0.3 * (n - 4.5) * (x + 0.6);
    c = (((0.05 * d * x - 5) * x - 7) * x - 2) * x + b + c;
    y = (((((0.4 * y + 6.3) * y + 36) * y + 94.5) / c - y - 3) / b + 1) * x;
    y = a * y * y;
    y = y > 0.002 ? Math.exp(y) - 1 : 0.5 * y * y + y;
  } else {
    y = (((1 / (((n + 6) / (n * y) - 0.089 * d - 0.822) * (n + 2) * 3) + 0.5 / (n + 4)) * y - 1) * (n + 1)) / (n + 2) + 1 / y;
  }
  return Math.sqrt(n * y);
}
