import { describe, it, expect } from 'vitest';
import { selectBest, knH2 } from '../../optimise/select.js';
import { Normals } from './normal-draws.js';

/**
 * Candidates with the given means; each stage r shares one common shock (sd `common`) across
 * candidates, as common random numbers do, plus an independent part (sd `own`).
 */
function world(means: number[], common: number, own: number, seed: string) {
  const z = new Normals(seed);
  const rows: number[][] = [];
  const row = (r: number) => {
    while (rows.length <= r) {
      const c = common * z.next();
      rows.push(means.map((m) => m + c + own * z.next()));
    }
    return rows[r];
  };
  const seen = { fetched: 0 };
  return {
    seen,
    fetch: (_alive: readonly number[], from: number, count: number) => {
      row(from + count - 1);
      seen.fetched = Math.max(seen.fetched, from + count);
      return Promise.resolve();
    },
    value: (i: number, r: number) => row(r)[i],
  };
}

describe('knH2(k, n0, alpha)', () => {
  it("knH2(k, n0, alpha) is Kim and Nelson's constant (n0 - 1)((2a/(k-1))^(-2/(n0-1)) - 1)", () => {
    // k = 2, n0 = 10, alpha = 0.05: 9 * (0.1^(-2/9) - 1).
    expect(knH2(2, 10, 0.05)).toBeCloseTo(9 * (Math.pow(0.1, -2 / 9) - 1), 12);
    expect(knH2(5, 10, 0.05)).toBeGreaterThan(knH2(2, 10, 0.05));
  });
});

describe('selectBest({ k, n0, alpha, delta, ... })', () => {
  it('selectBest picks the SMALLEST mean (minimisation), not the largest', async () => {
    const w = world([5, 0, 3], 0, 1, 'min');
    const out = await selectBest({ k: 3, n0: 10, alpha: 0.05, delta: 0.5, maxN: 1000, ...w });
    expect(out.chosen).toBe(1);
    expect(out.survivors).toEqual([1]);
    expect(out.eliminated.map((e) => e.index).sort()).toEqual([0, 2]);
  });

  it('selectBest uses the variance of paired differences: a large common shock costs nothing', async () => {
    // Arms with sd 100 each but differences with sd about 1.4: judged on each arm's variance
    // this would need thousands of stages to separate means 2 apart.
    const w = world([10, 12], 100, 1, 'paired');
    const out = await selectBest({ k: 2, n0: 10, alpha: 0.05, delta: 1, maxN: 5000, ...w });
    expect(out.chosen).toBe(0);
    expect(out.stages).toBeLessThan(40);
  });

  it('selectBest keeps the probability of correct selection at least 1 - alpha over 400 macro-replications (slippage configuration)', async () => {
    // Best mean 0, all others exactly delta worse: the hardest case the guarantee covers.
    let correct = 0;
    const M = 400;
    for (let m = 0; m < M; m++) {
      const w = world([0.5, 0.5, 0, 0.5, 0.5], 2, 1, `pcs-${m}`);
      const out = await selectBest({ k: 5, n0: 10, alpha: 0.05, delta: 0.5, maxN: 100000, ...w });
      if (out.chosen === 2) correct++;
    }
    expect(correct / M).toBeGreaterThanOrEqual(0.95);
  });

  it('selectBest stops at maxN with several survivors and keeps the one with the smallest mean', async () => {
    const w = world([0, 0.001, 0.002], 0, 1, 'budget');
    const out = await selectBest({ k: 3, n0: 5, alpha: 0.05, delta: 0.0001, maxN: 20, ...w });
    expect(out.stoppedByBudget).toBe(true);
    expect(out.stages).toBe(20);
    expect(w.seen.fetched).toBe(20);
    const mean = (i: number) => Array.from({ length: 20 }, (_, r) => w.value(i, r)).reduce((a, b) => a + b) / 20;
    const best = out.survivors.reduce((b, i) => (mean(i) < mean(b) ? i : b));
    expect(out.chosen).toBe(best);
  });
});
