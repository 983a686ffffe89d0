/** A titled block of the report: every section of the dashboard starts with one. */
import { select } from 'd3';

export function section(root: HTMLElement, id: string, title: string, intro: string): HTMLElement {
  const s = select(root).append('section').attr('class', 'block').attr('id', id);
  s.append('h2').text(title);
  if (intro) s.append('p').attr('class', 'intro').text(intro);
  return s.node()!;
}

/** A two-column grid of charts inside a section. */
export function chartGrid(s: HTMLElement): HTMLElement {
  return select(s).append('div').attr('class', 'chart-grid').node()!;
}
