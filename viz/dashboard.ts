/**
 * The whole board dashboard from one results file: headline cards, the comparison with
 * baseline, occupancy through time, waits, costs, the sweep and the methods. Shared by
 * the offline report and the live viewer, so both read the same way.
 */
import { select } from 'd3';
import { type Results, type SystemKpiName, HEADLINE_KPIS, kpiInfo } from '../results/index.js';
import { headlineSection } from './cards.js';
import { barChart } from './charts/bars.js';
import { compareChart } from './charts/compare.js';
import { fanChart } from './charts/fan.js';
import { sweepChart } from './charts/sweep.js';
import {
  cohortBars,
  dailyUnits,
  differenceRows,
  fanData,
  kpiBars,
  mainStrategies,
  strategyNames,
  sweepPoints,
  unitMetricBars,
} from './data.js';
import { methodsSection } from './methods.js';
import { globalSensitivitySection } from './global-sensitivity-section.js';
import { sensitivitySection } from './sensitivity-section.js';
import { optimiseSection } from './optimise-section.js';
import { warningsSection } from './warnings.js';

const WAITING_LABELS: Record<string, string> = {
  acute_waiting_mean: 'for an acute bed',
  p1_waiting_mean: 'for home care (P1)',
  p2_waiting_mean: 'for a rehab bed (P2)',
};

function section(root: HTMLElement, id: string, title: string, intro: string): HTMLElement {
  const s = select(root).append('section').attr('class', 'block').attr('id', id);
  s.append('h2').text(title);
  if (intro) s.append('p').attr('class', 'intro').text(intro);
  return s.node()!;
}

/**
 * Seven overlaid strategies with a weekly cycle are unreadable: the fan charts show
 * baseline and one chosen strategy (or all). Every series stays drawn and bound to its data;
 * the choice only hides the others.
 */
function strategyPicker(section: HTMLElement, others: string[]): void {
  const sec = select(section);
  const label = sec.append('label').attr('class', 'picker');
  label.append('span').text('Compare baseline with: ');
  const apply = (choice: string) =>
    sec.selectAll<HTMLElement, unknown>('.series, .legend li[data-strategy]').each(function () {
      const s = this.getAttribute('data-strategy');
      this.style.display = choice === '*' || s === 'baseline' || s === choice ? '' : 'none';
    });
  const sel = label
    .append('select')
    .attr('class', 'strategy-picker')
    .on('change', function () {
      apply(this.value);
    });
  sel
    .selectAll('option')
    .data([...others, '*'])
    .join('option')
    .attr('value', (d) => d)
    .text((d) => (d === '*' ? 'all strategies' : d));
  // Applied once the charts exist (they are drawn right after this control).
  queueMicrotask(() => apply(others[0]));
}

