import { describe, expect, it } from 'vitest';
import { FAMILIES, type FamilyName } from '../../fit/families.js';
import { fitFamily } from '../../fit/mle.js';
import { rankByAic } from '../../fit/aic.js';
import { TRUE, trueMean, knownSample, binomialLowerBound } from './known.js';

const SEEDS = 40;
const N = 2000;

/** The family AIC puts first is the generating one; for exponential data, gamma or Weibull with shape 1 in their 95% CI is the same distribution. */
function recovered(truth: FamilyName, best: ReturnType<typeof rankByAic>[number]): boolean {
  if (best.family.name === truth) return true;
  if (truth !== 'exponential' || !best.shapeCi || (best.family.name !== 'gamma' && best.family.name !== 'weibull')) return false;
  return best.shapeCi[0] <= 0 && best.shapeCi[1] >= 0; // log shape: 0 is shape 1
}

describe('fitFamily + rankByAic on samples with known distributions', () => {
  let coveredAll = 0,
    runsAll = 0;
  it.each(FAMILIES.map((f) => f.name))(
    `fitFamily(all five, ${N} stays of %s) recovers the family by AIC in 95 of 100 seeds or more and the mean within its 95 per cent CI as often as such an interval should`,
    (truth) => {
      let right = 0,
        covered = 0;
      for (let seed = 1; seed <= SEEDS; seed++) {
        const { sample } = knownSample(truth, N, seed);
        const ranked = rankByAic(FAMILIES.map((f) => fitFamily(f, sample)));
        if (recovered(truth, ranked[0])) right++;
        const own = ranked.find((r) => r.family.name === truth)!;
        if (own.meanLo <= trueMean(truth) && trueMean(truth) <= own.meanHi) covered++;
      }
      coveredAll += covered;
      runsAll += SEEDS;
      // Exponential data: gamma and Weibull nest the exponential, and AIC prefers them when the likelihood
      // ratio exceeds 2; their shape then excludes 1 at the 5% rate of a likelihood-ratio test, so
      // recovery is about 95% by construction and the honest check is the binomial bound. The other
      // families are told apart in nearly every seed, so they must reach 95% outright.
      const need = truth === 'exponential' ? binomialLowerBound(SEEDS, 0.95) : Math.ceil(0.95 * SEEDS);
      expect(right, `${truth}: family recovered in ${right}/${SEEDS}`).toBeGreaterThanOrEqual(need);
      // A 95% interval misses in 5% of seeds by design; fewer hits than Binomial(40, 0.95) gives with probability 0.001 means the interval is too narrow.
      expect(covered, `${truth}: mean covered in ${covered}/${SEEDS}`).toBeGreaterThanOrEqual(binomialLowerBound(SEEDS, 0.95));
    },
  );

  it('fitFamily: pooled over the five families, the 95% CI of the mean covers the truth as often as Binomial(200, 0.95) allows', () => {
    expect(runsAll).toBe(5 * SEEDS);
    expect(coveredAll).toBeGreaterThanOrEqual(binomialLowerBound(runsAll, 0.95));
  });

  it('fitFamily(truth) estimates the true parameters within 5% on 20,000 stays', () => {
    for (const f of FAMILIES) {
      const { sample } = knownSample(f.name, 20_000, 99);
      const fit = fitFamily(f, sample);
      const want = f.describe(TRUE[f.name]),
        got = f.describe(fit.p);
      for (const k of Object.keys(want)) expect(Math.abs(got[k] - want[k]) / Math.abs(want[k]), `${f.name}.${k}`).toBeLessThan(0.05);
    }
  });
});

describe('fitFamily with 30% right-censoring', () => {
  // Admissions spread over 19 days before the end of the extract censor about 30% of stays with mean 6 days.
  const WINDOW = 19;
  it.each(['lognormal', 'weibull', 'gamma'] as FamilyName[])(
    'fitFamily(%s, censored) is unbiased and covers the mean; the naive fit that ignores censoring is biased low',
    (truth) => {
      const f = FAMILIES.find((x) => x.name === truth)!;
      let covered = 0,
        naiveCovered = 0,
        rel = 0,
        naiveRel = 0,
        censored = 0;
      for (let seed = 1; seed <= SEEDS; seed++) {
        const { sample, naive } = knownSample(truth, N, 1000 + seed, WINDOW);
        censored += (sample.n - sample.events) / sample.n / SEEDS;
        const fit = fitFamily(f, sample),
          bad = fitFamily(f, naive);
        const m = trueMean(truth);
        if (fit.meanLo <= m && m <= fit.meanHi) covered++;
        if (bad.meanLo <= m && m <= bad.meanHi) naiveCovered++;
        rel += (fit.mean / m - 1) / SEEDS;
        naiveRel += (bad.mean / m - 1) / SEEDS;
      }
      expect(censored).toBeGreaterThan(0.27);
      expect(censored).toBeLessThan(0.36);
      expect(covered).toBeGreaterThanOrEqual(binomialLowerBound(SEEDS, 0.95));
      // Mean relative error over 40 seeds: its standard error is about 0.4%, so 1.5% is a bias, not noise.
      expect(Math.abs(rel)).toBeLessThan(0.015);
      expect(naiveRel).toBeLessThan(-0.1);
      expect(naiveCovered).toBe(0);
    },
  );
});
