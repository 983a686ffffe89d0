/**
 * Turns the accumulators of a finished replication into its result: unit metrics named as
 * in ARCHITECTURE §6 (durations in days), daily series, exits, cohorts, then the KPIs.
 */
import type { SimState } from './sim-state.js';
import type { ReplicationResult, DailySeries, CohortOutcome, Fraction, Fractions } from './replication-result.js';
import type { UnitMetricName, UnitMetrics } from './metrics.js';
import { DAY } from './calendar.js';
import { systemKpis } from './kpis.js';
import { staffUnitMetrics, staffKpis } from './staff-metrics.js';
import { edKpis } from './ed-stats.js';
import { fundedCostPerDay, fundedPlacesMean, hourCostPerDay } from './costs.js';
import { flowList, insideList } from './flow-counts.js';

const ratio = (a: number, b: number) => (b > 0 ? a / b : NaN);

export function collect(s: SimState, replication: number): ReplicationResult {
  const m = s.m,
    st = s.stats;
  const T = m.horizon,
    Tdays = T / DAY;
  const units: Record<string, UnitMetrics> = {};
  const daily: Record<string, DailySeries> = {};
  const fractions: Fractions = { units: {}, kpis: {} };
  for (let u = 0; u < s.U; u++) {
    const spec = m.units[u];
    const limited = Number.isFinite(st.capArea[u]);
    const delayedCost = st.blockedArea[u] * spec.costDelayed;
    const placeCost = (st.occArea[u] - st.blockedArea[u]) * spec.cost;
    // In the order of UNIT_METRICS (metrics.ts): it is the order of the results file.
    const metrics: UnitMetrics = {
      arrivals_per_day: st.arrivals[u] / Tdays,
      admitted_per_day: st.admitted[u] / Tdays,
      lost_fraction: ratio(st.lost[u], st.arrivals[u]),
      wait_mean: ratio(st.waitSum[u], st.admitted[u]) / DAY,
      wait_p95: st.waitQuantile(u, 0.95) / DAY,
      p_wait: ratio(st.waited[u], st.admitted[u]),
      queue_mean: st.queueArea[u] / T,
      occupancy_mean: st.occArea[u] / T,
      utilisation: limited ? ratio(st.occArea[u], st.capArea[u]) : NaN,
      blocked_mean: st.blockedArea[u] / T,
      p_full: st.fullTime[u] / T,
      los_mean: ratio(st.losSum[u], st.departures[u]) / DAY,
      waiting_list_mean: st.listArea[u] / T,
      capacity_mean: limited ? st.capArea[u] / T : NaN,
      cost_per_day: (placeCost + delayedCost) / T + (st.admitted[u] * spec.costContact) / Tdays,
      delayed_cost_per_day: delayedCost / T,
    };
    // Staff are paid whether or not they are off sick or their places are used: the unit's
    // share of its group's pay is a funded cost of the unit, like a funded place.
    const staffCost = spec.staffing ? spec.staffing.share * m.staff![spec.staffing.group].costPerDay : 0;
    // Home care bought by the hour: the care hours of the staffed packages x the price a care hour (engine/costs.ts).
    const hourCost = limited ? hourCostPerDay(spec, st.capArea[u], T) : 0;
    if (spec.costPlace || staffCost || hourCost) {
      const fundedPlaces =
        !limited || !spec.costPlace
          ? 0
          : spec.staffing
            ? spec.costPlace * fundedPlacesMean(spec, m.warmup, m.warmup + T)
            : fundedCostPerDay(spec, st.capArea[u], T);
      metrics.funded_cost_per_day = fundedPlaces + staffCost + hourCost;
      metrics.cost_per_day += metrics.funded_cost_per_day;
    }
    const shares: Partial<Record<UnitMetricName, Fraction>> = {
      lost_fraction: [st.lost[u], st.arrivals[u]],
      p_wait: [st.waited[u], st.admitted[u]],
    };
    if (spec.kind === 'team') {
      const resolved = st.admitted[u] + st.reneged[u];
      metrics.within_target = ratio(st.withinTarget[u], resolved);
      metrics.reneged_fraction = ratio(st.reneged[u], resolved);
      shares.within_target = [st.withinTarget[u], resolved];
      shares.reneged_fraction = [st.reneged[u], resolved];
    }
    staffUnitMetrics(s, u, metrics);
    units[spec.name] = metrics;
    fractions.units[spec.name] = shares;
    if (m.daily) daily[spec.name] = dailySeries(s, u);
  }
  const exits: Record<string, number> = {};
  m.exits.forEach((name, e) => {
    exits[name] = s.exitCount[e];
  });
  const population = m.population ? cohortOutcomes(s) : null;
  const kpis = systemKpis(s, { units, population, fractions });
  staffKpis(s, kpis);
  edKpis(s, kpis, units, fractions);
  return {
    replication,
    events: s.events,
    horizonDays: Tdays,
    warmupDays: m.warmup / DAY,
    units,
    kpis,
    exits,
    daily,
    population,
    fractions,
    conservation: { entered: s.entered, left: s.left, inSystem: s.pts.live },
    flows: flowList(m, s.flows),
    inside: insideList(m, s.flows),
    ...(m.economics ? { economics: m.economics } : {}),
  };
}

