/**
 * The methods panel: how the numbers were made, from the results file alone (a STRESS-DES
 * style summary), so the report can be audited without the scenario at hand.
 */
import { select } from 'd3';
import { plainTable } from './charts/table.js';
import type { Results } from '../results/index.js';
import { methodsFacts, strategyNames } from './data.js';

export function methodsSection(container: HTMLElement, r: Results): void {
  const root = select(container).append('section').attr('class', 'methods').attr('id', 'methods');
  root.append('h2').text('Methods and assumptions');
  const dl = root.append('dl');
  for (const f of methodsFacts(r)) {
    dl.append('dt').text(f.label);
    dl.append('dd').text(f.value);
  }
  root.append('h3').text('Strategies compared');
  const ul = root.append('ul').attr('class', 'strategies');
  for (const name of strategyNames(r)) {
    const s = r.strategies[name];
    const changes = Object.entries(s.set ?? {})
      .map(([k, v]) => `${k} = ${v}`)
      .join('; ');
    const li = ul.append('li');
    li.append('strong').text(name);
    li.append('span').text(
      `: ${s.description || (name === 'baseline' ? 'the scenario as written' : '')}${changes ? ` (changes: ${changes})` : ''}`,
    );
  }
  namesTable(root, r);
  root.append('h3').text('Assumptions stated in the scenario');
  const assumptions = r.scenario.assumptions ?? [];
  if (assumptions.length === 0) root.append('p').text('The scenario lists no assumptions.');
  else
    root
      .append('ul')
      .attr('class', 'assumptions')
      .selectAll('li')
      .data(assumptions)
      .join('li')
      .text((a) => a);
  if (r.failures && r.failures.length > 0) {
    root.append('h3').text('Failed replications');
    root
      .append('ul')
      .selectAll('li')
      .data(r.failures)
      .join('li')
      .text((x) => `${x.strategy} #${x.replication}: ${x.error}`);
  }
}

/** The plain labels the report uses and the names in the scenario they stand for, so a reader can find each in the YAML. */
function namesTable(root: ReturnType<typeof select<HTMLElement, unknown>>, r: Results): void {
  const labels = r.labels ?? {};
  const rows = Object.entries(labels).flatMap(([kind, table]) =>
    Object.entries(table ?? {}).map(([name, label]) => [String(label), name, kind]),
  );
  if (rows.length === 0) return;
  root.append('h3').attr('class', 'names-title').text('Names in the scenario');
  plainTable(root, ['Shown as', 'Name in the scenario', 'Kind'], rows).attr('class', 'names');
}
