/**
 * Distributions: a sampler bound to one random stream, plus exact mean and variance
 * (used by the static stability check and by tests). Samplers are made once per
 * (replication, distribution) at start-up, never per event.
 * Parameterisations are the ones planners quote: lognormal and gamma take mean and sd of
 * the distribution itself (not of the underlying normal); erlang takes mean and phases.
 */
import type { Dist } from './model.js';
import type { Stream } from './random.js';
import { FIXED, EXPONENTIAL, LOGNORMAL, GAMMA, ERLANG, WEIBULL, UNIFORM, TRIANGULAR, EMPIRICAL } from './codes.js';

function lognormalParams(mean: number, sd: number): [number, number] {
  const s2 = Math.log(1 + (sd * sd) / (mean * mean));
  return [Math.log(mean) - s2 / 2, Math.sqrt(s2)];
}

/**
 * Draws from one distribution with one stream. PERF: one class for every distribution (a
 * switch on the kind) rather than a closure per distribution, so every call site sees one
 * shape and V8 inlines the draw; see Stream.
 */
export class Sampler {
  private readonly kind: number = FIXED;
  /** Parameters, by kind: exponential mean; lognormal mu, sigma; gamma d, c, theta, 1/k;
   *  erlang phase mean, phases; weibull scale, 1/shape; uniform min, width; triangular
   *  min, max, mode, (mode - min) / (max - min); fixed value. */
  private readonly a: number = 0;
  private readonly b: number = 0;
  private readonly c: number = 0;
  private readonly d: number = 0;
  private readonly boost: boolean = false;
  private readonly values: Float64Array = new Float64Array(0);
  /** The polar method's second normal draw, kept for the next call. */
  private spare = 0;
  private hasSpare = false;

  constructor(
    dist: Dist,
    private readonly rng: Stream,
  ) {
    switch (dist.kind) {
      case 'exponential':
        this.kind = EXPONENTIAL;
        this.a = dist.mean;
        break;
      case 'lognormal':
        if (dist.sd === 0) {
          this.kind = FIXED;
          this.a = dist.mean;
          break;
        }
        this.kind = LOGNORMAL;
        [this.a, this.b] = lognormalParams(dist.mean, dist.sd);
        break;
      case 'gamma': {
        if (dist.sd === 0) {
          this.kind = FIXED;
          this.a = dist.mean;
          break;
        }
        // Marsaglia and Tsang, with the k < 1 boost.
        const k = (dist.mean * dist.mean) / (dist.sd * dist.sd);
        this.kind = GAMMA;
        this.boost = k < 1;
        const shape = this.boost ? k + 1 : k;
        this.a = shape - 1 / 3;
        this.b = 1 / Math.sqrt(9 * this.a);
        this.c = dist.mean / k;
        this.d = 1 / k;
        break;
      }
      case 'erlang':
        this.kind = ERLANG;
        this.a = dist.mean / dist.k;
        this.b = dist.k;
        break;
      case 'weibull':
        this.kind = WEIBULL;
        this.a = dist.scale;
        this.b = 1 / dist.shape;
        break;
      case 'uniform':
        this.kind = UNIFORM;
        this.a = dist.min;
        this.b = dist.max - dist.min;
        break;
      case 'triangular':
        this.kind = TRIANGULAR;
        this.a = dist.min;
        this.b = dist.max;
        this.c = dist.mode;
        this.d = (dist.mode - dist.min) / (dist.max - dist.min);
        break;
      case 'fixed':
        this.kind = FIXED;
        this.a = dist.value;
        break;
      case 'empirical':
        this.kind = EMPIRICAL;
        this.values = Float64Array.from(dist.values);
        break;
    }
  }

  // PERF: next() stays small enough for V8 to inline (the number then stays unboxed); the
  // common kinds are drawn here, the rest in draw().
  next(): number {
    const kind = this.kind;
    if (kind === EXPONENTIAL) return -this.a * Math.log(1 - this.rng.next());
    if (kind === LOGNORMAL) return Math.exp(this.a + this.b * this.normal());
    return kind === FIXED ? this.a : this.draw();
  }

  private draw(): number {
    const rng = this.rng;
    switch (this.kind) {
      case GAMMA:
        return this.gamma();
      case ERLANG: {
        let prod = 1;
        for (let i = 0; i < this.b; i++) prod *= 1 - rng.next();
        return -this.a * Math.log(prod);
      }
      case WEIBULL:
        return this.a * Math.pow(-Math.log(1 - rng.next()), this.b);
      case UNIFORM:
        return this.a + this.b * rng.next();
      case TRIANGULAR: {
        const a = this.a,
          b = this.b,
          c = this.c,
          u = rng.next();
        return u < this.d ? a + Math.sqrt(u * (b - a) * (c - a)) : b - Math.sqrt((1 - u) * (b - a) * (b - c));
      }
      case EMPIRICAL: {
        const n = this.values.length;
        return this.values[Math.min(n - 1, Math.floor(rng.next() * n))];
      }
      default:
        return this.a; // FIXED
    }
  }

