/**
 * Global sensitivity from the parameter draws of a run: partial rank correlation coefficients
 * (PRCC) and standardised rank regression coefficients (SRRC) of each input against an output,
 * with bootstrap percentile intervals (Marino et al. 2008; Saltelli et al. 2004).
 * PRCC: correlation of the ranks of input j and of the output, once the ranks of the other
 * inputs are regressed out of both. SRRC: coefficients of the regression of the output's ranks
 * on all inputs' ranks, standardised; with independent inputs SRRC squared is the share of the
 * output's rank variance that input explains (reported as `share`, with the model's R^2).
 */
import { makeStream } from '../engine/index.js';
import { ranks } from '../results/index.js';

export interface Influence {
  input: string;
  prcc: number;
  prcc_ci95: [number, number];
  srrc: number;
  srrc_ci95: [number, number];
  /** SRRC squared: the share of the output's rank variance this input explains (independent inputs). */
  share: number;
}

export interface Sensitivity {
  output: string;
  n: number;
  /** R^2 of the rank regression: how much of the output's rank variance the inputs explain together. */
  r2: number;
  /** Strongest first (by |PRCC|). */
  inputs: Influence[];
}

/** Least squares with an intercept: coefficients [b0, b1..bk] of y on the columns. */
export function leastSquares(cols: readonly (readonly number[])[], y: readonly number[]): number[] {
  return leastSquaresEach(cols, [y])[0];
}

/**
 * Least squares of each y on the same columns, in one elimination: the normal equations share
 * their left side, so each y adds a right-hand column only. Every number is computed by the
 * same operations in the same order as a solve of that y alone, so the coefficients are equal
 * to the bit (PRCC regresses both the input and the output on the other inputs).
 */
function leastSquaresEach(cols: readonly (readonly number[])[], ys: readonly (readonly number[])[]): number[][] {
  const p = cols.length + 1,
    m = ys.length,
    n = ys[0].length;
  const a = Array.from({ length: p }, () => new Float64Array(p + m));
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < p; r++) {
      const xr = r === 0 ? 1 : cols[r - 1][i],
        row = a[r];
      row[0] += xr;
      for (let c = 1; c < p; c++) row[c] += xr * cols[c - 1][i];
      for (let q = 0; q < m; q++) row[p + q] += xr * ys[q][i];
    }
  }
  // Gaussian elimination with partial pivoting; a singular column gets coefficient 0.
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
    [a[c], a[piv]] = [a[piv], a[c]];
    if (Math.abs(a[c][c]) < 1e-12) continue;
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = a[r][c] / a[c][c];
      for (let k = c; k < p + m; k++) a[r][k] -= f * a[c][k];
    }
  }
  return ys.map((_, q) => Array.from(a, (row, i) => (Math.abs(row[i]) < 1e-12 ? 0 : row[p + q] / row[i])));
}

/** y less its fitted values: the sum over the columns runs in column order, after the intercept. */
function residual(cols: readonly (readonly number[])[], y: readonly number[], b: readonly number[]): number[] {
  const out = new Array<number>(y.length);
  for (let i = 0; i < y.length; i++) {
    let fit = 0;
    for (let j = 0; j < cols.length; j++) fit += b[j + 1] * cols[j][i];
    out[i] = y[i] - b[0] - fit;
  }
  return out;
}

function residuals(cols: readonly (readonly number[])[], y: readonly number[]): number[] {
  return residual(cols, y, leastSquares(cols, y));
}

function corr(a: readonly number[], b: readonly number[]): number {
  const n = a.length;
  const ma = a.reduce((s, v) => s + v, 0) / n,
    mb = b.reduce((s, v) => s + v, 0) / n;
  let sab = 0,
    saa = 0,
    sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma,
      db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : NaN;
}

function sd(a: readonly number[]): number {
  const m = a.reduce((s, v) => s + v, 0) / a.length;
  return Math.sqrt(a.reduce((s, v) => s + (v - m) ** 2, 0) / Math.max(1, a.length - 1));
}

/** PRCC and SRRC of every input, point estimates only. */
export function rankIndices(x: readonly (readonly number[])[], y: readonly number[]): { prcc: number[]; srrc: number[]; r2: number } {
  const rx = x.map(ranks),
    ry = ranks(y);
  const prcc = rx.map((_, j) => {
    const others = rx.filter((__, k) => k !== j);
    const [bx, by] = leastSquaresEach(others, [rx[j], ry]);
    return corr(residual(others, rx[j], bx), residual(others, ry, by));
  });
  const b = leastSquares(rx, ry);
  const sy = sd(ry);
  const srrc = rx.map((c, j) => (sy > 0 ? (b[j + 1] * sd(c)) / sy : NaN));
  const res = residuals(rx, ry);
  const r2 = sy > 0 ? 1 - sd(res) ** 2 / sy ** 2 : NaN;
  return { prcc, srrc, r2 };
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p,
    lo = Math.floor(h);
  return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? sorted[lo]) - sorted[lo]);
}

/**
 * Sensitivity of one output to the inputs over n replications, with `boot` bootstrap resamples
 * of the replications (seeded: the same data give the same intervals).
 */
export function sensitivity(
  output: string,
  inputs: readonly string[],
  x: readonly (readonly number[])[],
  y: readonly number[],
  boot = 500,
  seed: number | string = 1,
): Sensitivity {
  const keep = y.map((v, i) => Number.isFinite(v) && x.every((c) => Number.isFinite(c[i])));
  const xs = x.map((c) => c.filter((_, i) => keep[i])),
    ys = y.filter((_, i) => keep[i]);
  const n = ys.length;
  const est = rankIndices(xs, ys);
  const rng = makeStream(seed, 0, `sensitivity:${output}`);
  const bp: number[][] = inputs.map(() => []),
    bs: number[][] = inputs.map(() => []);
  for (let b = 0; b < boot && n > inputs.length + 2; b++) {
    const pick = Array.from({ length: n }, () => Math.floor(rng.next() * n));
    const e = rankIndices(
      xs.map((c) => pick.map((i) => c[i])),
      pick.map((i) => ys[i]),
    );
    e.prcc.forEach((v, j) => {
      if (Number.isFinite(v)) bp[j].push(v);
    });
    e.srrc.forEach((v, j) => {
      if (Number.isFinite(v)) bs[j].push(v);
    });
  }
  const ci = (a: number[]): [number, number] => {
    a.sort((p, q) => p - q);
    return [percentile(a, 0.025), percentile(a, 0.975)];
  };
  const out = inputs.map((input, j) => ({
    input,
    prcc: est.prcc[j],
    prcc_ci95: ci(bp[j]),
    srrc: est.srrc[j],
    srrc_ci95: ci(bs[j]),
    share: est.srrc[j] ** 2,
  }));
  out.sort((a, b) => Math.abs(b.prcc) - Math.abs(a.prcc) || a.input.localeCompare(b.input));
  return { output, n, r2: est.r2, inputs: out };
}
