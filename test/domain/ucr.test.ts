import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadScenario } from '../../scenarios/index.js';
import { simulate } from '../../engine/index.js';
import type { ReplicationResult } from '../../engine/index.js';
import { ci95 } from '../validation/stats.js';

const FILE = join(__dirname, '../../scenarios/library/ucr-small.yaml');

/**
 * Palm's M/M/c+M queue (Erlang-A): arrival rate lambda, c servers of rate mu, patience
 * exponential with rate theta. Rates per hour here.
 *
 * Number in system n is a birth-death chain with death rate min(n, c) mu + max(n - c, 0) theta:
 *   pi_n = pi_0 prod_{k=1..n} lambda / (min(k, c) mu + max(k - c, 0) theta).
 * By PASTA an arrival sees n with probability pi_n. If n < c it is reached at once. If
 * n >= c it joins at queue position j = n - c + 1; while at position k it moves up at rate
 * a_k = c mu + (k - 1) theta (a visit ends or someone ahead gives up) and gives up itself
 * at rate theta. It is reached within tau without giving up with probability
 *   g_j(tau) = prod_{k=1..j} a_k / (a_k + theta) * P(E_1 + ... + E_j <= tau),
 * E_k ~ Exp(b_k), b_k = a_k + theta = c mu + k theta (condition on not giving up; the
 * competing exponentials make each stage end at rate b_k). The b_k are distinct, so the sum
 * is hypoexponential:
 *   P(S <= tau) = 1 - sum_i e^{-b_i tau} prod_{m != i} b_m / (b_m - b_i).
 * Then P(reached within tau) = sum_{n<c} pi_n + sum_{n>=c} pi_n g_{n-c+1}(tau), and the share
 * that gives up is theta Lq / lambda (Little's law on the abandonment flow).
 */
function erlangA(lambda: number, mu: number, c: number, theta: number, tau: number): { within: number; reneged: number } {
  const N = c + 40; // pi beyond this is below 1e-30 for the loads used here
  const w = [1];
  for (let n = 1; n <= N; n++) w.push((w[n - 1] * lambda) / (Math.min(n, c) * mu + Math.max(n - c, 0) * theta));
  const total = w.reduce((a, b) => a + b, 0);
  const pi = w.map((x) => x / total);
  const hypoCdf = (j: number): number => {
    const b = Array.from({ length: j }, (_, k) => c * mu + (k + 1) * theta);
    let tail = 0;
    for (let i = 0; i < j; i++) {
      let coef = 1;
      for (let m = 0; m < j; m++) if (m !== i) coef *= b[m] / (b[m] - b[i]);
      tail += coef * Math.exp(-b[i] * tau);
    }
    return 1 - tail;
  };
  let within = 0,
    lq = 0;
  for (let n = 0; n <= N; n++) {
    if (n < c) {
      within += pi[n];
      continue;
    }
    const j = n - c + 1;
    let stay = 1;
    for (let k = 1; k <= j; k++) {
      const a = c * mu + (k - 1) * theta;
      stay *= a / (a + theta);
    }
    // Terms far out are negligible and their alternating sums lose precision: stop early.
    if (pi[n] > 1e-15) within += pi[n] * stay * hypoCdf(j);
    lq += (n - c) * pi[n];
  }
  return { within, reneged: (theta * lq) / lambda };
}

describe('loadScenario(ucr-small.yaml) simulated against Erlang-A (M/M/c + exponential patience)', () => {
  // ucr-small.yaml: lambda 2.4/h, c 3, mu 1/h, patience mean 1 h, target 2 h.
  const theory = erlangA(2.4, 1, 3, 1, 2);
  const sc = loadScenario(FILE);
  const runs: ReplicationResult[] = Array.from({ length: 10 }, (_, r) =>
    simulate(sc.strategies[0].modelFor(sc.seed, r), { seed: sc.seed, replication: r }),
  );

  it('erlangA(lambda, mu, c, theta, tau): everyone is reached or gives up once tau is long', () => {
    // Two routes to the same number: g_j(tau) as tau grows, and Little's law on abandonment.
    const long = erlangA(2.4, 1, 3, 1, 60);
    expect(long.within + long.reneged).toBeCloseTo(1, 9);
    expect(theory.within).toBeLessThan(long.within);
  });

  it('the share of UCR patients reached within 2 hours matches Erlang-A within the 95% CI', () => {
    const kpi = ci95(runs.map((r) => r.kpis.ucr_within_2h!));
    expect(theory.within).toBeGreaterThanOrEqual(kpi.lo);
    expect(theory.within).toBeLessThanOrEqual(kpi.hi);
    // The CI must be tight enough for the check to mean something.
    expect(kpi.hi - kpi.lo).toBeLessThan(0.02);
  });

  it('the share who give up and go to the ED matches theta Lq / lambda, and the ED receives them', () => {
    const gaveUp = ci95(runs.map((r) => r.units.ucr.reneged_fraction!));
    expect(theory.reneged).toBeGreaterThanOrEqual(gaveUp.lo);
    expect(theory.reneged).toBeLessThanOrEqual(gaveUp.hi);
    const toEd = ci95(runs.map((r) => r.units.ed.arrivals_per_day));
    const expected = 57.6 * theory.reneged;
    expect(expected).toBeGreaterThanOrEqual(toEd.lo);
    expect(expected).toBeLessThanOrEqual(toEd.hi);
  });
});
