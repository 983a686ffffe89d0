/** The population identity both population test files check, written once. */
import type { CohortOutcome } from '../engine/index.js';

/** end - (start + growth - deaths - pathway_deaths + moved_in - moved_out): 0 up to rounding. */
export function flowBalanceGap(f: CohortOutcome['flows']): number {
  return f.end - (f.start + f.growth - f.deaths - f.pathway_deaths + f.moved_in - f.moved_out);
}
