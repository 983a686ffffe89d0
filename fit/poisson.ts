/**
 * Poisson regression (log link) by iteratively reweighted least squares, with the
 * quasi-Poisson dispersion: daily counts of admissions vary more than Poisson (the weather,
 * the day before a bank holiday), and pretending they do not would make every interval
 * too narrow.
 */
export interface PoissonFit {
  beta: number[];
  /** Covariance of beta, scaled by the dispersion when it is above 1. */
  cov: number[][];
  /** Pearson chi-square / (n - p). */
  dispersion: number;
  iterations: number;
}

/** Solves A x = b for a small symmetric positive-definite A (Gauss–Jordan with pivoting); also returns A^-1. */
function solve(A: number[][], b: number[]): { x: number[]; inv: number[][] } | null {
  const p = A.length;
  const M = A.map((row, i) => [...row, ...Array.from({ length: p }, (_, j) => (i === j ? 1 : 0)), b[i]]);
  for (let c = 0; c < p; c++) {
    let piv = c;
    for (let r = c + 1; r < p; r++) if (Math.abs(M[r][c]) > Math.abs(M[piv][c])) piv = r;
    if (Math.abs(M[piv][c]) < 1e-12) return null;
    [M[c], M[piv]] = [M[piv], M[c]];
    const d = M[c][c];
    for (let k = 0; k < M[c].length; k++) M[c][k] /= d;
    for (let r = 0; r < p; r++) {
      if (r === c) continue;
      const f = M[r][c];
      if (f !== 0) for (let k = 0; k < M[r].length; k++) M[r][k] -= f * M[c][k];
    }
  }
  return { x: M.map((row) => row[2 * p]), inv: M.map((row) => row.slice(p, 2 * p)) };
}

/** X: one row of covariates per observation (the first column is usually 1); y: counts. */
export function poissonRegression(X: number[][], y: ArrayLike<number>, maxIter = 50): PoissonFit | null {
  const n = X.length,
    p = X[0]?.length ?? 0;
  if (n <= p) return null;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i] / n;
  const beta = new Array<number>(p).fill(0);
  beta[0] = Math.log(Math.max(mean, 1e-9));
  let inv: number[][] = [];
  let it = 0;
  for (; it < maxIter; it++) {
    const A = Array.from({ length: p }, () => new Array<number>(p).fill(0));
    const b = new Array<number>(p).fill(0);
    for (let i = 0; i < n; i++) {
      const x = X[i];
      let eta = 0;
      for (let j = 0; j < p; j++) eta += x[j] * beta[j];
      const mu = Math.exp(eta);
      const z = eta + (y[i] - mu) / mu;
      for (let j = 0; j < p; j++) {
        const wx = mu * x[j];
        b[j] += wx * z;
        for (let k = 0; k <= j; k++) A[j][k] += wx * x[k];
      }
    }
    for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) A[k][j] = A[j][k];
    const s = solve(A, b);
    if (!s) return null;
    inv = s.inv;
    let change = 0;
    for (let j = 0; j < p; j++) {
      change = Math.max(change, Math.abs(s.x[j] - beta[j]));
      beta[j] = s.x[j];
    }
    if (change < 1e-9) break;
  }
  let chi2 = 0;
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let j = 0; j < p; j++) eta += X[i][j] * beta[j];
    const mu = Math.exp(eta);
    chi2 += (y[i] - mu) ** 2 / mu;
  }
  const dispersion = chi2 / (n - p);
  const scale = Math.max(1, dispersion);
  return { beta, cov: inv.map((row) => row.map((v) => v * scale)), dispersion, iterations: it + 1 };
}
