/**
 * The names an `optimise:` objective or target may read: system KPIs and unit metrics of one
 * replication (engine/kpis.ts, engine/collect.ts).
 */
import { KPI_INFO } from '../engine/kpi-info.js';

export const UNIT_METRICS = [
  'arrivals_per_day', 'admitted_per_day', 'lost_fraction', 'wait_mean', 'wait_p95', 'p_wait', 'queue_mean',
  'occupancy_mean', 'utilisation', 'blocked_mean', 'p_full', 'los_mean', 'waiting_list_mean', 'capacity_mean',
  'cost_per_day', 'delayed_cost_per_day', 'within_target', 'reneged_fraction',
] as const;

export const KPI_NAMES: readonly string[] = [...Object.keys(KPI_INFO), 'journeys_per_day', 'in_system_mean'];
