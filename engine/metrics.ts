/**
 * The names of what one replication measures (ARCHITECTURE §6): unit metrics and system KPIs.
 * The engine produces them, the results module summarises them and the CLI and the report
 * read them, all through these lists, so a misspelt name does not compile. The names live
 * with their producer so that `results/` reads the engine and never the reverse.
 *
 * Order matters: a replication lists its metrics in this order, and the summariser keeps the
 * order of first appearance, which is the order of the results file.
 */

/** Metrics every unit has, in the order a replication gives them. */
export const UNIT_METRICS = [
  'arrivals_per_day',
  'admitted_per_day',
  'lost_fraction',
  'wait_mean',
  'wait_p95',
  'p_wait',
  'queue_mean',
  'occupancy_mean',
  'utilisation',
  'blocked_mean',
  'p_full',
  'los_mean',
  'waiting_list_mean',
  'capacity_mean',
  'cost_per_day',
  'delayed_cost_per_day',
] as const;

/** Metrics only `team` units have (response target and patience), after the others. */
export const TEAM_METRICS = ['within_target', 'reneged_fraction'] as const;

/** Metrics only units that draw their places from staff have (staff-metrics.ts). */
export const STAFF_METRICS = [
  'staff_wte_mean',
  'staff_hours_per_day',
  'contact_hours_per_day',
  'staff_utilisation',
  'places_lost_per_day',
  'staff_cost_per_day',
] as const;

/** Metrics only units with a cost per funded place have (engine/costs.ts). */
export const COST_METRICS = ['funded_cost_per_day'] as const;

type OptionalUnitMetric = (typeof TEAM_METRICS)[number] | (typeof STAFF_METRICS)[number] | (typeof COST_METRICS)[number];

export type UnitMetricName = (typeof UNIT_METRICS)[number] | OptionalUnitMetric;

/** One unit's metrics in one replication; NaN where a metric is not defined (ARCHITECTURE §6). */
export type UnitMetrics = Record<(typeof UNIT_METRICS)[number], number> & Partial<Record<OptionalUnitMetric, number>>;

/**
 * Every system KPI a replication can give, in its order (see engine/kpis.ts for definitions).
 * A KPI the model cannot answer (no unit with its role, no population) is left out, not zero.
 * Written out in full rather than spread from sub-lists: a bundler keeps a spread (it may run
 * an iterator) in every bundle that imports this module, the report's included.
 */
export const SYSTEM_KPIS = [
  'journeys',
  'journeys_per_day',
  'time_in_system_mean',
  'in_system_mean',
  // Models with an acute-role unit:
  'delayed_bed_days_per_day',
  'delayed_cost_per_day',
  'acute_occupancy',
  'acute_waiting_mean',
  'admissions_per_day',
  'waits_12h_per_day',
  'acute_days_above_92',
  'acute_days_above_95',
  // A UCR-role unit; P1-, P2-role units:
  'ucr_within_2h',
  'p1_waiting_mean',
  'p1_utilisation',
  'p2_waiting_mean',
  'p2_utilisation',
  'cost_per_day',
  // Models with a population:
  'cost_per_day_per_1000',
  // Models that price something (engine/costs.ts):
  'recurrent_cost_per_year',
  'one_off_cost',
  'funded_cost_per_day',
  // Models with staff groups (staff-metrics.ts):
  'staff_cost_per_day',
  // Models with an ED-role unit (ed-stats.ts):
  'ed_attendances_per_day',
  'ed_4h_share',
  'ed_12h_share',
  'ed_12h_from_arrival_per_day',
  'ed_12h_from_decision_per_day',
  'ed_time_in_department_mean',
  'ed_occupancy',
  'ed_waiting_for_bed_mean',
] as const;

/** KPIs of a strategy against the baseline, paired per replication (results/appraisal/paired.ts): only in `differences`. */
export const PAIRED_KPIS = [
  'double_running_cost',
  'net_cost_per_year',
  'net_present_value',
  'return_on_investment',
  'payback_month',
  'probability_of_saving',
  'cost_per_admission_avoided',
  'cost_per_bed_day_released',
] as const;

export type PairedKpiName = (typeof PAIRED_KPIS)[number];

export type SystemKpiName = (typeof SYSTEM_KPIS)[number];

/** KPIs every model answers (the first four, and cost_per_day last but one). */
export type CoreKpiName = Extract<SystemKpiName, 'journeys' | 'journeys_per_day' | 'time_in_system_mean' | 'in_system_mean'>;

/** A replication's KPIs: the core ones and cost always, the others when the model answers them. */
export type SystemKpis = Record<CoreKpiName | 'cost_per_day', number> & Partial<Record<SystemKpiName, number>>;
