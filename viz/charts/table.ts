/**
 * The table behind a chart: the same numbers as text, for screen readers, for copying into
 * papers and for anyone who distrusts a picture. Collapsed under the chart by default.
 */
import { select, type Selection } from 'd3';

type Host = Selection<HTMLElement, unknown, null, undefined> | HTMLElement;

/** A table of `head` and `rows` appended to `parent`, with its caption when given. */
export function plainTable(parent: Host, head: string[], rows: (string | number)[][], caption?: string) {
  const host = parent instanceof HTMLElement ? select(parent) : parent;
  const table = host.append('table');
  if (caption !== undefined) table.append('caption').text(caption);
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
  return table;
}

export function dataTable(parent: Host, caption: string, head: string[], rows: (string | number)[][]): void {
  const host = parent instanceof HTMLElement ? select(parent) : parent;
  const details = host.append('details').attr('class', 'data-table');
  details.append('summary').text(`Table: ${caption}`);
  plainTable(details as unknown as Selection<HTMLElement, unknown, null, undefined>, head, rows, caption);
}
