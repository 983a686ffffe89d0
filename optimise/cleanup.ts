/**
 * The clean-up stage among the best few plans of the search, on FRESH replications (indices from
 * CLEAN_BASE, the same for every plan: common random numbers, and no reuse of the data that
 * picked them, which would flatter them):
 *  1. every target of every plan is judged by its one-sided bound at level 1 - alphaF / (plans x
 *     targets) (Bonferroni), after Stein's two-stage rule has sized each plan's replications;
 *  2. among the plans shown feasible, Kim and Nelson's procedure selects the smallest objective
 *     with error alphaS and indifference zone delta.
 * So with confidence 1 - (alphaF + alphaS) the chosen plan meets every target and is within
 * delta of the best feasible plan among those evaluated.
 */
import { Bank, range, type Point } from './bank.js';
import { oneSidedBound, steinSize, meanSd, shortfall, type Bound } from './feasibility.js';
import { selectBest, type Elimination } from './select.js';

/** First replication index of the clean-up: far from the search's 0, 1, 2, ... */
export const CLEAN_BASE = 1_000_000;

export interface CleanupProblem {
  constraints: readonly { op: '<=' | '>='; target: number; tolerance: number }[];
}

export interface CleanupOptions {
  alphaF: number;
  alphaS: number;
  /** Indifference zone; null: 1% of the best first-stage mean (and at least 1e-9). */
  delta: number | null;
  /** First stage of every plan (default 10). */
  n1?: number;
  /** Most replications for one plan (default 200). */
  nMax?: number;
  /** Replications the stage may spend in all. */
  budget: number;
}

export interface Judged {
  point: Point;
  n: number;
  /** Objective over the plan's clean-up replications (`n` of them; more for the chosen plan when the selection ran longer). */
  objective: { mean: number; sd: number; n: number };
  bounds: Bound[];
  feasible: boolean;
}

export interface CleanupOutcome {
  judged: Judged[];
  /** Index into `judged` of the chosen plan; null when none was shown feasible. */
  chosen: number | null;
  delta: number;
  /** Per judged plan: eliminated by the selection, by which plan and after how many replications. */
  eliminated: (Elimination | null)[];
  selectionStoppedByBudget: boolean;
  perTestAlpha: number;
}

export async function cleanup(bank: Bank, plans: readonly Point[], p: CleanupProblem, o: CleanupOptions): Promise<CleanupOutcome> {
  const n1 = o.n1 ?? 10,
    nMax = Math.max(n1, o.nMax ?? 200);
  const m = p.constraints.length;
  const startSpent = bank.spent;
  const perTestAlpha = m > 0 ? o.alphaF / (plans.length * m) : 0;
  await bank.ensure(plans, range(CLEAN_BASE, n1));
  // Stein: each plan's replications for its bounds, within what the budget leaves.
  // A plan whose first stage already misses a target by its mean gets no more: its bound cannot meet it.
  const need = plans.map((pt) => {
    const first = p.constraints.map((_, l) => bank.values(pt, range(CLEAN_BASE, n1), 1 + l));
    if (
      p.constraints.some(
        (c, l) => steinSize(first[l], c.op, c.target, perTestAlpha, c.tolerance) === n1 && missesByMean(first[l], c.op, c.target),
      )
    )
      return n1;
    return Math.min(nMax, Math.max(n1, ...p.constraints.map((c, l) => steinSize(first[l], c.op, c.target, perTestAlpha, c.tolerance))));
  });
  const left = Math.max(0, o.budget - (bank.spent - startSpent));
  const extra = need.reduce((s, n) => s + n - n1, 0);
  const scale = extra > left * 0.6 && extra > 0 ? (left * 0.6) / extra : 1;
  const sized = need.map((n) => n1 + Math.floor((n - n1) * scale));
  for (const n of [...new Set(sized)].sort((a, b) => a - b)) {
    await bank.ensure(
      plans.filter((_, i) => sized[i] >= n),
      range(CLEAN_BASE, n),
    );
  }
  const judged: Judged[] = plans.map((pt, i) => {
    const reps = range(CLEAN_BASE, sized[i]);
    const bounds = p.constraints.map((c, l) => oneSidedBound(bank.values(pt, reps, 1 + l), c.op, c.target, perTestAlpha));
    const { mean, sd } = meanSd(bank.values(pt, reps, 0));
    return { point: pt, n: sized[i], objective: { mean, sd, n: sized[i] }, bounds, feasible: bounds.every((b) => b.meets) };
  });
  const feasible = judged.map((j, i) => (j.feasible ? i : -1)).filter((i) => i >= 0);
  const eliminated: (Elimination | null)[] = judged.map(() => null);
  if (feasible.length === 0) return { judged, chosen: null, delta: NaN, eliminated, selectionStoppedByBudget: false, perTestAlpha };

  const firstMeans = feasible.map((i) => meanSd(bank.values(plans[i], range(CLEAN_BASE, n1), 0)).mean);
  const delta = o.delta ?? Math.max(1e-9, 0.01 * Math.min(...firstMeans.map(Math.abs)));
  const spentSoFar = bank.spent - startSpent;
  const maxStages = Math.max(n1, Math.floor((o.budget - spentSoFar) / feasible.length) + n1);
  const sel = await selectBest({
    k: feasible.length,
    n0: n1,
    alpha: o.alphaS,
    delta,
    maxN: Math.min(maxStages, 100_000),
    fetch: (alive, from, count) =>
      bank.ensure(
        alive.map((i) => plans[feasible[i]]),
        range(CLEAN_BASE + from, count),
      ),
    value: (i, r) => bank.values(plans[feasible[i]], [CLEAN_BASE + r], 0)[0],
  });
  for (const e of sel.eliminated) eliminated[feasible[e.index]] = { index: feasible[e.index], stage: e.stage, by: feasible[e.by] };
  const chosen = feasible[sel.chosen];
  // The chosen plan's objective over everything the clean-up ran for it.
  const nChosen = Math.max(judged[chosen].n, sel.stagesOf[sel.chosen]);
  const obj = meanSd(bank.values(plans[chosen], range(CLEAN_BASE, nChosen), 0));
  judged[chosen].objective = { mean: obj.mean, sd: obj.sd, n: nChosen };
  return { judged, chosen, delta, eliminated, selectionStoppedByBudget: sel.stoppedByBudget, perTestAlpha };
}

function missesByMean(values: readonly number[], op: '<=' | '>=', target: number): boolean {
  return shortfall(meanSd(values).mean, op, target) > 0;
}
