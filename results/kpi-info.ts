/**
 * What each KPI means to a reader: its label, its unit and which way is better. The report's
 * charts, cards and tables and the terminal summary all read this one table, so a KPI is
 * named and formatted the same everywhere. Isomorphic: the CLI and the browser share it.
 */

import type { PairedKpiName, SystemKpiName, UnitMetricName } from '../engine/index.js';

/**
 * How a KPI's value is read. Values are stored in the results file's units (durations in days,
 * shares as fractions); `hours` is a duration stored in days and shown in hours, as a clinician
 * reads a time in the emergency department (5.3 hours, not 0.22 days).
 */
export type KpiKind = 'count' | 'fraction' | 'money' | 'days' | 'hours';

/** Stored value x this = the value shown: fractions as percentages, `hours` from days. */
const DISPLAY_SCALE: Record<KpiKind, number> = { count: 1, fraction: 100, money: 1, days: 1, hours: 24 };

/** A stored value scaled to what is displayed (every table, chart and sentence scales through here). */
export function displayValue(x: number, kind: KpiKind): number {
  return x * DISPLAY_SCALE[kind];
}

/** A displayed value back on the stored scale (a chart's tick). */
export function storedValue(v: number, kind: KpiKind): number {
  return v / DISPLAY_SCALE[kind];
}

export interface KpiInfo {
  label: string;
  /** Column heading in the terminal summary, where the full label would be too wide. */
  short?: string;
  /** Unit as an axis label says it ("beds a day", "% of beds"). */
  unit: string;
  kind: KpiKind;
  /** Which direction is an improvement; null when neither is (e.g. utilisation). */
  better: 'lower' | 'higher' | null;
  /** Noun for a plain-language difference: "−42 delayed beds a day". */
  noun: string;
  /** What the KPI measures for a board: a patient outcome, the flow through services, or cost. */
  class?: KpiClass;
}

export type KpiClass = 'patient outcome' | 'flow' | 'cost';

