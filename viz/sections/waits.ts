/** Waits and queues: waiting lists by what patients wait for, waits by service, places held by people ready to leave, and UCR against its 2-hour standard. */
import { type Results, type SystemKpiName, kpiInfo } from '../../results/index.js';
import { barChart } from '../charts/bars.js';
import { kpiBars, unitMetricBars } from '../data.js';
import { strategyLabel, unitLabel } from '../labels.js';
import { chartGrid, section } from './section.js';

const WAITING_LABELS: Record<string, string> = {
  acute_waiting_mean: 'for an acute bed',
  p1_waiting_mean: 'for home care (P1)',
  p2_waiting_mean: 'for a rehab bed (P2)',
};

export function waitsSection(root: HTMLElement, r: Results, colourOf: (s: string) => number): void {
  const waits = section(
    root,
    'waits',
    'Waits and queues',
    'Bars: the average; black whiskers: its 95% CI; grey bands, where shown: the 10th to 90th percentile of simulated years.',
  );
  const grid = chartGrid(waits);
  const sLabel = (s: string) => strategyLabel(r, s);
  const uLabel = (u: string) => unitLabel(r, u);
  // One row per strategy: the standard is read against each strategy's own bar.
  const ucr = kpiBars(r, ['ucr_within_2h']).map((row) => ({ ...row, group: row.strategy }));
  if (ucr.length > 0) {
    barChart(grid, ucr, {
      id: 'ucr-standard',
      title: 'Urgent community response reached within 2 hours, against the 70% standard',
      axis: 'Share of referrals reached within 2 hours',
      kind: 'fraction',
      colourOf,
      strategyLabel: sLabel,
      groupLabel: sLabel,
      refs: [{ value: 0.7, label: '70% standard' }],
    });
  }
  const waitingKpis: SystemKpiName[] = ['acute_waiting_mean', 'p1_waiting_mean', 'p2_waiting_mean'];
  const lists = kpiBars(r, waitingKpis, (k) => k);
  if (lists.length > 0) {
    barChart(grid, lists, {
      id: 'waiting-lists',
      title: 'Patients waiting on an average day, by what they wait for',
      axis: 'Patients waiting',
      kind: 'count',
      colourOf,
      strategyLabel: sLabel,
      groupLabel: (k) => WAITING_LABELS[k] ?? kpiInfo(k).label,
    });
  }
  const waitHours = unitMetricBars(r, 'wait_mean', undefined, 24);
  if (waitHours.length > 0) {
    barChart(grid, waitHours, {
      id: 'wait-hours',
      title: 'Average wait for a place, by service',
      axis: 'Hours waiting (average over patients)',
      kind: 'count',
      colourOf,
      strategyLabel: sLabel,
      groupLabel: uLabel,
    });
  }
  const blocked = unitMetricBars(r, 'blocked_mean');
  if (blocked.length > 0) {
    barChart(grid, blocked, {
      id: 'blocked',
      title: 'Places held by patients ready to leave',
      axis: 'Places (average over time)',
      kind: 'count',
      colourOf,
      strategyLabel: sLabel,
      groupLabel: uLabel,
    });
  }
}
