/**
 * Files a board report carries besides the run's results: an optimisation (`caresim optimise
 * --out`) and a one-at-a-time sensitivity (`caresim sensitivity --out`) of the same scenario,
 * given with `--optimise` and `--sensitivity`. They travel inside the report's data, so the
 * report still opens offline as one file.
 */
import type { Results } from '../results/index.js';
import type { OptimiseFile } from '../optimise/index.js';
import type { SensitivityFile } from '../sensitivity/index.js';
import type { GlobalSensitivity } from './global-sensitivity.js';

export interface Attachments {
  optimise?: OptimiseFile;
  sensitivity?: SensitivityFile;
}

/**
 * The results as the report reads them: the run, what was attached, and the global
 * sensitivity computed from the file's draws on the Node side (the bootstrap needs the
 * sensitivity folder, which the browser bundles do not carry).
 */
export type ReportData = Results & { attached?: Attachments; global_sensitivity?: GlobalSensitivity };

export function attachmentsOf(r: Results): Attachments {
  return (r as ReportData).attached ?? {};
}
