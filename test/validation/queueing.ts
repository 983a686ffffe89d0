/**
 * Exact results of queueing theory used as the yardstick for the engine. Rates and times
 * in any one consistent unit. Sources: Erlang B/C and the M/M/c waiting-time law (Kleinrock,
 * Queueing Systems I), Pollaczek-Khinchine, Jackson's product form, and Palm's M/M/c+M
 * (Erlang-A; Garnett, Mandelbaum and Reiman 2002).
 */

/** Erlang B blocking probability for c servers and offered load a = lambda / mu (stable recursion). */
export function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
}

/** Erlang C: probability that an arrival waits, c servers, offered load a < c. */
export function erlangC(c: number, a: number): number {
  const b = erlangB(c, a),
    rho = a / c;
  return b / (1 - rho * (1 - b));
}

export interface MMc {
  pWait: number;
  wq: number;
  lq: number;
  /** Mean busy servers (= a). */
  busy: number;
  /** Waiting-time quantile q (0 when P(wait) <= 1 - q). */
  waitQuantile: (q: number) => number;
}

export function mmc(lambda: number, mu: number, c: number): MMc {
  const a = lambda / mu,
    C = erlangC(c, a),
    drain = c * mu - lambda;
  const wq = C / drain;
  return {
    pWait: C,
    wq,
    lq: lambda * wq,
    busy: a,
    // P(Wq > t) = C exp(-(c mu - lambda) t).
    waitQuantile: (q) => (C <= 1 - q ? 0 : Math.log(C / (1 - q)) / drain),
  };
}

/** M/D/1 by Pollaczek-Khinchine: service time fixed at d, arrival rate lambda. */
export function md1(lambda: number, d: number): { wq: number; lq: number } {
  const rho = lambda * d;
  const wq = (rho * d) / (2 * (1 - rho));
  return { wq, lq: lambda * wq };
}

/** Mean number in system of a stable M/M/c (queue + in service). */
export function mmcL(lambda: number, mu: number, c: number): number {
  return mmc(lambda, mu, c).lq + lambda / mu;
}

/**
 * Traffic equations of an open Jackson network: lambda_i = ext_i + sum_j lambda_j P[j][i].
 * Solved by fixed-point iteration (converges for an open network, spectral radius < 1).
 */
export function jacksonRates(ext: number[], P: number[][]): number[] {
  let lam = ext.slice();
  for (let it = 0; it < 10_000; it++) {
    const nextLam = ext.map((e, i) => e + lam.reduce((a, l, j) => a + l * P[j][i], 0));
    const diff = Math.max(...nextLam.map((x, i) => Math.abs(x - lam[i])));
    lam = nextLam;
    if (diff < 1e-14) break;
  }
  return lam;
}

export interface ErlangA {
  /** Stationary distribution of the number in system (truncated where negligible). */
  pi: number[];
  lq: number;
  /** Fraction of arrivals that abandon: theta * Lq / lambda. */
  reneged: number;
  /** Fraction of arrivals that reach a server within tau (waiting 0 counts). */
  withinTarget: (tau: number) => number;
}

/** M/M/c+M: exponential patience with rate theta (Palm's model, Erlang-A). */
export function erlangA(lambda: number, mu: number, c: number, theta: number): ErlangA {
  const w: number[] = [1];
  for (let n = 1; ; n++) {
    const out = n <= c ? n * mu : c * mu + (n - c) * theta;
    w.push((w[n - 1] * lambda) / out);
    if (n > c + 10 && w[n] < 1e-16 * Math.max(...w)) break;
  }
  const total = w.reduce((a, b) => a + b, 0);
  const pi = w.map((x) => x / total);
  const lq = pi.reduce((a, p, n) => a + Math.max(0, n - c) * p, 0);
  return {
    pi,
    lq,
    reneged: (theta * lq) / lambda,
    withinTarget: (tau) => {
      const g = servedBy(pi.length - c, c * mu, theta, tau);
      let p = 0;
      for (let n = 0; n < pi.length; n++) p += pi[n] * (n < c ? 1 : g[n - c + 1]);
      return p;
    },
  };
}

/**
 * g[j] = P(a patient at queue position j reaches a server within tau before abandoning):
 * position j moves to j-1 at rate c mu + (j-1) theta (a service ends or someone ahead
 * abandons) and the patient abandons at rate theta. Backward equations by uniformisation.
 */
function servedBy(N: number, cmu: number, theta: number, tau: number): number[] {
  const L = cmu + N * theta + theta;
  let v = new Float64Array(N + 1);
  v[0] = 1;
  const acc = new Float64Array(N + 1);
  const lt = L * tau;
  let logw = -lt;
  for (let m = 0; m < lt + 12 * Math.sqrt(lt) + 50; m++) {
    const wm = Math.exp(logw);
    for (let j = 0; j <= N; j++) acc[j] += wm * v[j];
    const nv = new Float64Array(N + 1);
    nv[0] = 1;
    for (let j = 1; j <= N; j++) {
      const adv = cmu + (j - 1) * theta;
      nv[j] = (adv / L) * v[j - 1] + (1 - (adv + theta) / L) * v[j];
    }
    v = nv;
    logw += Math.log(lt) - Math.log(m + 1);
  }
  return Array.from(acc);
}
