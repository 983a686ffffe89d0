/**
 * The report's pathway section: patients a day between where they come from, the units and
 * the ways out, as two Sankey diagrams side by side (small multiples rather than an overlay):
 * the baseline and a strategy the reader chooses. Every box and band has a table behind it.
 */
import { select } from 'd3';
import type { Results } from '../results/index.js';
import { flowGraph, type NodeLabels } from './flow-graph.js';
import { sankeyChart } from './charts/sankey.js';
import { BASELINE, strategyNames } from './data.js';
import { strategyLabel } from './labels.js';

/** Plain names for units and cohorts when the results file carries them (arrival streams and exits are shown in words). */
function labelsOf(r: Results): NodeLabels {
  return { units: r.labels?.units, cohorts: r.labels?.cohorts };
}

export function pathwaySection(root: HTMLElement, r: Results): void {
  const withFlows = strategyNames(r).filter((s) => (r.strategies[s].flows ?? []).length > 0);
  if (!withFlows.includes(BASELINE)) return;
  const labels = labelsOf(r);
  const others = withFlows.filter((s) => s !== BASELINE && !r.strategies[s].sweep);
  const s = select(root).append('section').attr('class', 'block').attr('id', 'pathway');
  s.append('h2').text('The pathway: where patients go');
  s.append('p')
    .attr('class', 'intro')
    .text(
      'Patients a day (mean over replications of the measured period) from where they come from, through each service, to where they go. ' +
        'Vermillion bands: patients who moved only after waiting, holding their place, for a place downstream. ' +
        'A move back to a service upstream is drawn to a "back to" box and from a "returning to" box; ' +
        'the change in patients inside a service between the start and end of the measured period is its own box, so every service has as many patients coming in as going out. ' +
        'Each diagram is drawn to its own scale: compare them with the tables.',
    );
  const draw = (host: HTMLElement, strategy: string, id: string) =>
    sankeyChart(host, flowGraph(r.strategies[strategy].flows!, labels), {
      id,
      title: strategy === BASELINE ? 'Baseline' : strategyLabel(r, strategy),
    });
  if (others.length > 1) {
    const label = s.append('label').attr('class', 'picker');
    label.append('span').text('Show beside baseline: ');
    label
      .append('select')
      .attr('class', 'pathway-picker')
      .on('change', function () {
        const host = s.select<HTMLElement>('.pathway-choice').html('').node()!;
        draw(host, this.value, 'sankey-strategy');
      })
      .selectAll('option')
      .data(others)
      .join('option')
      .attr('value', (d) => d)
      .text((d) => strategyLabel(r, d));
  }
  const grid = s.append('div').attr('class', 'chart-grid');
  draw(grid.append('div').attr('class', 'pathway-baseline').node()!, BASELINE, 'sankey-baseline');
  if (others.length > 0) draw(grid.append('div').attr('class', 'pathway-choice').node()!, others[0], 'sankey-strategy');
}
