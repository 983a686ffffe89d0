/**
 * Headline system KPIs of one replication, from unit metrics and unit roles. A KPI that the
 * model cannot answer (no unit with that role) is left out rather than reported as zero.
 *  - delayed_bed_days_per_day: acute places held by patients whose treatment has ended
 *    (waiting for a hand-off, a discharge window or a place downstream), time-averaged;
 *  - acute_occupancy: acute place-days used / available; acute_days_above_92/95: share of
 *    measured days whose mean occupancy exceeded 92% / 95%;
 *  - acute_waiting_mean: patients waiting for an acute bed (queued, or blocked upstream);
 *  - waits_12h_per_day: acute admissions more than 12 hours after arriving at a front unit;
 *  - ucr_within_2h: share of UCR patients reached within the team's target (2 hours);
 *  - cost_per_day: all units; cost_per_day_per_1000: per 1,000 people in the population.
 */
import type { SimState } from './sim-state.js';
import type { ReplicationResult } from './replication-result.js';
import type { CoreKpiName, SystemKpiName, SystemKpis, UNIT_METRICS, UnitMetrics } from './metrics.js';
import type { UnitRole } from './model.js';
import { DAY } from './calendar.js';
import { costKpis, pricesAnything } from './costs.js';

export function systemKpis(s: SimState, r: Pick<ReplicationResult, 'units' | 'population' | 'fractions'>): SystemKpis {
  const m = s.m,
    Tdays = m.horizon / DAY;
  const k: Record<CoreKpiName, number> & Partial<Record<SystemKpiName, number>> = {
    journeys: s.journeys,
    journeys_per_day: s.journeys / Tdays,
    time_in_system_mean: s.journeys > 0 ? s.tisSum / s.journeys / DAY : NaN,
    in_system_mean: s.sysArea / m.horizon,
  };
  const byRole = (role: UnitRole) => m.units.filter((u) => u.role === role).map((u) => r.units[u.name]);
  const sum = (rows: UnitMetrics[], key: (typeof UNIT_METRICS)[number]) => rows.reduce((a, row) => a + row[key], 0);

  const acute = byRole('acute');
  if (acute.length > 0) {
    const capacity = sum(acute, 'capacity_mean');
    k.delayed_bed_days_per_day = sum(acute, 'blocked_mean');
    k.delayed_cost_per_day = sum(acute, 'delayed_cost_per_day');
    k.acute_occupancy = capacity > 0 ? sum(acute, 'occupancy_mean') / capacity : NaN;
    k.acute_waiting_mean = sum(acute, 'waiting_list_mean');
    k.admissions_per_day = sum(acute, 'admitted_per_day');
    k.waits_12h_per_day = s.waits12h / Tdays;
    const [above92, above95] = daysAbove(s, [0.92, 0.95]);
    k.acute_days_above_92 = above92;
    k.acute_days_above_95 = above95;
  }
  const ucr = byRole('ucr');
  if (ucr.length > 0) {
    let within = 0,
      resolved = 0;
    m.units.forEach((u, i) => {
      if (u.role !== 'ucr') return;
      within += s.stats.withinTarget[i];
      resolved += s.stats.admitted[i] + s.stats.reneged[i];
    });
    k.ucr_within_2h = resolved > 0 ? within / resolved : NaN;
    if (r.fractions) r.fractions.kpis.ucr_within_2h = [within, resolved];
  }
  for (const role of ['p1', 'p2'] as const) {
    const rows = byRole(role);
    if (rows.length === 0) continue;
    const capacity = sum(rows, 'capacity_mean');
    k[`${role}_waiting_mean`] = sum(rows, 'waiting_list_mean');
    k[`${role}_utilisation`] = capacity > 0 ? sum(rows, 'occupancy_mean') / capacity : NaN;
  }
  // Assigned, not spread: the key order is the order of metrics.ts and of the results file.
  const out = Object.assign(k, { cost_per_day: m.units.reduce((a, u) => a + r.units[u.name].cost_per_day, 0) });
  if (r.population) {
    const people = Object.values(r.population).reduce((a, c) => a + c.people_mean, 0);
    if (people > 0) out.cost_per_day_per_1000 = (out.cost_per_day * 1000) / people;
  }
  if (pricesAnything(m))
    Object.assign(
      out,
      costKpis(
        m,
        out.cost_per_day,
        m.units.reduce((a, u) => a + (r.units[u.name].funded_cost_per_day ?? 0), 0),
      ),
    );
  return out;
}

/** Share of whole measured days on which acute occupancy exceeded each threshold. */
function daysAbove(s: SimState, thresholds: number[]): number[] {
  const counts = countDaysAbove(s, thresholds);
  const days = counts[thresholds.length];
  return thresholds.map((_, i) => (days > 0 ? counts[i] / days : NaN));
}

/**
 * Per threshold, the whole measured days above it; the last entry counts all of them.
 * PERF: the day loop is a function of its own that touches nothing after the loop: V8
 * compiles such a loop while it runs (on-stack replacement), and any code after it that had
 * not run yet deoptimised the compiled loop at the end of every replication.
 */
function countDaysAbove(s: SimState, thresholds: number[]): Float64Array {
  const first = Math.ceil(s.m.warmup / DAY),
    st = s.stats,
    T = thresholds.length;
  const counts = new Float64Array(T + 1);
  for (let d = first; d < s.days && (d + 1) * DAY <= s.end; d++) {
    let occ = 0,
      cap = 0;
    for (let u = 0; u < s.U; u++) {
      if (!s.units.isAcute[u]) continue;
      occ += st.dayOcc[d * s.U + u];
      cap += st.dayCap[d * s.U + u];
    }
    counts[T]++;
    for (let i = 0; i < T; i++) if (cap > 0 && occ / cap > thresholds[i]) counts[i]++;
  }
  return counts;
}
