/**
 * Maximum likelihood for one family on one sample, with right-censoring, and the 95%
 * interval of the mean from the observed information on the log-mean scale (Wald on log
 * mean: the interval stays positive and is close to the profile-likelihood one for the
 * sample sizes of an extract).
 */
import type { Family } from './families.js';
import { coarsen, type Sample } from './sample.js';
import { nelderMead } from './nelder-mead.js';

export interface FamilyFit {
  family: Family;
  /** Parameters on the family's unconstrained scale. */
  p: number[];
  logLik: number;
  aic: number;
  mean: number;
  /** 95% interval of the mean (days); NaN when the information matrix is singular. */
  meanLo: number;
  meanHi: number;
  /** Shape coordinate's 95% interval on its own scale (see Family.toMeanShape), when there is one. */
  shapeCi?: [number, number];
}

/**
 * The maximum-likelihood parameters and log-likelihood, from `start` or the family's own start.
 * `near`: the start is known to be close (a bootstrap refit from the fitted values): one short run.
 */
export function maximise(f: Family, s: Sample, start = f.start(s), near = false): { p: number[]; logLik: number } {
  if (near) {
    const r = nelderMead((p) => -f.logLik(s, p), start, 0.05);
    return { p: r.x, logLik: -r.f };
  }
  // PERF: on many distinct durations, find the optimum on a coarse copy first; the full data
  // then only polish it (a few dozen evaluations instead of a few hundred).
  if (s.m > COARSE) start = maximise(f, coarsen(s, COARSE), start).p;
  const nll = (p: number[]): number => -f.logLik(s, p);
  let best = nelderMead(nll, start, s.m > COARSE ? 0.02 : 0.2);
  // A restart from the optimum guards against a simplex that collapsed early.
  best = nelderMead(nll, best.x, s.m > COARSE ? 0.005 : 0.05);
  return { p: best.x, logLik: -best.f };
}

const COARSE = 4000;

export function fitFamily(f: Family, s: Sample): FamilyFit {
  const best = maximise(f, s);
  const logLik = best.logLik;
  const ms = f.toMeanShape(best.p);
  const cov = inverse(hessian((m) => -f.logLik(s, f.fromMeanShape(m)), ms));
  const se = cov ? Math.sqrt(cov[0][0]) : NaN;
  const mean = Math.exp(ms[0]);
  const fit: FamilyFit = {
    family: f,
    p: best.p,
    logLik,
    aic: 2 * f.k - 2 * logLik,
    mean,
    meanLo: Math.exp(ms[0] - 1.959964 * se),
    meanHi: Math.exp(ms[0] + 1.959964 * se),
  };
  if (cov && ms.length > 1) {
    const s1 = Math.sqrt(cov[1][1]);
    fit.shapeCi = [ms[1] - 1.959964 * s1, ms[1] + 1.959964 * s1];
  }
  return fit;
}

/** Central-difference Hessian; steps scaled to each coordinate. */
export function hessian(f: (x: number[]) => number, x: number[]): number[][] {
  const n = x.length,
    h = x.map((v) => 1e-4 * Math.max(1, Math.abs(v)));
  const at = (d: number[]) => f(x.map((v, i) => v + d[i]));
  const f0 = f(x);
  const H = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    const e = (s: number) => x.map((_, k) => (k === i ? s * h[i] : 0));
    H[i][i] = (at(e(1)) - 2 * f0 + at(e(-1))) / (h[i] * h[i]);
    for (let j = 0; j < i; j++) {
      const d = (a: number, b: number) => x.map((_, k) => (k === i ? a * h[i] : k === j ? b * h[j] : 0));
      H[i][j] = H[j][i] = (at(d(1, 1)) - at(d(1, -1)) - at(d(-1, 1)) + at(d(-1, -1))) / (4 * h[i] * h[j]);
    }
  }
  return H;
}

/** Inverse of a 1x1 or 2x2 positive-definite matrix, or null. */
export function inverse(H: number[][]): number[][] | null {
  if (H.length === 1) return H[0][0] > 0 && Number.isFinite(H[0][0]) ? [[1 / H[0][0]]] : null;
  const [[a, b], [c, d]] = H;
  const det = a * d - b * c;
  if (!(det > 0) || !(a > 0) || !Number.isFinite(det)) return null;
  return [
    [d / det, -b / det],
    [-c / det, a / det],
  ];
}
