/**
 * The table behind a chart: the same numbers as text, for screen readers, for copying into
 * papers and for anyone who distrusts a picture. Collapsed under the chart by default.
 */
import { select, type Selection } from 'd3';

export function dataTable(
  parent: Selection<HTMLElement, unknown, null, undefined> | HTMLElement,
  caption: string,
  head: string[],
  rows: (string | number)[][],
): void {
  const host = parent instanceof HTMLElement ? select(parent) : parent;
  const details = host.append('details').attr('class', 'data-table');
  details.append('summary').text(`Table: ${caption}`);
  const table = details.append('table');
  table.append('caption').text(caption);
  table
    .append('thead')
    .append('tr')
    .selectAll('th')
    .data(head)
    .join('th')
    .attr('scope', 'col')
    .text((d) => d);
  table
    .append('tbody')
    .selectAll('tr')
    .data(rows)
    .join('tr')
    .selectAll('td')
    .data((r) => r)
    .join('td')
    .text((d) => String(d));
}
