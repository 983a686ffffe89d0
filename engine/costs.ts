/**
 * Cost KPIs of one replication. A funded place is paid whether it is used or not, so its
 * cost follows capacity over time (rosters, winter beds, dated changes): the integral of
 * capacity, which the unit statistics already hold for utilisation. Occupied, delayed and
 * contact costs follow use (engine/collect.ts).
 */
import type { Model, Unit } from './model.js';

/** Whether the model prices anything; cost KPIs are left out of a model that does not. */
export function pricesAnything(m: Model): boolean {
  return (
    (m.economics?.oneOff ?? 0) > 0 ||
    m.units.some(
      (u) => u.cost > 0 || u.costDelayed > 0 || u.costContact > 0 || (u.costPlace ?? 0) > 0 || (u.staffing?.hourCostPerPlaceDay ?? 0) > 0,
    ) ||
    (m.staff ?? []).some((g) => g.costPerDay > 0)
  );
}

/** Cost of the funded places per day: capacity-minutes x cost per place-day / measured minutes. */
export function fundedCostPerDay(u: Unit, capArea: number, horizon: number): number {
  return ((u.costPlace ?? 0) * capArea) / horizon;
}

/**
 * Home care bought by the hour (a unit's `staff.hourly_rate`): care hours delivered a day x
 * the price of a care hour. Per occupied place-day that is visits x (visit + travel) x the
 * hourly rate, the same as visits x visit x rate x (visit + travel) / visit: travel is paid,
 * so short calls cost more per hour of care and cutting travel cuts the price. Charged on
 * the packages the staff give (capacity over time): the hours the providers' carers are
 * booked for, paid whether or not every package is in use, like a funded place.
 */
export function hourCostPerDay(u: Unit, capArea: number, horizon: number): number {
  const c = u.staffing?.hourCostPerPlaceDay ?? 0;
  return c > 0 ? (c * capArea) / horizon : 0;
}

/**
 * Mean funded places over the measured window [from, to): the unit's own capacity or
 * schedule. For a unit whose places come from staff the capacity the engine runs with falls
 * with vacancies and sickness, but the places are funded all the same, so their cost follows
 * this, not the staffed capacity.
 */
export function fundedPlacesMean(u: Unit, from: number, to: number): number {
  const sch = u.schedule;
  if (!sch || sch.at.length === 0) return u.capacity;
  let area = 0;
  for (let i = 0; i < sch.at.length; i++) {
    // Place count i holds from at[i] (the first from the start) until the next change.
    const a = Math.max(from, i === 0 ? -Infinity : sch.at[i]);
    const b = Math.min(to, i + 1 < sch.at.length ? sch.at[i + 1] : Infinity);
    if (b > a) area += sch.cap[i] * (b - a);
  }
  return area / (to - from);
}

/** System cost KPIs from the total cost per day (all units) and the strategy's one-off cost. */
export function costKpis(m: Model, costPerDay: number, fundedPerDay: number): Record<string, number> {
  return {
    recurrent_cost_per_year: costPerDay * 365,
    one_off_cost: m.economics?.oneOff ?? 0,
    funded_cost_per_day: fundedPerDay,
  };
}
