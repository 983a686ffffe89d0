/**
 * Global sensitivity of a run, computed from its results file alone: the baseline's
 * uncertain-param draws (`draws.values`) against its headline KPIs in the same replications
 * (`draws.kpis`), by partial rank correlation with seeded bootstrap intervals
 * (sensitivity/prcc.ts). The same file always gives the same numbers, so the tornado in the
 * report can be checked by anyone holding results.json.
 */
import { HEADLINE_KPIS, type Results } from '../results/index.js';
import { sensitivity, type Sensitivity } from '../sensitivity/index.js';

/**
 * Fewest replications the report analyses. PRCC regresses the other inputs' ranks out of both
 * sides, spending a degree of freedom each, and a bootstrap interval from fewer than about 20
 * points is mostly noise; so at least 20 replications, and 10 more than there are inputs.
 */
export const MIN_SENSITIVITY_REPLICATIONS = 20;
/** Bootstrap resamples, as `caresim sensitivity` uses. */
export const SENSITIVITY_BOOTSTRAP = 500;

export type GlobalSensitivity = { shown: true; n: number; params: string[]; kpis: Sensitivity[] } | { shown: false; reason: string };

export function minimumReplications(inputs: number): number {
  return Math.max(MIN_SENSITIVITY_REPLICATIONS, inputs + 10);
}

export function globalSensitivity(r: Results): GlobalSensitivity {
  const d = r.draws;
  if (!d || d.params.length === 0)
    return { shown: false, reason: 'The scenario has no uncertain params, so every replication used the same inputs.' };
  if (!d.kpis)
    return {
      shown: false,
      reason:
        'This results file has the draws but not the KPI of each replication (written by an older caresim); run it again to see which inputs matter.',
    };
  const kpis = d.kpis;
  // Replications that finished (a failed one has no KPIs).
  const rows = d.values.map((_, i) => i).filter((i) => HEADLINE_KPIS.some((k) => kpis[k]?.[i] !== null && kpis[k]?.[i] !== undefined));
  const need = minimumReplications(d.params.length);
  if (rows.length < need)
    return {
      shown: false,
      reason: `Which uncertain inputs drive the results is shown from ${need} replications up (${d.params.length} uncertain input${d.params.length === 1 ? '' : 's'}); this run has ${rows.length}. Run with more replications (e.g. --reps ${Math.max(need, 50)}) to see it.`,
    };
  const x = d.params.map((_, j) => rows.map((i) => d.values[i][j]));
  const out: Sensitivity[] = [];
  for (const k of HEADLINE_KPIS) {
    const col = kpis[k];
    if (!col) continue;
    const y = rows.map((i) => col[i] ?? NaN);
    // A KPI that never moves (e.g. no one waits) has no ranks to correlate.
    if (new Set(y.filter(Number.isFinite)).size < 3) continue;
    out.push(sensitivity(k, d.params, x, y, SENSITIVITY_BOOTSTRAP, r.seed));
  }
  if (out.length === 0) return { shown: false, reason: 'No headline KPI varied between replications.' };
  return { shown: true, n: rows.length, params: d.params, kpis: out };
}
