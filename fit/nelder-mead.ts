/**
 * Nelder–Mead simplex minimisation: no derivatives, robust on the bumpy likelihoods of
 * censored data, and with two parameters it converges in a few dozen evaluations.
 */
export interface Minimum {
  x: number[];
  f: number;
  evals: number;
}

export function nelderMead(f: (x: number[]) => number, x0: number[], step = 0.1, tol = 1e-10, maxEvals = 2000): Minimum {
  const n = x0.length;
  const val = (x: number[]): number => {
    const y = f(x);
    return Number.isFinite(y) ? y : Infinity;
  };
  let pts: number[][] = [x0.slice()];
  for (let i = 0; i < n; i++) {
    const p = x0.slice();
    p[i] += step;
    pts.push(p);
  }
  let fs = pts.map(val);
  let evals = n + 1;
  while (evals < maxEvals) {
    const order = fs.map((_, i) => i).sort((a, b) => fs[a] - fs[b]);
    pts = order.map((i) => pts[i]);
    fs = order.map((i) => fs[i]);
    const spread = Math.abs(fs[n] - fs[0]);
    let size = 0;
    for (let i = 1; i <= n; i++) for (let j = 0; j < n; j++) size = Math.max(size, Math.abs(pts[i][j] - pts[0][j]));
    // Parameters are on a log scale: 1e-6 is a relative precision far below any standard error.
    if (spread <= tol * (1 + Math.abs(fs[0])) && size < 1e-6) break;
    const c = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) c[j] += pts[i][j] / n;
    const along = (t: number) => c.map((cj, j) => cj + t * (pts[n][j] - cj));
    const xr = along(-1),
      fr = val(xr);
    evals++;
    if (fr < fs[0]) {
      const xe = along(-2),
        fe = val(xe);
      evals++;
      if (fe < fr) {
        pts[n] = xe;
        fs[n] = fe;
      } else {
        pts[n] = xr;
        fs[n] = fr;
      }
    } else if (fr < fs[n - 1]) {
      pts[n] = xr;
      fs[n] = fr;
    } else {
      const xc = fr < fs[n] ? along(-0.5) : along(0.5),
        fc = val(xc);
      evals++;
      if (fc < Math.min(fr, fs[n])) {
        pts[n] = xc;
        fs[n] = fc;
      } else {
        for (let i = 1; i <= n; i++) {
          pts[i] = pts[i].map((v, j) => pts[0][j] + 0.5 * (v - pts[0][j]));
          fs[i] = val(pts[i]);
          evals++;
        }
      }
    }
  }
  const best = fs.indexOf(Math.min(...fs));
  return { x: pts[best], f: fs[best], evals };
}
