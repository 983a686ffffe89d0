/**
 * The board report's one-at-a-time sensitivity section (`--sensitivity sens.json`): the same
 * tornadoes as the stand-alone sensitivity page (viz/sensitivity-html.ts), one level down.
 */
import { select } from 'd3';
import type { Results } from '../results/index.js';
import { attachmentsOf } from './attachments.js';
import { SENSITIVITY_INTRO, SENSITIVITY_STYLES, sensitivityBody } from './sensitivity-html.js';

export function sensitivitySection(root: HTMLElement, r: Results): void {
  const f = attachmentsOf(r).sensitivity;
  if (!f) return;
  const s = select(root).append('section').attr('class', 'block').attr('id', 'sensitivity');
  s.append('style').text(SENSITIVITY_STYLES);
  s.append('h2').text('Which inputs matter, one at a time');
  s.append('p').attr('class', 'intro').text(SENSITIVITY_INTRO);
  // Built from escaped text by sensitivityBody, as on the stand-alone page.
  s.append('div').attr('class', 'sensitivity-body').html(sensitivityBody(f, 3));
}
