/**
 * Places in use through the year, one chart per unit with a panel per strategy. Seven
 * strategies side by side are too many, so a picker shows the baseline and one chosen
 * strategy (or all); every panel stays drawn and bound to its data, the choice only hides
 * the others and lays the rest out again.
 */
import { select } from 'd3';
import type { Results } from '../../results/index.js';
import { fanChart, layoutPanels } from '../charts/fan.js';
import { dailyUnits, fanData, mainStrategies } from '../data.js';
import { rankedFindings } from '../findings.js';
import { strategyLabel, unitLabel } from '../labels.js';
import { section } from './section.js';

/** Acute beds carry the 92% and 95% occupancy lines; the results file names roles only through unit names. */
export const isAcute = (unit: string): boolean => /acute/i.test(unit);

function strategyPicker(s: HTMLElement, r: Results, others: string[]): void {
  const sec = select(s);
  const label = sec.append('label').attr('class', 'picker');
  label.append('span').text('Show the baseline beside: ');
  const apply = (choice: string) => {
    sec.selectAll<HTMLElement, unknown>('.series, .legend li[data-strategy]').each(function () {
      const name = this.getAttribute('data-strategy');
      this.style.display = choice === '*' || name === 'baseline' || name === choice ? '' : 'none';
    });
    sec.selectAll<HTMLElement, unknown>('figure.chart-fan').each(function () {
      layoutPanels(this);
    });
  };
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
    .text((d) => (d === '*' ? 'all strategies' : strategyLabel(r, d)));
  // The summary's first strategy is shown first: the one a board reads about at the top.
  const first = rankedFindings(r)[0]?.strategy;
  const start = first && others.includes(first) ? first : others[0];
  sel.property('value', start);
  // Applied once the charts exist (they are drawn right after this control).
  queueMicrotask(() => apply(start));
}

export function occupancySection(root: HTMLElement, r: Results, colourOf: (s: string) => number): void {
  const units = dailyUnits(r);
  if (units.length === 0) return;
  const s = section(
    root,
    'occupancy',
    'Places in use through the year',
    'Each chart puts the baseline and a strategy side by side on the same scale. Line: the average day across simulated years; ' +
      'shading: 5th to 95th percentile of simulated years, day by day; grey area: warm-up, run before measuring starts and left out of every number.',
  );
  const main = mainStrategies(r);
  if (main.length > 2) strategyPicker(s, r, main.slice(1));
  const grid = select(s).append('div').attr('class', 'chart-stack').node()!;
  // Acute beds first: the chart a board asks about (and the one the printed brief keeps).
  for (const u of [...units.filter(isAcute), ...units.filter((x) => !isAcute(x))]) {
    const d = fanData(r, u);
    // A unit nobody used in any strategy (e.g. a service switched off) is an empty chart.
    if (!d.series.some((x) => x.points.some((p) => p.mean > 0))) continue;
    fanChart(grid, d, {
      startDate: r.start_date,
      colourOf,
      strategyLabel: (x) => strategyLabel(r, x),
      unitLabel: unitLabel(r, u),
      occupancyLines: isAcute(u),
    });
  }
  select(grid).select('figure.chart-fan').classed('key-chart', true);
}
