/**
 * The first screen of the report (`#summary`): the strategies ranked by verdict and net cost
 * a year, each with one plain sentence and its CI, the net cost and the trade-off. The
 * detail follows below it; every figure here is one of the results file's.
 */
import { select } from 'd3';
import type { Results } from '../results/index.js';
import { BASELINE, mainStrategies } from './data.js';
import { rankedFindings } from './findings.js';
import { formatValue } from './format.js';
import { strategyLabel } from './labels.js';
import { strategyColour } from './palette.js';

const VERDICT_WORDS: Record<string, string> = {
  better: 'Better',
  'trade-off': 'Trade-off',
  'no clear difference': 'No clear difference',
  worse: 'Worse',
};

export function summarySection(root: HTMLElement, r: Results, colourOf: (s: string) => number): void {
  const s = select(root).append('section').attr('class', 'block summary').attr('id', 'summary');
  s.append('h2').text('Summary: the strategies against the baseline');
  const findings = rankedFindings(r);
  if (findings.length === 0) {
    s.append('p').attr('class', 'intro').text('This run has only the baseline: there is nothing to compare it with.');
    return;
  }
  s.append('p')
    .attr('class', 'intro')
    .text(
      'Best first: better, then trade-offs, then no clear difference, then worse; within each, the lowest net cost a year first. ' +
        'Figures in brackets are 95% confidence intervals of the average difference from the baseline.',
    );
  const list = s.append('ol').attr('class', 'summary-list');
  for (const f of findings) {
    const li = list.append('li').attr('data-strategy', f.strategy).attr('data-verdict', f.verdict).attr('data-kpi', f.kpi);
    const head = li.append('p').attr('class', 'summary-head');
    head
      .append('span')
      .attr('class', 'swatch')
      .style('background', strategyColour(colourOf(f.strategy)));
    head.append('strong').attr('class', 'summary-name').text(strategyLabel(r, f.strategy));
    head.append('span').attr('class', 'badge').attr('data-verdict', f.verdict).text(VERDICT_WORDS[f.verdict]);
    li.append('p')
      .attr('class', 'finding')
      .text(capitalise(f.text) + '.');
    const facts = li.append('p').attr('class', 'summary-facts');
    const net = facts.append('span').attr('class', 'net-cost');
    if (f.netCost) {
      net.attr('data-net', f.netCost.mean);
      const [lo, hi] = f.netCost.ci95 ?? [null, null];
      const ci = lo === null || hi === null ? '' : ` (95% CI ${formatValue(lo, 'money', 0, true)} to ${formatValue(hi, 'money', 0, true)})`;
      net.text(
        `Net cost a year: ${formatValue(f.netCost.mean, 'money', 0, true)}${ci}${f.netCost.source === 'funding' ? ' on funded places' : ''}`,
      );
    } else net.text('Net cost a year: not modelled');
    facts
      .append('span')
      .attr('class', 'trade-off')
      .text(`Trade-off: ${f.tradeOff.length > 0 ? f.tradeOff.join('; ') : 'none among the headline measures'}`);
    if (f.discounted.length > 0)
      facts
        .append('span')
        .attr('class', 'discounted')
        .text(`Not counted as a gain while crowding or losses rise elsewhere: ${f.discounted.join('; ')}`);
  }
  const sweeps =
    mainStrategies(r).length < Object.keys(r.strategies).length ? Object.keys(r.strategies).length - mainStrategies(r).length : 0;
  if (sweeps > 0)
    s.append('p').attr('class', 'intro').text(`The ${sweeps} points of the sweep are drawn in their own charts further down.`);
  if (!r.strategies[BASELINE]) s.append('p').attr('class', 'intro').text('This run has no baseline: the verdicts are missing.');
}

const capitalise = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);
