/**
 * Mean wait a discharge window adds to a stay, for the stability estimate. Patients become
 * ready at times spread evenly over the week (long, varied stays wash out the admission
 * pattern); from each ready time the wait follows the engine's rule exactly
 * (engine/calendar.ts): the next open hour, and on a weekend day only the fraction
 * `weekend` go, the rest try again from the next midnight.
 */
import type { DischargeRule } from '../engine/index.js';
import { DAY, WEEK } from '../engine/index.js';

/** Ready times sampled every STEP minutes: the expected wait is linear within an hour, so midpoints every 5 are exact enough. */
const STEP = 5;

function nextOpen(t: number, open: number[]): number {
  for (let k = 0; k <= 168; k++) {
    const start = k === 0 ? t : (Math.floor(t / 60) + k) * 60;
    if (open[Math.floor(start / 60) % 168]) return start;
  }
  return -1;
}

const weekend = (t: number) => Math.floor((t % WEEK) / DAY) >= 5;

/** Expected minutes from ready at `t` (minutes from Monday 00:00) to leaving. */
function expectedWait(t: number, rule: DischargeRule, depth = 0): number {
  const at = nextOpen(t, rule.open);
  if (at < 0) return 0;
  if (rule.weekend >= 1 || !weekend(at) || depth >= 60) return at - t;
  const midnight = (Math.floor(at / DAY) + 1) * DAY;
  return at - t + (1 - rule.weekend) * (midnight - at + expectedWait(midnight, rule, depth + 1));
}

/** Mean wait in minutes over ready times spread evenly over the week. */
export function dischargeWaitMean(rule: DischargeRule): number {
  let sum = 0,
    n = 0;
  for (let t = STEP / 2; t < WEEK; t += STEP) {
    sum += expectedWait(t, rule);
    n++;
  }
  return sum / n;
}
