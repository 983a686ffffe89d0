/**
 * The places a staffed unit's staff cover over time, by the rule the run uses (engine/staffing.ts)
 * at the group's mean absence. A comparison of means is not enough: winter beds funded above
 * what the staff cover, or a roster that puts fewer staff on shift than places at night, lose
 * places at those times even when the staff cover the mean of the funded places.
 *
 * Day d, budget b (places the day's contact time covers), funded places f(t):
 *   no roster:  covered(t) = f(t) x min(1, b / mean of f over day d)
 *   roster w:   covered(t) = min(f(t), b x w(t) / mean of w over day d)
 */
import type { Model } from '../engine/index.js';
import { DAY } from '../engine/index.js';
import { meanCapacity, stepAt } from './network.js';

export interface Cover {
  /** Mean funded places and mean places covered over the window. */
  funded: number;
  covered: number;
  /** Share of the window with fewer places covered than funded. */
  shortShare: number;
  /** The time the most funded places go without staff (the first such time), or null when none do. */
  worst: { at: number; funded: number; covered: number } | null;
  /** The least budget under which every funded place of the window is covered (Infinity: none is enough). */
  budgetNeeded: number;
}

/** Below this many places a shortfall is rounding, not a place lost. */
const TOLERANCE = 1e-9;

/** Unit u's cover over [from, to) with a budget of `budget` places a day. */
export function staffCover(model: Model, u: number, budget: number, from: number, to: number): Cover {
  const unit = model.units[u],
    roster = model.staff![unit.staffing!.group].roster,
    sched = unit.schedule;
  const span = to - from;
  if (!roster && !sched) {
    // The same places all the time: the rule reduces to min(funded, budget).
    const f = unit.capacity;
    const short = f < Infinity && budget < f - TOLERANCE;
    const covered = f === Infinity ? budget : Math.min(f, budget);
    return {
      funded: f,
      covered,
      shortShare: short ? 1 : 0,
      worst: short ? { at: from, funded: f, covered } : null,
      budgetNeeded: short ? f : 0,
    };
  }
  let fundedArea = 0,
    coveredArea = 0,
    shortTime = 0,
    budgetNeeded = 0;
  let worst: Cover['worst'] = null;
  // PERF: one walk over the window with a cursor in each step function, allocating nothing: the
  // load estimate asks for every window of every compile, and rosters change twice a day.
  let i = sched ? stepAt(sched, from) : 0,
    j = roster ? stepAt(roster, from) : 0;
  let dayEnd = -Infinity,
    fundedDay = 0,
    rosterDay = 0;
  for (let t = from; t < to;) {
    if (t >= dayEnd) {
      const d0 = Math.floor(t / DAY) * DAY;
      dayEnd = d0 + DAY;
      fundedDay = meanCapacity(unit.capacity, sched, d0, dayEnd);
      rosterDay = roster ? meanCapacity(0, roster, d0, dayEnd) : 0;
    }
    while (sched && i + 1 < sched.at.length && sched.at[i + 1] <= t) i++;
    while (roster && j + 1 < roster.at.length && roster.at[j + 1] <= t) j++;
    const end = Math.min(
      to,
      dayEnd,
      sched && i + 1 < sched.at.length ? sched.at[i + 1] : Infinity,
      roster && j + 1 < roster.at.length ? roster.at[j + 1] : Infinity,
    );
    const dt = end - t;
    const f = sched ? sched.cap[i] : unit.capacity;
    let covered: number, needed: number;
    if (roster) {
      const w = roster.cap[j];
      covered = Math.min(f, rosterDay > 0 ? (budget * w) / rosterDay : 0);
      needed = f <= 0 ? 0 : w > 0 ? (f * rosterDay) / w : Infinity;
    } else {
      covered = f === Infinity ? budget : fundedDay > 0 ? f * Math.min(1, budget / fundedDay) : 0;
      needed = f === Infinity ? 0 : fundedDay;
    }
    fundedArea += f * dt;
    coveredArea += covered * dt;
    if (f < Infinity && covered < f - TOLERANCE) {
      shortTime += dt;
      budgetNeeded = Math.max(budgetNeeded, needed);
      if (!worst || f - covered > worst.funded - worst.covered + TOLERANCE) worst = { at: t, funded: f, covered };
    }
    t = end;
  }
  return { funded: fundedArea / span, covered: coveredArea / span, shortShare: shortTime / span, worst, budgetNeeded };
}
