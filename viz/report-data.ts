/**
 * The data a report or the viewer's finished-run page is drawn from (Node side): the results
 * compacted, the attached files, and the global sensitivity computed from the file's draws
 * (viz/global-sensitivity.ts), deterministic, so the same file always draws the same tornado.
 */
import type { Results } from '../results/index.js';
import type { Attachments, ReportData } from './attachments.js';
import { compactResults } from './compact.js';
import { globalSensitivity } from './global-sensitivity.js';

export function reportData(results: Results, attached: Attachments = {}): ReportData {
  const data: ReportData = compactResults(results);
  if (attached.optimise || attached.sensitivity) data.attached = attached;
  if (results.draws && results.draws.params.length > 0) data.global_sensitivity = globalSensitivity(results);
  return data;
}
