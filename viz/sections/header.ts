/**
 * The report's title block: what was run, how to read the two kinds of uncertainty, and the
 * take-away buttons (print the 2-page board brief, or the whole report).
 */
import { select } from 'd3';
import type { Results } from '../../results/index.js';
import { strategyNames } from '../data.js';

export const HOW_TO_READ =
  'Two kinds of uncertainty are shown. The 95% confidence interval (CI) of an average says how sure the estimate is: ' +
  'it narrows as more years are simulated. The outcome range, the 10th to 90th percentile of the simulated years, ' +
  'says what a single year could look like: it does not narrow with more simulation, and it is the spread to plan for. ' +
  'Differences from the baseline are paired: every strategy faced the same simulated crises, so a CI that excludes zero is a real effect of the strategy in this model.';

export function headerSection(root: HTMLElement, r: Results): void {
  const names = strategyNames(r);
  const header = select(root).append('header').attr('class', 'report-header');
  header.append('h1').text(r.scenario.name);
  header
    .append('p')
    .attr('class', 'subtitle')
    .text(
      `${names.length} ${names.length === 1 ? 'strategy' : 'strategies'}, ${r.replications} simulated years (replications) each, ` +
        `${r.horizon_days} days measured from ${r.start_date} after a ${r.warmup_days}-day warm-up.`,
    );
  header.append('p').attr('class', 'how-to-read').text(HOW_TO_READ);
  const bar = header.append('p').attr('class', 'print-buttons');
  // The brief is the same page with a class that hides the detail in print (styles.ts).
  const print = (brief: boolean) => {
    document.body.classList.toggle('brief', brief);
    window.print();
  };
  bar
    .append('button')
    .attr('type', 'button')
    .attr('class', 'print-brief')
    .text('Print board brief (2 pages)')
    .on('click', () => print(true));
  bar
    .append('button')
    .attr('type', 'button')
    .attr('class', 'print-full')
    .text('Print full report')
    .on('click', () => print(false));
}
