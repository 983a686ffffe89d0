/** Costs by service, per day of the measured period. */
import type { Results } from '../../results/index.js';
import { barChart } from '../charts/bars.js';
import { unitMetricBars } from '../data.js';
import { strategyLabel, unitLabel } from '../labels.js';
import { section } from './section.js';

export function costsSection(root: HTMLElement, r: Results, colourOf: (s: string) => number): void {
  const costs = unitMetricBars(r, 'cost_per_day');
  if (costs.length === 0) return;
  const s = section(
    root,
    'costs',
    'Costs by service',
    'Cost of funded places (paid whether used or not), occupied places (delayed nights at their own rate) and contacts, per day of the measured period.',
  );
  barChart(s, costs, {
    id: 'costs',
    width: 900,
    title: 'Cost per day by service',
    axis: 'Pounds a day',
    kind: 'money',
    colourOf,
    strategyLabel: (x) => strategyLabel(r, x),
    groupLabel: (u) => unitLabel(r, u),
  });
}
