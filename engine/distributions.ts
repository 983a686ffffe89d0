/**
 * Distributions: a sampler bound to one random stream, plus exact mean and variance
 * (used by the static stability check and by tests). Samplers are closures made once per
 * (process, distribution) at start-up, never per event.
 * Parameterisations are the ones planners quote: lognormal and gamma take mean and sd of
 * the distribution itself (not of the underlying normal); erlang takes mean and phases.
 */
import type { Dist } from './model.js';
import type { Rng } from './random.js';

export type Sampler = () => number;

function lognormalParams(mean: number, sd: number): [number, number] {
  const s2 = Math.log(1 + (sd * sd) / (mean * mean));
  return [Math.log(mean) - s2 / 2, Math.sqrt(s2)];
}

/** Standard normal by the polar method; the spare value is kept in the closure. */
function normalSampler(rng: Rng): Sampler {
  let spare = 0, hasSpare = false;
  return () => {
    if (hasSpare) { hasSpare = false; return spare; }
    let u: number, v: number, s: number;
    do {
      u = 2 * rng() - 1; v = 2 * rng() - 1; s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * f; hasSpare = true;
    return u * f;
  };
}

/** Gamma(shape k, scale theta) by Marsaglia and Tsang, with the k < 1 boost. */
function gammaSampler(rng: Rng, k: number, theta: number): Sampler {
  const normal = normalSampler(rng);
  const boost = k < 1;
  const a = boost ? k + 1 : k;
  const d = a - 1 / 3, c = 1 / Math.sqrt(9 * d);
  return () => {
    let x: number, v: number, u: number;
    for (;;) {
      do { x = normal(); v = 1 + c * x; } while (v <= 0);
      v = v * v * v; u = 1 - rng();
      if (u < 1 - 0.0331 * x * x * x * x) break;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) break;
    }
    let g = d * v * theta;
    if (boost) g *= Math.pow(1 - rng(), 1 / k);
    return g;
  };
}

export function makeSampler(dist: Dist, rng: Rng): Sampler {
  switch (dist.kind) {
    case 'exponential': {
      const m = dist.mean;
      return () => -m * Math.log(1 - rng());
    }
    case 'lognormal': {
      if (dist.sd === 0) { const m = dist.mean; return () => m; }
      const [mu, sigma] = lognormalParams(dist.mean, dist.sd);
      const normal = normalSampler(rng);
      return () => Math.exp(mu + sigma * normal());
    }
    case 'gamma': {
      if (dist.sd === 0) { const m = dist.mean; return () => m; }
      const k = (dist.mean * dist.mean) / (dist.sd * dist.sd);
      return gammaSampler(rng, k, dist.mean / k);
    }
    case 'erlang': {
      const k = dist.k, m = dist.mean / k;
      return () => {
        let prod = 1;
        for (let i = 0; i < k; i++) prod *= 1 - rng();
        return -m * Math.log(prod);
      };
    }
    case 'weibull': {
      const inv = 1 / dist.shape, scale = dist.scale;
      return () => scale * Math.pow(-Math.log(1 - rng()), inv);
    }
    case 'uniform': {
      const a = dist.min, w = dist.max - dist.min;
      return () => a + w * rng();
    }
    case 'triangular': {
      const a = dist.min, b = dist.max, c = dist.mode;
      const fc = (c - a) / (b - a);
      return () => {
        const u = rng();
        return u < fc ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
      };
    }
    case 'fixed': {
      const v = dist.value;
      return () => v;
    }
    case 'empirical': {
      const vals = dist.values.slice(), n = vals.length;
      return () => vals[Math.min(n - 1, Math.floor(rng() * n))];
    }
  }
}

function gammaFn(x: number): number {
  // Lanczos approximation (g = 7, n = 9): relative error below 1e-13 for x > 0.
  const g = 7;
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
    -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7];
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gammaFn(1 - x));
  x -= 1;
  let a = c[0];
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i] / (x + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * a;
}

export function distMean(dist: Dist): number {
  switch (dist.kind) {
    case 'exponential': case 'lognormal': case 'gamma': case 'erlang': return dist.mean;
    case 'weibull': return dist.scale * gammaFn(1 + 1 / dist.shape);
    case 'uniform': return (dist.min + dist.max) / 2;
    case 'triangular': return (dist.min + dist.mode + dist.max) / 3;
    case 'fixed': return dist.value;
    case 'empirical': return dist.values.reduce((a, b) => a + b, 0) / dist.values.length;
  }
}

export function distVariance(dist: Dist): number {
  switch (dist.kind) {
    case 'exponential': return dist.mean * dist.mean;
    case 'lognormal': case 'gamma': return dist.sd * dist.sd;
    case 'erlang': return (dist.mean * dist.mean) / dist.k;
    case 'weibull': {
      const g1 = gammaFn(1 + 1 / dist.shape), g2 = gammaFn(1 + 2 / dist.shape);
      return dist.scale * dist.scale * (g2 - g1 * g1);
    }
    case 'uniform': return ((dist.max - dist.min) ** 2) / 12;
    case 'triangular': {
      const { min: a, mode: c, max: b } = dist;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'fixed': return 0;
    case 'empirical': {
      const m = distMean(dist);
      return dist.values.reduce((s, v) => s + (v - m) ** 2, 0) / dist.values.length;
    }
  }
}

/** Checks a distribution's parameters; returns a message or null. Used by the engine's guard. */
export function distProblem(dist: Dist): string | null {
  const finite = (...xs: number[]) => xs.every((x) => Number.isFinite(x));
  switch (dist.kind) {
    case 'exponential': return finite(dist.mean) && dist.mean >= 0 ? null : 'exponential mean must be >= 0';
    case 'lognormal': case 'gamma':
      return finite(dist.mean, dist.sd) && dist.mean > 0 && dist.sd >= 0 ? null : `${dist.kind} needs mean > 0 and sd >= 0`;
    case 'erlang': return finite(dist.mean) && dist.mean >= 0 && Number.isInteger(dist.k) && dist.k >= 1 ? null : 'erlang needs mean >= 0 and a whole number of phases k >= 1';
    case 'weibull': return finite(dist.shape, dist.scale) && dist.shape > 0 && dist.scale > 0 ? null : 'weibull needs shape > 0 and scale > 0';
    case 'uniform': return finite(dist.min, dist.max) && dist.min <= dist.max && dist.min >= 0 ? null : 'uniform needs 0 <= min <= max';
    case 'triangular': return finite(dist.min, dist.mode, dist.max) && dist.min <= dist.mode && dist.mode <= dist.max && dist.min < dist.max && dist.min >= 0 ? null : 'triangular needs 0 <= min <= mode <= max and min < max';
    case 'fixed': return finite(dist.value) && dist.value >= 0 ? null : 'fixed needs a value >= 0';
    case 'empirical': return dist.values.length > 0 && dist.values.every((v) => Number.isFinite(v) && v >= 0) ? null : 'empirical needs at least one value, all >= 0';
  }
}
