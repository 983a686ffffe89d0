/**
 * `replications: auto`: how many replications to aim for next. The CI half-width shrinks
 * like 1/sqrt(n), so the worst relative half-width w at n replications predicts that
 * n (w / target)^2 reach the target; at least 10 more are added per round so a noisy
 * early estimate cannot stall the run, and the maximum caps it. A share (`ucr_within_2h`)
 * is judged by its delta-method interval (results/statistics.ts), which shrinks at the same
 * rate. The summary is folded in as replications finish, so each round's check reads the
 * folds as they stand instead of re-summarising every replication.
 */
import { AUTO_MIN } from '../engine/index.js';

export function nextTarget(n: number, worst: number | null, target: number, max: number): number {
  const predicted = worst === null || !Number.isFinite(worst) ? 2 * n : Math.ceil(n * (worst / target) ** 2);
  return Math.min(max, Math.max(n + AUTO_MIN, predicted));
}

/** How `replications: auto` goes on after a round. */
export interface AutoPlan {
  max: number;
  /** Relative CI half-width to reach. */
  target: number;
  /** The precision of what a run of `reps` has finished so far. */
  precision(reps: number): { reached: boolean; worst: { relative_half_width: number | null } };
}

/**
 * The auto-replication loop: runs a round of `reps` replications and, for `auto` (a plan),
 * further rounds with a raised target until the precision or the maximum is reached. An
 * interrupted round ends the loop at once; what finished is kept by the caller's round.
 */
export async function replicate(
  reps: number,
  plan: AutoPlan | null,
  round: (reps: number) => Promise<boolean>,
): Promise<{ reps: number; interrupted: boolean }> {
  for (;;) {
    const interrupted = await round(reps);
    if (interrupted || !plan || reps >= plan.max) return { reps, interrupted };
    const p = plan.precision(reps);
    if (p.reached) return { reps, interrupted };
    reps = nextTarget(reps, p.worst.relative_half_width, plan.target, plan.max);
  }
}