export function renderDashboard(root: HTMLElement, r: Results): void {
  const names = strategyNames(r);
  const colourOf = (s: string) => Math.max(0, names.indexOf(s));
  const header = select(root).append('header').attr('class', 'report-header');
  header.append('h1').text(r.scenario.name);
  header
    .append('p')
    .attr('class', 'subtitle')
    .text(
      `${names.length} ${names.length === 1 ? 'strategy' : 'strategies'}, ${r.replications} replications each, ` +
        `${r.horizon_days} days measured from ${r.start_date} after a ${r.warmup_days}-day warm-up.`,
    );
  header
    .append('p')
    .attr('class', 'how-to-read')
    .text(
      'Each number is the average over replications of the measured period; the 95% confidence interval (CI) shows how sure the simulation is. ' +
        'Differences are paired: every strategy faced the same simulated crises as baseline, so a CI that excludes zero is a real effect of the strategy in this model.',
    );

  warningsSection(root, r);
  headlineSection(section(root, 'headline', 'Headline results', ''), r, colourOf);

  const diffs = differenceRows(r);
  if (diffs.length > 0) {
    compareChart(
      section(
        root,
        'comparison',
        'Strategies against baseline',
        'Dots right of the line mean more of the measure than baseline. Blue: better; vermillion: worse; grey: no clear difference.',
      ),
      diffs,
    );
  }

  const units = dailyUnits(r);
  if (units.length > 0) {
    const s = section(
      root,
      'occupancy',
      'Places in use through the year',
      'Line: mean across replications; shading: 5% to 95% of replications; grey area: warm-up, run before measuring starts and left out of every number.',
    );
    const main = mainStrategies(r);
    if (main.length > 2) strategyPicker(s, main.slice(1));
    const grid = select(s).append('div').attr('class', 'chart-grid').node()!;
    for (const u of units) {
      const d = fanData(r, u);
      // A unit nobody used in any strategy (e.g. a service switched off) is an empty chart.
      if (d.series.some((s) => s.points.some((p) => p.mean > 0))) fanChart(grid, d, { startDate: r.start_date, colourOf });
    }
  }

  const waits = section(root, 'waits', 'Waits and queues', 'Bars: mean; whiskers: 95% CI.');
  const grid = select(waits).append('div').attr('class', 'chart-grid').node()!;
  const waitingKpis: SystemKpiName[] = ['acute_waiting_mean', 'p1_waiting_mean', 'p2_waiting_mean'];
  const lists = kpiBars(r, waitingKpis, (k) => k);
  if (lists.length > 0) {
    barChart(grid, lists, {
      id: 'waiting-lists',
      title: 'Patients waiting on an average day, by what they wait for',
      axis: 'Patients waiting',
      kind: 'count',
      colourOf,
      groupLabel: (k) => WAITING_LABELS[k] ?? kpiInfo(k).label,
    });
  }
  const waitHours = unitMetricBars(r, 'wait_mean', undefined, 24);
  if (waitHours.length > 0) {
    barChart(grid, waitHours, {
      id: 'wait-hours',
      title: 'Mean wait for a place, by service',
      axis: 'Hours waiting (mean over patients)',
      kind: 'count',
      colourOf,
    });
  }
  const blocked = unitMetricBars(r, 'blocked_mean');
  if (blocked.length > 0) {
    barChart(grid, blocked, {
      id: 'blocked',
      title: 'Places held by patients ready to leave',
      axis: 'Places (time-average)',
      kind: 'count',
      colourOf,
    });
  }

  const costs = unitMetricBars(r, 'cost_per_day');
  if (costs.length > 0) {
    const s = section(
      root,
      'costs',
      'Costs by service',
      'Cost of funded places (paid whether used or not), occupied places (delayed nights at their own rate) and contacts, per day of the measured period.',
    );
    barChart(s, costs, { id: 'costs', width: 900, title: 'Cost per day by service', axis: 'Pounds a day', kind: 'money', colourOf });
  }

  const admissions = cohortBars(r, 'admissions_per_1000_per_year');
  if (admissions.length > 0) {
    const s = section(
      root,
      'population',
      'Population: who uses the beds',
      'Rates per 1,000 people in each cohort per year of the measured period; proactive care shows here first.',
    );
    const g = select(s).append('div').attr('class', 'chart-grid').node()!;
    barChart(g, cohortBars(r, 'crises_per_1000_per_year'), {
      id: 'cohort-crises',
      title: 'Crises per 1,000 people a year',
      axis: 'Crises per 1,000 people a year',
      kind: 'count',
      colourOf,
    });
    barChart(g, admissions, {
      id: 'cohort-admissions',
      title: 'Acute admissions per 1,000 people a year',
      axis: 'Admissions per 1,000 people a year',
      kind: 'count',
      colourOf,
    });
    barChart(g, cohortBars(r, 'bed_days_per_1000_per_year'), {
      id: 'cohort-bed-days',
      title: 'Bed-days per 1,000 people a year',
      axis: 'Bed-days per 1,000 people a year',
      kind: 'count',
      colourOf,
    });
  }

  if (r.sweep && r.sweep.paths.length > 0) {
    const path = r.sweep.paths[0];
    const s = section(root, 'sweep', `Sweep over ${path}`, 'Line: mean; band: 95% CI; one dot per value tried.');
    const g = select(s).append('div').attr('class', 'chart-grid').node()!;
    for (const kpi of HEADLINE_KPIS) {
      const pts = sweepPoints(r, kpi);
      if (pts.length > 0) sweepChart(g, kpi, path, pts);
    }
  }

  globalSensitivitySection(root, r);
  sensitivitySection(root, r);
  optimiseSection(root, r);
  methodsSection(root, r);
}
