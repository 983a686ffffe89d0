/** Population: crises, admissions and bed-days per 1,000 people of each cohort a year. */
import type { Results } from '../../results/index.js';
import { barChart } from '../charts/bars.js';
import { cohortBars } from '../data.js';
import { cohortLabel, strategyLabel } from '../labels.js';
import { chartGrid, section } from './section.js';

const CHARTS = [
  ['crises_per_1000_per_year', 'cohort-crises', 'Crises per 1,000 people a year'],
  ['admissions_per_1000_per_year', 'cohort-admissions', 'Acute admissions per 1,000 people a year'],
  ['bed_days_per_1000_per_year', 'cohort-bed-days', 'Bed-days per 1,000 people a year'],
] as const;

export function populationSection(root: HTMLElement, r: Results, colourOf: (s: string) => number): void {
  if (cohortBars(r, 'admissions_per_1000_per_year').length === 0) return;
  const s = section(
    root,
    'population',
    'Population: who uses the beds',
    'Rates per 1,000 people in each cohort per year of the measured period; proactive care shows here first.',
  );
  const g = chartGrid(s);
  for (const [metric, id, title] of CHARTS) {
    barChart(g, cohortBars(r, metric), {
      id,
      title,
      axis: title,
      kind: 'count',
      colourOf,
      strategyLabel: (x) => strategyLabel(r, x),
      groupLabel: (c) => cohortLabel(r, c),
    });
  }
}
