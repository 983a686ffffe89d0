/**
 * All strategy x KPI comparisons behind the verdicts, and how many clear differences chance
 * alone would give. With many comparisons some intervals exclude zero by chance (5% each at
 * 95%); `--adjust holm` widens them by Holm's step-down so that the chance of any false
 * clear difference stays at most 5%: the comparison with the j-th smallest p-value (of m)
 * gets a 1 - 0.05/(m - j + 1) interval while every earlier one was clear; the first that is
 * not clear, and all after it, share that level. An interval then excludes zero exactly when
 * Holm's test rejects.
 */
import type { Results, Stat } from '../format.js';
import { tQuantileUpper, tTwoSidedP } from './student-t.js';
import { clearDirection, verdictOf, VERDICT_KPIS, type Interval } from './verdict.js';

export type Adjust = 'none' | 'holm';
export const ALPHA = 0.05;

export interface Comparisons {
  adjust: Adjust;
  /** Strategy x KPI comparisons the verdicts weigh. */
  count: number;
  /** Of them, intervals that exclude zero. */
  clear: number;
  /** Clear differences chance alone would give: 5% of the comparisons unadjusted; with Holm, at most 5% chance of any. */
  expected_by_chance: number;
  /** Holm: the adjusted interval of every comparison, strategy -> KPI -> [lo, hi]. */
  intervals?: Record<string, Record<string, [number | null, number | null]>>;
}

interface Row {
  strategy: string;
  kpi: string;
  stat: Stat;
  p: number;
}

/** Two-sided p-value of a paired difference's mean; 1 when it cannot be told. */
function pValue(s: Stat): number {
  if (s.mean === null || s.sd === null || s.n < 2) return 1;
  if (s.sd === 0) return s.mean === 0 ? 1 : 0;
  return tTwoSidedP(s.mean / (s.sd / Math.sqrt(s.n)), s.n - 1);
}

function interval(s: Stat, alpha: number): [number | null, number | null] {
  if (s.mean === null || s.sd === null || s.n < 2) return [null, null];
  const half = s.sd === 0 ? 0 : (tQuantileUpper(alpha / 2, s.n - 1) * s.sd) / Math.sqrt(s.n);
  return [s.mean - half, s.mean + half];
}

/** Holm's levels: per row (in the given order), the two-sided alpha of its interval. */
export function holmLevels(p: readonly number[], alpha = ALPHA): number[] {
  const m = p.length;
  const order = p.map((_, i) => i).sort((a, b) => p[a] - p[b] || a - b);
  const out = new Array<number>(m);
  let level = 0,
    stopped = false;
  order.forEach((i, j) => {
    if (!stopped) {
      level = alpha / (m - j);
      if (p[i] > level) stopped = true;
    }
    out[i] = level;
  });
  return out;
}

/** Sets `verdict` on every strategy but the baseline and returns the comparisons summary. */
/** Unit metrics of patients who got no care there: turned away when full, or left waiting. */
const LOST = ['lost_fraction', 'reneged_fraction'] as const;

/** The units where a strategy loses a larger share of patients than the baseline, on average. */
function turnedAway(r: Results, strategy: string): string[] {
  const base = r.strategies[Object.keys(r.strategies)[0]]?.units ?? {};
  const out: string[] = [];
  for (const [unit, m] of Object.entries(r.strategies[strategy]?.units ?? {})) {
    for (const k of LOST) {
      const a = m[k]?.mean,
        b = base[unit]?.[k]?.mean;
      if (a != null && b != null && a > b + 1e-9) out.push(`units.${unit}.${k}`);
    }
  }
  return out;
}

export function applyVerdicts(r: Results, adjust: Adjust = 'none'): Comparisons {
  const rows: Row[] = [];
  for (const [strategy, diffs] of Object.entries(r.differences)) {
    for (const kpi of VERDICT_KPIS) {
      const s = diffs[kpi];
      if (s && s.mean !== null) rows.push({ strategy, kpi, stat: s, p: pValue(s) });
    }
  }
  const levels = adjust === 'holm' ? holmLevels(rows.map((x) => x.p)) : rows.map(() => ALPHA);
  const byStrategy: Record<string, Record<string, Interval>> = {};
  const adjusted: NonNullable<Comparisons['intervals']> = {};
  let clear = 0;
  rows.forEach((row, i) => {
    const ci = adjust === 'holm' ? interval(row.stat, levels[i]) : row.stat.ci95;
    (byStrategy[row.strategy] ??= {})[row.kpi] = ci;
    if (adjust === 'holm') (adjusted[row.strategy] ??= {})[row.kpi] = ci;
    if (clearDirection(row.kpi, ci) !== null) clear++;
  });
  for (const strategy of Object.keys(r.differences)) {
    const st = r.strategies[strategy];
    if (st) st.verdict = verdictOf(byStrategy[strategy] ?? {}, turnedAway(r, strategy));
  }
  const out: Comparisons = { adjust, count: rows.length, clear, expected_by_chance: adjust === 'holm' ? ALPHA : ALPHA * rows.length };
  if (adjust === 'holm') out.intervals = adjusted;
  return out;
}
