/**
 * The five length-of-stay families: log-likelihood with right-censoring (density for a
 * finished stay, survival for one still in), distribution, quantile and mean. Parameters are
 * kept on an unconstrained (log) scale so the optimiser never leaves the valid region.
 */
import type { Sample } from './sample.js';
import { logGamma, logGammaQ, gammaP, logNormalSf, normalCdf, normalQuantile } from './special.js';

export type FamilyName = 'exponential' | 'gamma' | 'lognormal' | 'weibull' | 'loglogistic';

export interface Family {
  name: FamilyName;
  /** Number of free parameters (for AIC). */
  k: number;
  start(s: Sample): number[];
  logLik(s: Sample, p: number[]): number;
  cdf(x: number, p: number[]): number;
  quantile(u: number, p: number[]): number;
  /** Mean in days (Infinity when it does not exist). */
  mean(p: number[]): number;
  /** (log mean, shape coordinate) <-> p: the coordinates the mean's interval is taken in. */
  toMeanShape(p: number[]): number[];
  fromMeanShape(m: number[]): number[];
  /** Natural parameters for people: e.g. { shape, scale }. */
  describe(p: number[]): Record<string, number>;
}

/** Moments of the stays treated as finished: good enough to start the optimiser. */
function moments(s: Sample): { m: number; v: number; ml: number; vl: number } {
  let sum = 0,
    sum2 = 0,
    sl = 0,
    sl2 = 0;
  for (let i = 0; i < s.m; i++) {
    const w = s.w[i];
    sum += w * s.t[i];
    sum2 += w * s.t[i] ** 2;
    sl += w * s.logt[i];
    sl2 += w * s.logt[i] ** 2;
  }
  const n = Math.max(1, s.n),
    m = sum / n,
    ml = sl / n;
  return { m, v: Math.max(1e-12, sum2 / n - m * m), ml, vl: Math.max(1e-12, sl2 / n - ml * ml) };
}

