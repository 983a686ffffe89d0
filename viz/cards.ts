/**
 * Headline cards: for each strategy, the numbers a board asks about, each with both kinds of
 * uncertainty named (the 95% CI of the average, and the 10th–90th percentile of simulated
 * years when the file has it) and, for strategies, the paired difference from baseline in
 * plain words.
 */
import { select, type Selection } from 'd3';
import { type Results, type Stat, kpiInfo } from '../results/index.js';
import { headlineCards, mainStrategies, strategyNames, type CardRow } from './data.js';
import { formatCI, formatStat, formatValue, hasMean, NOT_MODELLED, plainDifference, statDecimals } from './format.js';
import { rangeOf, strategyLabel } from './labels.js';
import { strategyColour } from './palette.js';
import { admissionsDiscounted, verdictLine } from './verdicts.js';

function cardLabel(row: CardRow, isBaseline: boolean): string {
  return row.avoided && !isBaseline ? 'Admissions avoided' : kpiInfo(row.kpi).label;
}

/** Strategy card for admissions: the number avoided (baseline minus strategy) leads. */
function avoidedCard(card: Selection<HTMLElement, unknown, null, undefined>, row: CardRow, discounted: boolean): void {
  const diff = row.diff!;
  const avoided = {
    mean: -diff.mean!,
    sd: diff.sd,
    ci95: [diff.ci95[1] === null ? null : -diff.ci95[1], diff.ci95[0] === null ? null : -diff.ci95[0]] as Stat['ci95'],
    p10: diff.p90 == null ? null : -diff.p90,
    p90: diff.p10 == null ? null : -diff.p10,
    n: diff.n,
  };
  const d = statDecimals(avoided, 'count');
  const value = card.append('p').attr('class', 'value').attr('data-mean', avoided.mean);
  value
    .append('span')
    .attr('class', 'number')
    .text(formatValue(avoided.mean, 'count', d, false));
  value.append('span').attr('class', 'unit').text(' a day');
  const ci = formatCI(avoided, 'count', d);
  if (ci) card.append('p').attr('class', 'ci').text(ci);
  const range = rangeOf(diff);
  if (range) rangeLine(card, [-range[1], -range[0]], 'count', d);
  const v = row.value!;
  card
    .append('p')
    .attr('class', 'context')
    .text(`admissions: ${formatStat(v, 'count')} a day`);
  const plain = plainDifference(row.kpi, diff, true)!;
  // Fewer admissions while patients wait longer for a bed is crowding, not care avoided.
  const verdict = discounted ? 'unclear' : plain.verdict;
  const text = discounted ? 'not better: patients wait longer for a bed instead' : plain.verdictText;
  card
    .append('p')
    .attr('class', 'diff')
    .attr('data-verdict', verdict)
    .attr('data-diff-mean', diff.mean)
    .append('span')
    .attr('class', 'verdict')
    .text(text);
}

/** "a year could range 247 to 299": the 10th to 90th percentile of replication values. */
function rangeLine(
  card: Selection<HTMLElement, unknown, null, undefined>,
  [lo, hi]: [number, number],
  kind: Parameters<typeof formatValue>[1],
  d: number,
): void {
  card
    .append('p')
    .attr('class', 'range')
    .attr('data-p10', lo)
    .attr('data-p90', hi)
    .text(`a year could range ${formatValue(lo, kind, d)} to ${formatValue(hi, kind, d)}`);
}

export function headlineSection(container: HTMLElement, r: Results, colourOf: (s: string) => number): void {
  const rows = headlineCards(r);
  const root = select(container).append('section').attr('class', 'cards').attr('aria-label', 'Headline results');
  const main = new Set(mainStrategies(r));
  const sweep = strategyNames(r).filter((n) => !main.has(n));
  // Sweep points have their own chart; their cards stay one click away.
  let folded: Selection<HTMLDetailsElement, unknown, null, undefined> | null = null;
  for (const strategy of [...main, ...sweep]) {
    if (!main.has(strategy) && !folded) {
      folded = root.append('details').attr('class', 'sweep-cards');
      folded.append('summary').text(`Cards for the ${sweep.length} sweep points`);
    }
    const s = r.strategies[strategy];
    const block = (main.has(strategy) ? root : folded!).append('div').attr('class', 'strategy-cards').attr('data-strategy', strategy);
    const h = block.append('h3');
    h.append('span')
      .attr('class', 'swatch')
      .style('background', strategyColour(colourOf(strategy)));
    h.append('span').text(strategyLabel(r, strategy));
    if (s.description) block.append('p').attr('class', 'description').text(s.description);
    verdictLine(block, r, strategy);
    const grid = block.append('div').attr('class', 'card-grid');
    for (const row of rows.filter((c) => c.strategy === strategy)) {
      const info = kpiInfo(row.kpi);
      const card = grid
        .append('article')
        .attr('class', 'card')
        .attr('data-kpi', row.kpi)
        .attr('data-strategy', strategy)
        .attr('tabindex', 0);
      const isBaseline = strategy === strategyNames(r)[0];
      card.append('h4').text(cardLabel(row, isBaseline));
      if (!hasMean(row.value)) {
        card.classed('absent', true).append('p').attr('class', 'value').text(NOT_MODELLED);
        continue;
      }
      if (row.avoided && !isBaseline && hasMean(row.diff)) {
        card.attr('data-avoided', 'true');
        avoidedCard(card, row, admissionsDiscounted(r, strategy));
        continue;
      }
      const d = statDecimals(row.value, info.kind);
      const value = card.append('p').attr('class', 'value').attr('data-mean', row.value.mean);
      value
        .append('span')
        .attr('class', 'number')
        .text(formatValue(row.value.mean, info.kind, d));
      value
        .append('span')
        .attr('class', 'unit')
        .text(' ' + info.unit.replace(/^% of /, 'of ').replace(/^£ /, ''));
      const ci = formatCI(row.value, info.kind, d);
      if (ci) card.append('p').attr('class', 'ci').text(ci);
      const range = rangeOf(row.value);
      if (range) rangeLine(card, range, info.kind, d);
      if (isBaseline) continue;
      const diff = plainDifference(row.kpi, row.diff, row.avoided);
      const p = card.append('p').attr('class', 'diff');
      if (!diff) {
        p.text('no paired difference');
        continue;
      }
      p.attr('data-verdict', diff.verdict).attr('data-diff-mean', row.diff!.mean);
      p.append('span').attr('class', 'diff-text').text(diff.text);
      p.append('span').attr('class', 'verdict').text(` (${diff.verdictText})`);
    }
  }
}
