/**
 * The board report's optimisation section (`--optimise opt.json`): the same content as the
 * stand-alone optimisation page (viz/optimise-html.ts), one level of heading down.
 */
import { select } from 'd3';
import type { Results } from '../results/index.js';
import { attachmentsOf } from './attachments.js';
import { OPTIMISE_STYLES, optimiseBody, optimiseTitle } from './optimise-html.js';

export function optimiseSection(root: HTMLElement, r: Results): void {
  const f = attachmentsOf(r).optimise;
  if (!f) return;
  const s = select(root).append('section').attr('class', 'block').attr('id', 'optimisation').attr('data-status', f.status);
  s.append('style').text(OPTIMISE_STYLES);
  const title = optimiseTitle(f);
  s.append('h2').text(title.charAt(0).toUpperCase() + title.slice(1));
  // Built from escaped text by optimiseBody, as on the stand-alone page.
  s.append('div').attr('class', 'optimise-body').html(optimiseBody(f, 3));
}
