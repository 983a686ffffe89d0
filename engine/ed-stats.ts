/**
 * The emergency department's clock: every attendance is timed from arrival at an ED-role
 * unit to leaving it (home, or to a bed), whether it waited for a cubicle, was assessed, or
 * held its cubicle waiting for an acute bed (blocking after service). Attendances still in
 * the department when the run ends are not counted (right-censored), as in the published
 * A&E statistics, which count patients when they leave.
 *  - ed_4h_share: share of attendances leaving within 4 hours of arrival (the 4-hour standard);
 *  - ed_12h_share, ed_12h_from_arrival_per_day: attendances over 12 hours in the department;
 *  - ed_12h_from_decision_per_day: patients admitted more than 12 hours after the decision to
 *    admit, taken as the moment they were ready to move (assessment and any hand-off over);
 *  - ed_time_in_department_mean (days), ed_attendances_per_day;
 *  - ed_occupancy: cubicles in use / cubicles (blocked ones included);
 *  - ed_waiting_for_bed_mean: cubicles held by patients waiting for a bed, time-averaged.
 */
import type { Model } from './model.js';
import type { SimState } from './sim-state.js';
import type { Fractions } from './replication-result.js';
import type { SystemKpis, UnitMetrics } from './metrics.js';
import { BLOCKED } from './codes.js';
import { DAY, FOUR_HOURS, TWELVE_HOURS } from './calendar.js';

export class EdStats {
  /** 1 for units with role `ed`. */
  readonly isEd: Uint8Array;
  readonly any: boolean;
  attendances = 0;
  within4h = 0;
  over12h = 0;
  over12hDecision = 0;
  timeSum = 0;

  constructor(m: Model) {
    this.isEd = Uint8Array.from(m.units, (u) => (u.role === 'ed' ? 1 : 0));
    this.any = this.isEd.includes(1);
  }

  reset(): void {
    this.attendances = 0;
    this.within4h = 0;
    this.over12h = 0;
    this.over12hDecision = 0;
    this.timeSum = 0;
  }
}

/** Patient p leaves ED unit u now (called before its place is given up, while its status still says whether it was blocked). */
export function edDeparture(s: SimState, p: number, u: number): void {
  const ed = s.ed,
    P = s.pts;
  const t = s.now - P.arrived[p];
  ed.attendances++;
  ed.timeSum += t;
  if (t <= FOUR_HOURS) ed.within4h++;
  if (t > TWELVE_HOURS) ed.over12h++;
  const d = P.dest[p];
  if (d >= 0 && d !== u && s.units.isAcute[d] && P.status[p] === BLOCKED && s.now - P.since[p] > TWELVE_HOURS) ed.over12hDecision++;
}

export function edKpis(s: SimState, k: SystemKpis, units: Record<string, UnitMetrics>, fractions: Fractions): void {
  const ed = s.ed;
  if (!ed.any) return;
  const Tdays = s.m.horizon / DAY;
  let occ = 0,
    cap = 0,
    blocked = 0;
  s.m.units.forEach((unit, u) => {
    if (!ed.isEd[u]) return;
    const row = units[unit.name];
    occ += row.occupancy_mean;
    cap += row.capacity_mean;
    blocked += row.blocked_mean;
  });
  k.ed_attendances_per_day = ed.attendances / Tdays;
  k.ed_4h_share = ed.attendances > 0 ? ed.within4h / ed.attendances : NaN;
  k.ed_12h_share = ed.attendances > 0 ? ed.over12h / ed.attendances : NaN;
  k.ed_12h_from_arrival_per_day = ed.over12h / Tdays;
  k.ed_12h_from_decision_per_day = ed.over12hDecision / Tdays;
  k.ed_time_in_department_mean = ed.attendances > 0 ? ed.timeSum / ed.attendances / DAY : NaN;
  k.ed_occupancy = cap > 0 && Number.isFinite(cap) ? occ / cap : NaN;
  k.ed_waiting_for_bed_mean = blocked;
  fractions.kpis.ed_4h_share = [ed.within4h, ed.attendances];
  fractions.kpis.ed_12h_share = [ed.over12h, ed.attendances];
}
