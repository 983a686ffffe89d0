/**
 * "Compare any two": pick two strategies and read the headline measures side by side with
 * the difference and its 95% CI, saying how the interval was made (paired against the
 * baseline, or from the two strategies' own intervals when neither is the baseline).
 */
import { select } from 'd3';
import { type Results, shownHeadlineKpis, kpiInfo } from '../../results/index.js';
import { BASELINE, strategyNames } from '../data.js';
import { rankedFindings } from '../findings.js';
import { formatChange, formatStat, measureLabel, statDecimals } from '../format.js';
import { strategyLabel } from '../labels.js';
import { pairDifference } from '../pairs.js';
import { section } from './section.js';

const VERDICT_WORDS = { better: 'better', worse: 'worse', unclear: 'no clear difference', changed: 'changed' } as const;

export function compareTwoSection(root: HTMLElement, r: Results): void {
  const names = strategyNames(r);
  if (names.length < 2) return;
  const s = section(
    root,
    'compare-two',
    'Compare any two strategies',
    'Choose two strategies: the table gives each one’s average with its 95% CI and the difference, second minus first.',
  );
  const controls = select(s).append('p').attr('class', 'pair-pickers');
  const first = rankedFindings(r)[0]?.strategy ?? names[1];
  const picker = (cls: string, text: string, value: string) => {
    const label = controls.append('label').attr('class', 'picker');
    label.append('span').text(text);
    const sel = label.append('select').attr('class', cls);
    sel
      .selectAll('option')
      .data(names)
      .join('option')
      .attr('value', (d) => d)
      .property('selected', (d) => d === value)
      .text((d) => strategyLabel(r, d));
    return sel;
  };
  const a = picker('pick-a', 'First: ', BASELINE in r.strategies ? BASELINE : names[0]);
  const b = picker('pick-b', ' Second: ', first);
  const note = select(s).append('p').attr('class', 'pair-note');
  const table = select(s).append('table').attr('class', 'pair-table');
  const draw = () => {
    const x = a.property('value') as string,
      y = b.property('value') as string;
    table.selectAll('*').remove();
    const head = table.append('thead').append('tr');
    for (const h of ['Measure', strategyLabel(r, x), strategyLabel(r, y), 'Difference (second − first), 95% CI', 'Second against first'])
      head.append('th').attr('scope', 'col').text(h);
    const body = table.append('tbody');
    let paired = true;
    for (const kpi of shownHeadlineKpis(r)) {
      const info = kpiInfo(kpi);
      const d = pairDifference(r, x, y, kpi);
      if (!d) continue;
      paired &&= d.paired;
      const tr = body.append('tr').attr('data-kpi', kpi).attr('data-diff-mean', d.diff.mean).attr('data-paired', String(d.paired));
      tr.append('th').attr('scope', 'row').text(measureLabel(kpi));
      tr.append('td').text(formatStat(r.strategies[x].kpis[kpi], info.kind));
      tr.append('td').text(formatStat(r.strategies[y].kpis[kpi], info.kind));
      const dec = statDecimals(d.diff, info.kind);
      const value = `${formatChange(d.diff.mean, info.kind, dec)}${info.kind === 'fraction' ? ' points' : ''}`;
      const [lo, hi] = d.diff.ci95;
      const fmt = (v: number) => formatChange(v, info.kind, dec);
      tr.append('td').text(lo === null || hi === null ? value : `${value} (${fmt(lo)} to ${fmt(hi)})`);
      tr.append('td').attr('data-verdict', d.verdict).text(VERDICT_WORDS[d.verdict]);
    }
    note.text(
      paired
        ? 'One of the two is the baseline: the difference is paired (both faced the same simulated crises), as everywhere else in this report.'
        : 'Neither is the baseline, and the results file pairs differences only against the baseline: the difference of averages is exact, ' +
            'but its interval is made from the two strategies’ own 95% CIs as if they were independent, so it is wider than a paired one would be. ' +
            'A clear difference here is clear; an unclear one may still be real.',
    );
  };
  a.on('change', draw);
  b.on('change', draw);
  draw();
}
