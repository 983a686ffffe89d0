/**
 * What staffed units report, per replication (measured period only):
 *  - staff_wte_mean: the unit's share of the group's available WTE (after vacancy, agency,
 *    leave and each day's absence), time-averaged;
 *  - staff_hours_per_day: contact hours a day that share gives the unit;
 *  - contact_hours_per_day: contact hours a day its occupied places use (place-days x hours a place needs);
 *  - staff_utilisation: the two above as a share;
 *  - places_lost_per_day: places the whole establishment (no vacancy, nobody absent) would
 *    staff but the staff there are cannot, time-averaged (never above the funded places);
 *  - staff_cost_per_day: the unit's share of the group's pay, on-costs and agency premium.
 * KPI staff_cost_per_day: every group's whole cost a day (shares not given to a unit included).
 */
import type { SimState } from './sim-state.js';
import type { SystemKpis, UnitMetrics } from './metrics.js';

const HOUR = 60;

export function staffUnitMetrics(s: SimState, u: number, metrics: UnitMetrics): void {
  const st = s.staff,
    sf = s.m.units[u].staffing;
  if (!st || !sf) return;
  const T = s.m.horizon,
    g = s.m.staff![sf.group];
  const available = (sf.share * st.contactArea[sf.group]) / T / HOUR;
  const used = (s.stats.occArea[u] / T) * (sf.perPlace / HOUR);
  metrics.staff_wte_mean = (sf.share * st.wteArea[sf.group]) / T;
  metrics.staff_hours_per_day = available;
  metrics.contact_hours_per_day = used;
  metrics.staff_utilisation = available > 0 ? used / available : NaN;
  metrics.places_lost_per_day = st.lostArea[u] / T;
  metrics.staff_cost_per_day = sf.share * g.costPerDay;
}

export function staffKpis(s: SimState, kpis: SystemKpis): void {
  const groups = s.m.staff;
  if (!groups || groups.length === 0) return;
  kpis.staff_cost_per_day = groups.reduce((a, g) => a + g.costPerDay, 0);
}