/** Series arrays of results already sent away (see recycleSeries), for the next results in this thread. */
const spareSeries: Float64Array[] = [];
const SPARE_SERIES = 4096;

/** A series of n days: every day is written by the caller, so a recycled array serves as a new one. */
function series(n: number): Float64Array {
  while (spareSeries.length > 0) {
    const a = spareSeries.pop()!;
    if (a.length === n) return a;
  }
  return new Float64Array(n);
}

/**
 * PERF: a result's daily series once it has been copied away (posted to another thread) and
 * will never be read here again, for the next replication to write into instead of allocating
 * them: a quarter of a megabyte a replication for three units over 2,000 days.
 */
export function recycleSeries(r: ReplicationResult): void {
  const keep = (a: Float64Array) => {
    if (spareSeries.length < SPARE_SERIES) spareSeries.push(a);
  };
  for (const d of Object.values(r.daily)) for (const a of Object.values(d) as Float64Array[]) keep(a);
  if (r.population) for (const c of Object.values(r.population)) keep(c.people);
}

function dailySeries(s: SimState, u: number): DailySeries {
  const st = s.stats,
    U = s.U;
  const n = s.days;
  const out: DailySeries = {
    occupancy: series(n),
    blocked: series(n),
    queue: series(n),
    capacity: series(n),
    admissions: series(n),
  };
  for (let d = 0; d < n; d++) {
    const len = Math.min(DAY, s.end - d * DAY);
    const k = d * U + u;
    out.occupancy[d] = st.dayOcc[k] / len;
    out.blocked[d] = st.dayBlocked[k] / len;
    out.queue[d] = st.dayQueue[k] / len;
    out.capacity[d] = st.dayCap[k] / len;
    // A count per day; a last part-day is scaled to a whole day like the areas above.
    out.admissions[d] = (st.dayAdmitted[k] * DAY) / len;
  }
  return out;
}

function cohortOutcomes(s: SimState): Record<string, CohortOutcome> {
  const out: Record<string, CohortOutcome> = {};
  const measuredDays = s.m.horizon / DAY,
    cohorts = s.cohorts;
  s.m.cohorts.forEach((co, c) => {
    const people = series(s.days);
    for (let d = 0; d < s.days; d++) people[d] = cohorts.peopleDaily[d * s.C + c];
    const personDays = cohorts.peopleDays[c];
    const inSystemDays = cohorts.systemArea[c] / DAY;
    out[co.name] = {
      people,
      crises: cohorts.crises[c],
      admissions: cohorts.admissions[c],
      bed_days: cohorts.bedArea[c] / DAY,
      days_at_home_per_person_year: personDays > 0 ? (365 * (personDays - inSystemDays)) / personDays : NaN,
      people_mean: personDays / measuredDays,
      flows: {
        start: co.people,
        growth: cohorts.flows.growth[c],
        deaths: cohorts.flows.deaths[c],
        pathway_deaths: cohorts.flows.pathwayDeaths[c],
        moved_in: cohorts.flows.movedIn[c],
        moved_out: cohorts.flows.movedOut[c],
        end: cohorts.people[c],
      },
    };
  });
  return out;
}