function bisect(f: (x: number) => number, u: number, lo: number, hi: number): number {
  while (f(hi) < u) hi *= 2;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = 0.5 * (lo + hi);
    if (f(mid) < u) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

const exponential: Family = {
  name: 'exponential',
  k: 1,
  start: (s) => [Math.log(moments(s).m)],
  logLik(s, p) {
    const m = Math.exp(p[0]);
    let sum = 0;
    for (let i = 0; i < s.m; i++) sum += s.w[i] * s.t[i];
    return -s.events * p[0] - sum / m;
  },
  cdf: (x, p) => -Math.expm1(-x / Math.exp(p[0])),
  quantile: (u, p) => -Math.exp(p[0]) * Math.log1p(-u),
  mean: (p) => Math.exp(p[0]),
  toMeanShape: (p) => [p[0]],
  fromMeanShape: (m) => [m[0]],
  describe: (p) => ({ mean: Math.exp(p[0]) }),
};

const gamma: Family = {
  name: 'gamma',
  k: 2,
  start: (s) => {
    const { m, v } = moments(s);
    return [Math.log((m * m) / v), Math.log(v / m)];
  },
  logLik(s, p) {
    const k = Math.exp(p[0]),
      th = Math.exp(p[1]);
    const c = -k * p[1] - logGamma(k);
    let ll = 0;
    for (let i = 0; i < s.m; i++) {
      const x = s.t[i];
      ll += s.w[i] * (s.cens[i] ? logGammaQ(k, x / th) : c + (k - 1) * s.logt[i] - x / th);
    }
    return ll;
  },
  cdf: (x, p) => gammaP(Math.exp(p[0]), x / Math.exp(p[1])),
  quantile(u, p) {
    const k = Math.exp(p[0]),
      th = Math.exp(p[1]);
    return th * bisect((x) => gammaP(k, x), u, 0, Math.max(1, k));
  },
  mean: (p) => Math.exp(p[0] + p[1]),
  toMeanShape: (p) => [p[0] + p[1], p[0]],
  fromMeanShape: (m) => [m[1], m[0] - m[1]],
  describe: (p) => ({ shape: Math.exp(p[0]), scale: Math.exp(p[1]) }),
};

const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
const lognormal: Family = {
  name: 'lognormal',
  k: 2,
  start: (s) => {
    const { ml, vl } = moments(s);
    return [ml, 0.5 * Math.log(vl)];
  },
  logLik(s, p) {
    const mu = p[0],
      sg = Math.exp(p[1]);
    const c = -p[1] - HALF_LOG_2PI;
    let ll = 0;
    for (let i = 0; i < s.m; i++) {
      const z = (s.logt[i] - mu) / sg;
      ll += s.w[i] * (s.cens[i] ? logNormalSf(z) : c - s.logt[i] - 0.5 * z * z);
    }
    return ll;
  },
  cdf: (x, p) => (x <= 0 ? 0 : normalCdf((Math.log(x) - p[0]) / Math.exp(p[1]))),
  quantile: (u, p) => Math.exp(p[0] + Math.exp(p[1]) * normalQuantile(u)),
  mean: (p) => Math.exp(p[0] + Math.exp(2 * p[1]) / 2),
  toMeanShape: (p) => [p[0] + Math.exp(2 * p[1]) / 2, p[1]],
  fromMeanShape: (m) => [m[0] - Math.exp(2 * m[1]) / 2, m[1]],
  describe: (p) => ({ meanlog: p[0], sdlog: Math.exp(p[1]) }),
};

const weibull: Family = {
  name: 'weibull',
  k: 2,
  start: (s) => {
    const { ml, vl } = moments(s);
    const k = Math.PI / Math.sqrt(6 * vl);
    return [Math.log(k), ml + 0.5772156649 / k];
  },
  logLik(s, p) {
    const k = Math.exp(p[0]),
      ll0 = p[1];
    const c = p[0] - k * ll0;
    let ll = 0;
    for (let i = 0; i < s.m; i++) {
      const lz = s.logt[i] - ll0;
      const zk = Math.exp(k * lz);
      ll += s.w[i] * (s.cens[i] ? -zk : c + (k - 1) * s.logt[i] - zk);
    }
    return ll;
  },
  cdf: (x, p) => -Math.expm1(-((x / Math.exp(p[1])) ** Math.exp(p[0]))),
  quantile: (u, p) => Math.exp(p[1]) * (-Math.log1p(-u)) ** (1 / Math.exp(p[0])),
  mean: (p) => Math.exp(p[1] + logGamma(1 + Math.exp(-p[0]))),
  toMeanShape: (p) => [p[1] + logGamma(1 + Math.exp(-p[0])), p[0]],
  fromMeanShape: (m) => [m[1], m[0] - logGamma(1 + Math.exp(-m[1]))],
  describe: (p) => ({ shape: Math.exp(p[0]), scale: Math.exp(p[1]) }),
};

/** log of E[X]/α = (π/β)/sin(π/β) for β > 1; the mean is infinite otherwise. */
const llMeanFactor = (b: number): number => (b > 1 ? Math.log(Math.PI / b / Math.sin(Math.PI / b)) : Infinity);
const loglogistic: Family = {
  name: 'loglogistic',
  k: 2,
  start: (s) => {
    const { ml, vl } = moments(s);
    return [ml, Math.log(Math.PI / Math.sqrt(3 * vl))];
  },
  logLik(s, p) {
    const la = p[0],
      b = Math.exp(p[1]);
    const c = p[1] - b * la;
    let ll = 0;
    for (let i = 0; i < s.m; i++) {
      const bz = b * (s.logt[i] - la);
      // log(1 + e^bz) without overflow
      const l1 = bz > 30 ? bz : Math.log1p(Math.exp(bz));
      ll += s.w[i] * (s.cens[i] ? -l1 : c + (b - 1) * s.logt[i] - 2 * l1);
    }
    return ll;
  },
  cdf: (x, p) => (x <= 0 ? 0 : 1 / (1 + (x / Math.exp(p[0])) ** -Math.exp(p[1]))),
  quantile: (u, p) => Math.exp(p[0]) * (u / (1 - u)) ** (1 / Math.exp(p[1])),
  mean: (p) => Math.exp(p[0] + llMeanFactor(Math.exp(p[1]))),
  toMeanShape: (p) => [p[0] + llMeanFactor(Math.exp(p[1])), p[1]],
  fromMeanShape: (m) => [m[0] - llMeanFactor(Math.exp(m[1])), m[1]],
  describe: (p) => ({ shape: Math.exp(p[1]), scale: Math.exp(p[0]) }),
};

export const FAMILIES: readonly Family[] = [exponential, gamma, lognormal, weibull, loglogistic];
export const family = (name: FamilyName): Family => FAMILIES.find((f) => f.name === name)!;
