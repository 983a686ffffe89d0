/**
 * Goodness of fit against the Kaplan–Meier estimate, valid with censoring: the statistic is
 * the largest distance between KM and the fitted survival curve, and its null distribution is
 * found by a parametric bootstrap that draws stays from the fitted family, censors each at the
 * time its own stay could have been observed (end of extract - admission), refits and
 * measures again. Plain KS or AD tables assume uncensored data and known parameters; this
 * does not. Large samples are bootstrapped on an evenly spaced subsample and compared on the
 * sqrt(n) scale, so the cost stays bounded.
 */
import type { FamilyFit } from './mle.js';
import { maximise } from './mle.js';
import { kaplanMeier, kmDistance } from './kaplan-meier.js';
import { makeSample, type Sample } from './sample.js';
import { makeStream } from '../engine/index.js';
import { drawer } from './draw.js';

export interface GoodnessOfFit {
  /** max |KM - fitted S|. */
  distance: number;
  /** Bootstrap p-value of the distance (small: the family does not describe the data). */
  p: number;
  replicates: number;
}

export function goodnessOfFit(fit: FamilyFit, s: Sample, seed: string, replicates = 99): GoodnessOfFit {
  const f = fit.family;
  const distance = kmDistance(kaplanMeier(s), (x) => f.cdf(x, fit.p));
  const limit = s.limit,
    m = limit.length;
  const rng = makeStream(seed, 0, `gof:${f.name}`);
  const draw = drawer(f, fit.p, rng);
  const observed = distance * Math.sqrt(s.n);
  let above = 0;
  const t = new Float64Array(m),
    c = new Uint8Array(m);
  for (let b = 0; b < replicates; b++) {
    for (let i = 0; i < m; i++) {
      const x = draw();
      c[i] = x > limit[i] ? 1 : 0;
      t[i] = c[i] ? limit[i] : x;
    }
    const bs = makeSample(t, c, limit);
    if (bs.events < 2) continue;
    const refit = maximise(f, bs, fit.p, true);
    const d = kmDistance(kaplanMeier(bs), (x) => f.cdf(x, refit.p)) * Math.sqrt(m);
    if (d >= observed) above++;
  }
  return { distance, p: (above + 1) / (replicates + 1), replicates };
}
