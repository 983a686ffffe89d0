/**
 * What each KPI means to a reader: its label, its unit and which way is better. The report's
 * charts, cards and tables and the terminal summary all read this one table, so a KPI is
 * named and formatted the same everywhere. Isomorphic: the CLI and the browser share it.
 */

import type { SystemKpiName, UnitMetricName } from '../engine/index.js';

export type KpiKind = 'count' | 'fraction' | 'money' | 'days';

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
}

export const KPI_INFO: { [K in SystemKpiName]?: KpiInfo } = {
  journeys: { label: 'Patient journeys', unit: 'patients', kind: 'count', better: null, noun: 'journeys' },
  time_in_system_mean: { label: 'Time in care per journey', unit: 'days', kind: 'days', better: 'lower', noun: 'days per journey' },
  delayed_bed_days_per_day: { label: 'Delayed discharges', short: 'Delayed bed-days / day', unit: 'acute beds a day', kind: 'count', better: 'lower', noun: 'delayed beds a day' },
  delayed_cost_per_day: { label: 'Cost of delayed discharges', unit: '£ a day', kind: 'money', better: 'lower', noun: 'a day on delayed discharges' },
  acute_occupancy: { label: 'Acute bed occupancy', short: 'Acute occupancy', unit: '% of beds', kind: 'fraction', better: 'lower', noun: 'points of occupancy' },
  acute_days_above_92: { label: 'Days above 92% occupancy', unit: '% of days', kind: 'fraction', better: 'lower', noun: 'points of days above 92%' },
  acute_days_above_95: { label: 'Days above 95% occupancy', unit: '% of days', kind: 'fraction', better: 'lower', noun: 'points of days above 95%' },
  acute_waiting_mean: { label: 'Patients waiting for an acute bed', unit: 'patients', kind: 'count', better: 'lower', noun: 'patients waiting for a bed' },
  waits_12h_per_day: { label: '12-hour waits for admission', unit: 'patients a day', kind: 'count', better: 'lower', noun: '12-hour waits a day' },
  admissions_per_day: { label: 'Acute admissions', short: 'Acute admissions / day', unit: 'admissions a day', kind: 'count', better: 'lower', noun: 'admissions a day' },
  ucr_within_2h: { label: 'UCR reached within 2 hours', short: 'UCR reached within 2 h', unit: '% of referrals', kind: 'fraction', better: 'higher', noun: 'points reached within 2 hours' },
  p1_waiting_mean: { label: 'Waiting for home care (P1)', unit: 'patients', kind: 'count', better: 'lower', noun: 'patients waiting for home care' },
  p2_waiting_mean: { label: 'Waiting for a rehab bed (P2)', unit: 'patients', kind: 'count', better: 'lower', noun: 'patients waiting for a rehab bed' },
  p1_utilisation: { label: 'Home care (P1) in use', unit: '% of packages', kind: 'fraction', better: null, noun: 'points of P1 use' },
  p2_utilisation: { label: 'Rehab beds (P2) in use', unit: '% of beds', kind: 'fraction', better: null, noun: 'points of P2 use' },
  cost_per_day: { label: 'Cost of care', short: 'Cost / day (£)', unit: '£ a day', kind: 'money', better: 'lower', noun: 'a day' },
  cost_per_day_per_1000: { label: 'Cost per 1,000 people', unit: '£ a day', kind: 'money', better: 'lower', noun: 'a day per 1,000 people' },
  // Emergency department (ed-stats.ts) and workforce (staff-metrics.ts).
  ed_4h_share: { label: 'ED patients within 4 hours', short: 'ED within 4 h', unit: '% of attendances', kind: 'fraction', better: 'higher', noun: 'points within 4 hours' },
  ed_12h_share: { label: 'ED patients over 12 hours', unit: '% of attendances', kind: 'fraction', better: 'lower', noun: 'points over 12 hours in ED' },
  ed_12h_from_arrival_per_day: { label: '12 hours in ED from arrival', unit: 'patients a day', kind: 'count', better: 'lower', noun: '12-hour ED stays a day' },
  ed_12h_from_decision_per_day: { label: '12-hour waits from decision to admit', unit: 'patients a day', kind: 'count', better: 'lower', noun: '12-hour trolley waits a day' },
  ed_time_in_department_mean: { label: 'Time in ED', unit: 'days', kind: 'days', better: 'lower', noun: 'days in ED' },
  ed_attendances_per_day: { label: 'ED attendances', unit: 'attendances a day', kind: 'count', better: null, noun: 'attendances a day' },
  ed_occupancy: { label: 'ED occupancy', unit: '% of spaces', kind: 'fraction', better: 'lower', noun: 'points of ED occupancy' },
  ed_waiting_for_bed_mean: { label: 'Patients in ED waiting for a bed', unit: 'patients', kind: 'count', better: 'lower', noun: 'patients in ED waiting for a bed' },
  staff_cost_per_day: { label: 'Staff cost', unit: '£ a day', kind: 'money', better: 'lower', noun: 'a day on staff' },
};

/** Info for any KPI name, with a readable fallback for names this table does not know. */
export function kpiInfo(name: string): KpiInfo {
  return (Object.hasOwn(KPI_INFO, name) ? KPI_INFO[name as SystemKpiName] : undefined) ?? { label: name.replace(/_/g, ' '), unit: '', kind: 'count', better: null, noun: name.replace(/_/g, ' ') };
}

/** Unit metrics shown in the terminal summary of models without acute roles. */
export const UNIT_METRIC_INFO: { [K in UnitMetricName]?: { short: string; kind: KpiKind } } = {
  occupancy_mean: { short: 'occupancy', kind: 'count' },
  utilisation: { short: 'utilisation', kind: 'fraction' },
  lost_fraction: { short: 'lost', kind: 'fraction' },
  wait_mean: { short: 'wait (days)', kind: 'days' },
  blocked_mean: { short: 'blocked', kind: 'count' },
};