export const KPI_INFO: { [K in SystemKpiName | PairedKpiName]?: KpiInfo } = {
  journeys: { label: 'Patient journeys', unit: 'patients', kind: 'count', better: null, noun: 'journeys', class: 'flow' },
  time_in_system_mean: {
    label: 'Time in care per journey',
    unit: 'days',
    kind: 'days',
    better: 'lower',
    noun: 'days per journey',
    class: 'patient outcome',
  },
  delayed_bed_days_per_day: {
    label: 'No criteria to reside: bed-days a day (delayed discharges)',
    short: 'NCTR bed-days / day',
    unit: 'acute beds a day',
    kind: 'count',
    better: 'lower',
    noun: 'delayed beds a day',
    class: 'flow',
  },
  delayed_cost_per_day: {
    label: 'Cost of delayed discharges',
    unit: '£ a day',
    kind: 'money',
    better: 'lower',
    noun: 'a day on delayed discharges',
    class: 'cost',
  },
  acute_occupancy: {
    label: 'G&A bed occupancy (acute)',
    short: 'G&A occupancy',
    unit: '% of beds',
    kind: 'fraction',
    better: 'lower',
    noun: 'points of occupancy',
    class: 'flow',
  },
  acute_days_above_92: {
    label: 'Days with G&A occupancy above 92%',
    unit: '% of days',
    kind: 'fraction',
    better: 'lower',
    noun: 'points of days above 92%',
    class: 'flow',
  },
  acute_days_above_95: {
    label: 'Days with G&A occupancy above 95%',
    unit: '% of days',
    kind: 'fraction',
    better: 'lower',
    noun: 'points of days above 95%',
    class: 'flow',
  },
  acute_waiting_mean: {
    label: 'Patients waiting for an acute bed',
    short: 'Waiting for a bed',
    unit: 'patients',
    kind: 'count',
    better: 'lower',
    noun: 'patients waiting for a bed',
    class: 'patient outcome',
  },
  waits_12h_per_day: {
    label: '12-hour waits from arrival to admission',
    short: '12-h waits / day',
    unit: 'patients a day',
    kind: 'count',
    better: 'lower',
    noun: '12-hour waits a day',
    class: 'patient outcome',
  },
  admissions_per_day: {
    label: 'Acute admissions',
    short: 'Acute admissions / day',
    unit: 'admissions a day',
    kind: 'count',
    better: 'lower',
    noun: 'admissions a day',
    class: 'flow',
  },
  ucr_within_2h: {
    label: 'UCR reached within 2 hours (standard: 70%)',
    short: 'UCR within 2 h (70%)',
    unit: '% of referrals',
    kind: 'fraction',
    better: 'higher',
    noun: 'points reached within 2 hours',
    class: 'patient outcome',
  },
  p1_waiting_mean: {
    label: 'Waiting for home care (P1)',
    unit: 'patients',
    kind: 'count',
    better: 'lower',
    noun: 'patients waiting for home care',
    class: 'patient outcome',
  },
  p2_waiting_mean: {
    label: 'Waiting for a rehab bed (P2)',
    unit: 'patients',
    kind: 'count',
    better: 'lower',
    noun: 'patients waiting for a rehab bed',
    class: 'patient outcome',
  },
  p1_utilisation: {
    label: 'Home care (P1) in use',
    unit: '% of packages',
    kind: 'fraction',
    better: null,
    noun: 'points of P1 use',
    class: 'flow',
  },
  p2_utilisation: {
    label: 'Rehab beds (P2) in use',
    unit: '% of beds',
    kind: 'fraction',
    better: null,
    noun: 'points of P2 use',
    class: 'flow',
  },
  cost_per_day: {
    label: 'Cost of care',
    short: 'Cost / day (£)',
    unit: '£ a day',
    kind: 'money',
    better: 'lower',
    noun: 'a day',
    class: 'cost',
  },
  recurrent_cost_per_year: {
    label: 'Recurrent cost a year',
    short: 'Cost / year (£)',
    unit: '£ a year',
    kind: 'money',
    better: 'lower',
    noun: 'a year',
    class: 'cost',
  },
  funded_cost_per_day: {
    label: 'Cost of funded places',
    unit: '£ a day',
    kind: 'money',
    better: 'lower',
    noun: 'a day on funded places',
    class: 'cost',
  },
  one_off_cost: { label: 'One-off cost', unit: '£', kind: 'money', better: 'lower', noun: 'one-off', class: 'cost' },
  double_running_cost: {
    label: 'Double running in the transition',
    unit: '£',
    kind: 'money',
    better: 'lower',
    noun: 'of double running',
    class: 'cost',
  },
  net_cost_per_year: {
    label: 'Net cost a year against the baseline (one-off and double running spread over the plan)',
    short: 'Net cost / year (£)',
    unit: '£ a year',
    kind: 'money',
    better: 'lower',
    noun: 'a year net',
    class: 'cost',
  },
  net_present_value: {
    label: 'Net present value of the saving over the plan',
    short: 'NPV of saving (£)',
    unit: '£',
    kind: 'money',
    better: 'higher',
    noun: 'net present value',
    class: 'cost',
  },
  return_on_investment: {
    label: 'Return on investment (NPV / money put in)',
    short: 'ROI',
    unit: '% of money put in',
    kind: 'fraction',
    better: 'higher',
    noun: 'points of return',
    class: 'cost',
  },
  payback_month: {
    label: 'Month the strategy pays back (replications that pay back within the plan)',
    short: 'Payback month',
    unit: 'months',
    kind: 'count',
    better: 'lower',
    noun: 'months to pay back',
    class: 'cost',
  },
  probability_of_saving: {
    label: 'Probability of saving money over the plan',
    short: 'P(saving)',
    unit: '% of replications',
    kind: 'fraction',
    better: 'higher',
    noun: 'points of probability of saving',
    class: 'cost',
  },
  cost_per_admission_avoided: {
    label: 'Net cost per admission avoided',
    unit: '£ per admission',
    kind: 'money',
    better: 'lower',
    noun: 'per admission avoided',
    class: 'cost',
  },
  cost_per_bed_day_released: {
    label: 'Net cost per delayed bed-day released',
    unit: '£ per bed-day',
    kind: 'money',
    better: 'lower',
    noun: 'per bed-day released',
    class: 'cost',
  },
  cost_per_day_per_1000: {
    label: 'Cost per 1,000 people',
    unit: '£ a day',
    kind: 'money',
    better: 'lower',
    noun: 'a day per 1,000 people',
    class: 'cost',
  },
  // Emergency department (ed-stats.ts) and workforce (staff-metrics.ts).
  ed_4h_share: {
    label: 'ED attendances leaving within 4 hours (standard: 78% in 2025/26 planning, 95% constitutional)',
    short: 'ED within 4 h',
    unit: '% of attendances',
    kind: 'fraction',
    better: 'higher',
    noun: 'points within 4 hours',
    class: 'patient outcome',
  },
  ed_12h_share: {
    label: 'ED patients over 12 hours',
    unit: '% of attendances',
    kind: 'fraction',
    better: 'lower',
    noun: 'points over 12 hours in ED',
    class: 'patient outcome',
  },
  ed_12h_from_arrival_per_day: {
    label: 'More than 12 hours in ED from arrival',
    short: 'ED 12 h from arrival / day',
    unit: 'patients a day',
    kind: 'count',
    better: 'lower',
    noun: '12-hour ED stays a day',
    class: 'patient outcome',
  },
  ed_12h_from_decision_per_day: {
    label: 'More than 12 hours in ED from decision to admit',
    short: 'ED 12 h from decision / day',
    unit: 'patients a day',
    kind: 'count',
    better: 'lower',
    noun: '12-hour trolley waits a day',
    class: 'patient outcome',
  },
  ed_time_in_department_mean: {
    label: 'Time in ED per attendance',
    short: 'Time in ED (hours)',
    unit: 'hours',
    kind: 'hours',
    better: 'lower',
    noun: 'hours in ED',
    class: 'patient outcome',
  },
  ed_attendances_per_day: {
    label: 'ED attendances',
    unit: 'attendances a day',
    kind: 'count',
    better: null,
    noun: 'attendances a day',
    class: 'flow',
  },
  ed_occupancy: {
    label: 'ED spaces in use',
    short: 'ED occupancy',
    unit: '% of spaces',
    kind: 'fraction',
    better: 'lower',
    noun: 'points of ED occupancy',
    class: 'flow',
  },
  ed_waiting_for_bed_mean: {
    label: 'Patients in ED waiting for a bed',
    short: 'ED waiting for a bed',
    unit: 'patients',
    kind: 'count',
    better: 'lower',
    noun: 'patients in ED waiting for a bed',
    class: 'patient outcome',
  },
  staff_cost_per_day: { label: 'Staff cost', unit: '£ a day', kind: 'money', better: 'lower', noun: 'a day on staff', class: 'cost' },
};

/** Info for any KPI name, with a readable fallback for names this table does not know. */
export function kpiInfo(name: string): KpiInfo {
  return (
    (Object.hasOwn(KPI_INFO, name) ? KPI_INFO[name as SystemKpiName | PairedKpiName] : undefined) ?? {
      label: name.replace(/_/g, ' '),
      unit: '',
      kind: 'count',
      better: null,
      noun: name.replace(/_/g, ' '),
    }
  );
}

/** Unit metrics shown in the terminal summary of models without acute roles. */
export const UNIT_METRIC_INFO: { [K in UnitMetricName]?: { short: string; kind: KpiKind } } = {
  occupancy_mean: { short: 'occupancy', kind: 'count' },
  utilisation: { short: 'utilisation', kind: 'fraction' },
  lost_fraction: { short: 'lost', kind: 'fraction' },
  wait_mean: { short: 'wait (days)', kind: 'days' },
  blocked_mean: { short: 'blocked', kind: 'count' },
};
