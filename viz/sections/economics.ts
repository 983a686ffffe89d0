/** The economic case: every strategy's paired costs, NPV, ROI and payback against the baseline. */
import { select } from 'd3';
import { kpiInfo, type Results } from '../../results/index.js';
import { economicHeading, economicRows } from '../economics.js';
import { MINUS } from '../format.js';
import { section } from './section.js';

export function economicsSection(root: HTMLElement, r: Results): void {
  const { kpis, rows } = economicRows(r);
  if (kpis.length === 0 || rows.length === 0) return;
  const s = section(
    root,
    'economics',
    'The economic case',
    'Each strategy against the baseline, paired (both faced the same simulated crises): the change in cost a year, the money it needs ' +
      'up front and in the transition, and what it returns over the plan. The net present value counts savings as positive; a cost ' +
      'that moves with use (bed-days, attendances) is in it, while the money put in, which the return on investment divides by, is ' +
      'only what the strategy funds. A ratio is stated only when what it divides by is clearly above zero.',
  );
  const table = select(s).append('div').attr('class', 'table-scroll').append('table').attr('class', 'economics-table');
  const head = table.append('thead').append('tr');
  head.append('th').attr('scope', 'col').text('Strategy');
  for (const k of kpis) head.append('th').attr('scope', 'col').attr('title', kpiInfo(k).label).text(economicHeading(k));
  const body = table.append('tbody');
  for (const row of rows) {
    const tr = body.append('tr').attr('data-strategy', row.strategy);
    tr.append('th').attr('scope', 'row').text(row.label);
    for (const c of row.cells) {
      const td = tr
        .append('td')
        .attr('data-kpi', c.kpi)
        .attr('data-mean', c.mean === null ? '' : String(c.mean));
      td.append('span')
        .attr('class', c.mean === null ? 'no-value' : 'value')
        .text(c.text);
      // A word joiner after each minus sign: a bound never breaks between its sign and its number.
      if (c.ci)
        td.append('span')
          .attr('class', 'ci')
          .text(c.ci.replaceAll(MINUS, `${MINUS}\u2060`));
    }
  }
  select(s)
    .append('p')
    .attr('class', 'how-to-read')
    .text(
      'A figure without an interval is the same in every replication (a one-off cost, funded places). Payback is the month in which ' +
        'the cumulative saving turns positive, averaged over the replications that pay back within the plan; “at once” is a saving ' +
        'from the first month with nothing put in to pay back.',
    );
}