  /** Standard normal by the polar method. */
  private normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const rng = this.rng;
    let u: number, v: number, s: number;
    do {
      u = 2 * rng.next() - 1;
      v = 2 * rng.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    this.hasSpare = true;
    return u * f;
  }

  /** Gamma(shape k, scale theta): d = shape - 1/3, c = 1 / sqrt(9d) in a, b; theta in c. */
  private gamma(): number {
    const d = this.a,
      c = this.b,
      rng = this.rng;
    let x: number, v: number, u: number;
    for (;;) {
      do {
        x = this.normal();
        v = 1 + c * x;
      } while (v <= 0);
      v = v * v * v;
      u = 1 - rng.next();
      if (u < 1 - 0.0331 * x * x * x * x) break;
      if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) break;
    }
    let g = d * v * this.c;
    if (this.boost) g *= Math.pow(1 - rng.next(), this.d);
    return g;
  }
}

export function makeSampler(dist: Dist, rng: Stream): Sampler {
  return new Sampler(dist, rng);
}

function gammaFn(x: number): number {
  // Lanczos approximation (g = 7, n = 9): relative error below 1e-13 for x > 0.
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gammaFn(1 - x));
  x -= 1;
  let a = c[0];
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i] / (x + i);
  return Math.sqrt(2 * Math.PI) * Math.pow(t, x + 0.5) * Math.exp(-t) * a;
}

export function distMean(dist: Dist): number {
  switch (dist.kind) {
    case 'exponential':
    case 'lognormal':
    case 'gamma':
    case 'erlang':
      return dist.mean;
    case 'weibull':
      return dist.scale * gammaFn(1 + 1 / dist.shape);
    case 'uniform':
      return (dist.min + dist.max) / 2;
    case 'triangular':
      return (dist.min + dist.mode + dist.max) / 3;
    case 'fixed':
      return dist.value;
    case 'empirical':
      return dist.values.reduce((a, b) => a + b, 0) / dist.values.length;
  }
}

export function distVariance(dist: Dist): number {
  switch (dist.kind) {
    case 'exponential':
      return dist.mean * dist.mean;
    case 'lognormal':
    case 'gamma':
      return dist.sd * dist.sd;
    case 'erlang':
      return (dist.mean * dist.mean) / dist.k;
    case 'weibull': {
      const g1 = gammaFn(1 + 1 / dist.shape),
        g2 = gammaFn(1 + 2 / dist.shape);
      return dist.scale * dist.scale * (g2 - g1 * g1);
    }
    case 'uniform':
      return (dist.max - dist.min) ** 2 / 12;
    case 'triangular': {
      const { min: a, mode: c, max: b } = dist;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'fixed':
      return 0;
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
    case 'exponential':
      return finite(dist.mean) && dist.mean >= 0 ? null : 'exponential mean must be >= 0';
    case 'lognormal':
    case 'gamma':
      return finite(dist.mean, dist.sd) && dist.mean > 0 && dist.sd >= 0 ? null : `${dist.kind} needs mean > 0 and sd >= 0`;
    case 'erlang':
      return finite(dist.mean) && dist.mean >= 0 && Number.isInteger(dist.k) && dist.k >= 1
        ? null
        : 'erlang needs mean >= 0 and a whole number of phases k >= 1';
    case 'weibull':
      return finite(dist.shape, dist.scale) && dist.shape > 0 && dist.scale > 0 ? null : 'weibull needs shape > 0 and scale > 0';
    case 'uniform':
      return finite(dist.min, dist.max) && dist.min <= dist.max && dist.min >= 0 ? null : 'uniform needs 0 <= min <= max';
    case 'triangular':
      return finite(dist.min, dist.mode, dist.max) && dist.min <= dist.mode && dist.mode <= dist.max && dist.min < dist.max && dist.min >= 0
        ? null
        : 'triangular needs 0 <= min <= mode <= max and min < max';
    case 'fixed':
      return finite(dist.value) && dist.value >= 0 ? null : 'fixed needs a value >= 0';
    case 'empirical':
      return dist.values.length > 0 && dist.values.every((v) => Number.isFinite(v) && v >= 0)
        ? null
        : 'empirical needs at least one value, all >= 0';
  }
}
