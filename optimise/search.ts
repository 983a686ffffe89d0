/**
 * The search stage: an adaptive random search on the integer lattice in the spirit of COMPASS
 * (Hong and Nelson 2006). Each iteration samples new plans from the "most promising area" (the
 * lattice points closer to the current best than to any other plan visited) and every
 * unvisited neighbour of the best, and spends more replications on the leaders as it goes, so
 * its cost grows with the path to the optimum rather than with the grid.
 * Constraints are judged here on sample means only, to steer: a plan that meets every target
 * by its mean ranks before any that does not, then by objective; the others rank by how far
 * they miss. The clean-up stage (cleanup.ts) makes the confident statements.
 */
import { makeStream } from '../engine/index.js';
import { Bank, range, pointKey, type Point } from './bank.js';
import { meanSd, shortfall } from './feasibility.js';

export interface SearchProblem {
  /** Lattice size of each decision variable. */
  sizes: readonly number[];
  /** Measure 0 is the objective, smaller is better; measure 1 + l is constraint l. */
  constraints: readonly { op: '<=' | '>='; target: number }[];
}

export interface SearchOptions {
  seed: number | string;
  /** Stop once this many replications have been spent (all stages so far included). */
  budget: number;
  /** Replications of a new plan in the first iteration (default 5). */
  n0?: number;
  /** Extra replications per iteration for the leaders (default 2), up to `nMax` (default 30). */
  grow?: number;
  nMax?: number;
  /** Leaders topped up each iteration (default 4). */
  leaders?: number;
  onIteration?: (it: { iteration: number; best: Point; visited: number; spent: number }) => void;
}

export interface Estimate {
  point: Point;
  n: number;
  objective: number;
  constraints: number[];
  /** 0 when every constraint mean meets its target; else the sum of relative shortfalls. */
  violation: number;
}

export interface SearchOutcome {
  best: Point;
  /** Every plan visited, best first. */
  ranked: Estimate[];
  iterations: number;
}

export function estimate(bank: Bank, p: SearchProblem, point: Point, n: number): Estimate {
  const reps = range(0, n);
  const objective = meanSd(bank.values(point, reps, 0)).mean;
  const constraints = p.constraints.map((_, l) => meanSd(bank.values(point, reps, 1 + l)).mean);
  const violation = p.constraints.reduce((s, c, l) => s + shortfall(constraints[l], c.op, c.target), 0);
  return { point, n, objective, constraints, violation };
}

/** Plans that meet every target by their means first (by objective), then by shortfall. */
export function better(a: Estimate, b: Estimate): number {
  const fa = a.violation === 0,
    fb = b.violation === 0;
  if (fa !== fb) return fa ? -1 : 1;
  const d = fa ? a.objective - b.objective : a.violation - b.violation || a.objective - b.objective;
  return d !== 0 && Number.isFinite(d) ? d : pointKey(a.point).localeCompare(pointKey(b.point));
}

/** Lattice neighbours (every coordinate moved by -1, 0 or +1) for up to 3 variables; axis moves beyond. */
export function neighbours(p: Point, sizes: readonly number[]): Point[] {
  const out: Point[] = [];
  const d = sizes.length;
  if (d <= 3) {
    const total = 3 ** d;
    for (let c = 0; c < total; c++) {
      let code = c,
        zero = true;
      const q = p.map((x) => {
        const m = (code % 3) - 1;
        code = Math.floor(code / 3);
        if (m !== 0) zero = false;
        return x + m;
      });
      if (!zero && q.every((x, i) => x >= 0 && x < sizes[i])) out.push(q);
    }
  } else {
    for (let i = 0; i < d; i++)
      for (const m of [-1, 1]) {
        const q = p.slice();
        q[i] += m;
        if (q[i] >= 0 && q[i] < sizes[i]) out.push(q);
      }
  }
  return out;
}

function dist2(a: Point, b: Point): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return s;
}

export async function search(bank: Bank, p: SearchProblem, opts: SearchOptions): Promise<SearchOutcome> {
  const n0 = opts.n0 ?? 5,
    grow = opts.grow ?? 2,
    nMax = Math.max(n0, opts.nMax ?? 30),
    leaders = opts.leaders ?? 4;
  const rng = makeStream(opts.seed, 0, 'optimise:search');
  const randomPoint = (): Point => p.sizes.map((s) => Math.min(s - 1, Math.floor(rng.next() * s)));
  const visited = new Map<string, Point>();
  const nOf = new Map<string, number>();
  const run = async (points: Point[], n: number) => {
    const todo = points.filter((q) => (nOf.get(pointKey(q)) ?? 0) < n);
    await bank.ensure(todo, range(0, n));
    for (const q of todo) {
      visited.set(pointKey(q), q);
      nOf.set(pointKey(q), n);
    }
  };
  const rank = () => [...visited.values()].map((q) => estimate(bank, p, q, nOf.get(pointKey(q))!)).sort(better);

  // Start: the centre of the box and a few points spread over it.
  const start: Point[] = [p.sizes.map((s) => Math.floor((s - 1) / 2))];
  const spread = Math.min(2 * p.sizes.length + 2, p.sizes.reduce((a, s) => a * s, 1) - 1);
  for (let i = 0; i < spread * 20 && start.length < spread + 1; i++) {
    const q = randomPoint();
    if (!start.some((s) => pointKey(s) === pointKey(q))) start.push(q);
  }
  let n = n0;
  await run(start, n);
  let ranked = rank();
  let best = ranked[0].point;
  let stale = 0,
    iteration = 0;
  while (bank.spent < opts.budget) {
    iteration++;
    n = Math.min(nMax, n + grow);
    const fresh: Point[] = neighbours(best, p.sizes).filter((q) => !visited.has(pointKey(q)));
    const others = [...visited.values()];
    // Samples from the most promising area: closer to the best than to any other plan visited.
    for (let k = 0, tries = 0; k < p.sizes.length + 1 && tries < 200; tries++) {
      const q = randomPoint();
      const key = pointKey(q);
      if (visited.has(key) || fresh.some((f) => pointKey(f) === key)) continue;
      const db = dist2(q, best);
      if (others.every((o) => pointKey(o) === pointKey(best) || db <= dist2(q, o))) {
        fresh.push(q);
        k++;
      }
    }
    const lead = ranked.slice(0, leaders).map((e) => e.point);
    await run([...lead, ...fresh], n);
    ranked = rank();
    const next = ranked[0].point;
    const settled = pointKey(next) === pointKey(best) && neighbours(next, p.sizes).every((q) => visited.has(pointKey(q)));
    stale = settled ? stale + 1 : 0;
    best = next;
    opts.onIteration?.({ iteration, best, visited: visited.size, spent: bank.spent });
    if (stale >= 2 && n >= Math.min(nMax, n0 + 2 * grow)) break;
  }
  return { best, ranked, iterations: iteration };
}
