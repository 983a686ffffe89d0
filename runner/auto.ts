/**
 * `replications: auto`: how many replications to aim for next. The CI half-width shrinks
 * like 1/sqrt(n), so the worst relative half-width w at n replications predicts that
 * n (w / target)^2 reach the target; at least 10 more are added per round so a noisy
 * early estimate cannot stall the run, and the maximum caps it. A share (`ucr_within_2h`)
 * is judged by its delta-method interval (results/statistics.ts), which shrinks at the same
 * rate. The summary is folded in as replications finish, so each round's check reads the
 * folds as they stand instead of re-summarising every replication.
 */
export const AUTO_MIN = 10;

export function nextTarget(n: number, worst: number | null, target: number, max: number): number {
  const predicted = worst === null || !Number.isFinite(worst) ? 2 * n : Math.ceil(n * (worst / target) ** 2);
  return Math.min(max, Math.max(n + AUTO_MIN, predicted));
}
