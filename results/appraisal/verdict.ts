/**
 * A balanced verdict per strategy from the paired 95% CIs of the verdict KPIs: patient
 * outcomes, flow and cost together. A KPI is clearly better (or worse) when its interval
 * excludes zero on that side of its direction (engine/kpi-info.ts).
 *  - better: something clearly better, nothing clearly worse;
 *  - worse: something clearly worse, nothing clearly better;
 *  - trade-off: some clearly better and some clearly worse (both listed);
 *  - no clear difference: nothing clear either way.
 * An improvement that may only mean patients are stuck elsewhere (fewer admissions, lower
 * cost) does not count while a measure of being stuck is worse, clearly or on average: fewer
 * acute admissions while more patients wait in the ED for a bed is crowding, not care avoided.
 * It is listed as `discounted`.
 */
import type { Verdict } from '../format.js';
import { kpiInfo } from '../kpi-info.js';

/** The KPIs every verdict weighs, where the model has them: outcomes, flow, cost. */
export const VERDICT_KPIS = [
  'waits_12h_per_day',
  'acute_waiting_mean',
  'ucr_within_2h',
  'delayed_bed_days_per_day',
  'acute_occupancy',
  'acute_days_above_92',
  'acute_days_above_95',
  'admissions_per_day',
  'recurrent_cost_per_year',
] as const;

/** Measures of patients stuck waiting: in the ED for a bed, and in a bed for the next place. */
export const CROWDING = ['waits_12h_per_day', 'acute_waiting_mean', 'delayed_bed_days_per_day'] as const;

/**
 * Improvements that may come from patients being stuck elsewhere: each counts only while no
 * crowding measure is worse, clearly or on average. Fewer admissions while patients wait longer
 * for a bed is crowding, not care avoided; money saved while they wait longer is not a saving
 * that makes a strategy better.
 */
export const STUCK_ELSEWHERE: Record<string, readonly string[]> = {
  admissions_per_day: CROWDING,
  recurrent_cost_per_year: CROWDING,
};

export type Interval = readonly [number | null, number | null];

/** Which way an interval of a difference points for a KPI, or null when it includes zero (or the KPI has no direction). */
export function clearDirection(kpi: string, ci: Interval | undefined): 'better' | 'worse' | null {
  const better = kpiInfo(kpi).better;
  if (!ci || ci[0] === null || ci[1] === null || better === null) return null;
  const up = ci[0] > 0,
    down = ci[1] < 0;
  if (!up && !down) return null;
  return (up && better === 'higher') || (down && better === 'lower') ? 'better' : 'worse';
}

/** Whether a KPI's difference is worse at its mean (the midpoint of its symmetric interval). */
function worseOnAverage(kpi: string, ci: Interval | undefined): boolean {
  const better = kpiInfo(kpi).better;
  if (!ci || ci[0] === null || ci[1] === null || better === null) return false;
  const mid = (ci[0] + ci[1]) / 2;
  return better === 'lower' ? mid > 0 : mid < 0;
}

/**
 * The verdict from the intervals of one strategy's differences (KPI -> interval). `turnedAway`
 * names the units that lose (turn away, or lose to reneging) a larger share of their patients
 * than the baseline, on average: fewer admissions or a lower cost then come, at least in part,
 * from patients who got no care, so they are discounted like crowding.
 */
export function verdictOf(intervals: Record<string, Interval>, turnedAway: readonly string[] = []): Verdict {
  const kpis = VERDICT_KPIS.filter((k) => intervals[k] !== undefined);
  const better: string[] = [],
    worse: string[] = [],
    discounted: string[] = [];
  for (const k of kpis) {
    const d = clearDirection(k, intervals[k]);
    if (d === 'worse') worse.push(k);
    else if (d === 'better') {
      const stuck = k in STUCK_ELSEWHERE && (turnedAway.length > 0 || STUCK_ELSEWHERE[k].some((o) => worseOnAverage(o, intervals[o])));
      (stuck ? discounted : better).push(k);
    }
  }
  const verdict: Verdict['verdict'] =
    better.length > 0 ? (worse.length > 0 ? 'trade-off' : 'better') : worse.length > 0 ? 'worse' : 'no clear difference';
  const out: Verdict = { verdict, better, worse };
  if (discounted.length > 0) out.discounted = discounted;
  return out;
}
