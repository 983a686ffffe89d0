/**
 * `--adjust holm` for run and merge: the summariser judges verdicts on plain 95% CIs; Holm's
 * adjustment redoes them for the many strategy × KPI comparisons. A run of the baseline alone
 * has no comparisons, and the user is told so rather than left to think they were adjusted.
 */
import { applyVerdicts, type Results } from '../results/index.js';
import type { Io } from './io.js';

export type Adjust = 'none' | 'holm';

export function adjustVerdicts(results: Results, adjust: Adjust | undefined, io: Io): void {
  if (adjust !== 'holm') return;
  if (!results.comparisons) {
    io.err('caresim: --adjust holm: only the baseline ran, so there are no comparisons to adjust\n');
    return;
  }
  results.comparisons = applyVerdicts(results, 'holm');
}
