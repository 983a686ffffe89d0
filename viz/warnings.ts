/**
 * Warnings about the run (results `warnings`), at the top of the report: a board should
 * read "this queue was still growing" before the averages it makes meaningless.
 */
import { select } from 'd3';
import type { Results } from '../results/index.js';
import { type LabelKind, labelOf } from './labels.js';

const KINDS: LabelKind[] = ['units', 'strategies', 'params', 'cohorts', 'staff'];

/** A name quoted in a warning (`p1`) in plain words: the first kind that labels it. */
function plainName(r: Results, name: string): string {
  for (const k of KINDS) {
    const l = labelOf(r, k, name);
    if (l !== name) return l;
  }
  return name;
}

export function warningsSection(root: HTMLElement, r: Results): void {
  const list = r.warnings ?? [];
  const checks = r.scenario_warnings ?? [];
  if (list.length === 0 && checks.length === 0) return;
  const plain = (text: string) => text.replace(/`([^`]*)`/g, (_, n: string) => plainName(r, n));
  const s = select(root).append('section').attr('class', 'block run-warnings').attr('id', 'warnings');
  s.append('h2').text('Warnings about this run');
  if (list.length > 0) {
    s.append('p').attr('class', 'intro').text('The simulation shows problems that change how the results below should be read.');
    s.append('ul')
      .attr('class', 'run')
      .selectAll('li')
      .data(list)
      .join('li')
      .attr('data-code', (w) => w.code)
      .attr('data-unit', (w) => w.unit)
      .text((w) => plain(w.message));
  }
  if (checks.length > 0) {
    s.append('p')
      .attr('class', 'intro')
      .text('Checking the scenario before the run found these (caresim check prints them with the line of the scenario file):');
    s.append('ul')
      .attr('class', 'check')
      .selectAll('li')
      .data(checks)
      .join('li')
      .attr('data-code', (w) => w.code)
      .attr('data-key', (w) => w.key)
      .text((w) => `${plain(w.message)} (scenario line ${w.line}${w.hint ? `; ${plain(w.hint)}` : ''})`);
  }
}
