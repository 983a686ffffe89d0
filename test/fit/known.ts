/** Samples with known generating distributions for the fit tests, and the honest binomial bound. */
import { family, type FamilyName } from '../../fit/families.js';
import { drawer } from '../../fit/draw.js';
import { makeSample, type Sample } from '../../fit/sample.js';
import { makeStream } from '../../engine/random.js';

/** True parameters (the families' own unconstrained scale); every mean is near 6 days. */
export const TRUE: Record<FamilyName, number[]> = {
  exponential: [Math.log(6)],
  gamma: [Math.log(2.5), Math.log(2.4)],
  lognormal: [Math.log(4), Math.log(0.9)],
  weibull: [Math.log(1.6), Math.log(7)],
  loglogistic: [Math.log(5), Math.log(3)],
};

export const trueMean = (f: FamilyName): number => family(f).mean(TRUE[f]);

/**
 * n stays from family f. With `censorAt` set, each stay is admitted uniformly over a window of
 * that many days before the end of the extract and is right-censored if still in at the end.
 */
export function knownSample(f: FamilyName, n: number, seed: number, censorAt?: number): { sample: Sample; naive: Sample } {
  const rng = makeStream(seed, 0, `known:${f}`);
  const draw = drawer(family(f), TRUE[f], rng);
  const t = new Float64Array(n),
    c = new Uint8Array(n),
    lim = new Float64Array(n).fill(Infinity);
  for (let i = 0; i < n; i++) {
    const x = draw();
    if (censorAt !== undefined) {
      lim[i] = rng.next() * censorAt;
      if (x > lim[i]) {
        t[i] = Math.max(lim[i], 1e-6);
        c[i] = 1;
        continue;
      }
    }
    t[i] = x;
  }
  return { sample: makeSample(t, c, lim), naive: makeSample(t, new Uint8Array(n), lim) };
}

/** P(X <= k) for X ~ Binomial(n, p). */
export function binomialCdf(k: number, n: number, p: number): number {
  let term = (1 - p) ** n,
    sum = 0;
  for (let i = 0; i <= k; i++) {
    sum += term;
    term *= ((n - i) / (i + 1)) * (p / (1 - p));
  }
  return sum;
}

/**
 * The smallest count of successes out of n that is consistent, at one-sided level alpha, with a
 * success probability of at least p: fewer than this means the procedure is worse than claimed.
 */
export function binomialLowerBound(n: number, p: number, alpha = 0.001): number {
  let k = 0;
  while (binomialCdf(k, n, p) <= alpha) k++;
  return k;
}
