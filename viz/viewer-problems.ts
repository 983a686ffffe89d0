/**
 * The viewer's panel for a broken edit of the scenario file: every error with its
 * `file:line:col`, the key, what was expected and a hint, as `caresim check` prints them.
 * The last good results stay below it; the panel goes when the file is good again.
 */
import { select } from 'd3';
import type { ScenarioProblem } from './viewer-api.js';

export function showProblems(problems: readonly ScenarioProblem[]): void {
  document.body.dataset.scenario = problems.length > 0 ? 'broken' : 'ok';
  let panel = document.getElementById('scenario-errors');
  if (problems.length === 0) {
    panel?.remove();
    return;
  }
  if (!panel) {
    panel = document.createElement('section');
    panel.id = 'scenario-errors';
    panel.className = 'scenario-errors';
    panel.setAttribute('role', 'alert');
    document.getElementById('status')!.before(panel);
  }
  const p = select(panel);
  p.selectAll('*').remove();
  p.append('h2').text(
    `The scenario file has ${problems.length === 1 ? 'an error' : `${problems.length} errors`}; the results below are from its last good version`,
  );
  const ul = p.append('ul');
  for (const x of problems) {
    const li = ul.append('li').attr('class', 'problem');
    if (x.where) li.append('code').attr('class', 'where').text(x.where);
    li.append('span').text(`${x.where ? ': ' : ''}${x.message}`);
    const more = [x.path && `at ${x.path}`, x.expected && `expected: ${x.expected}`, x.hint && `hint: ${x.hint}`].filter(Boolean);
    if (more.length > 0) li.append('div').attr('class', 'detail').text(more.join('; '));
  }
}
