/**
 * Two results files side by side (`caresim diff a.json b.json`), e.g. this year's plan
 * against last year's: for each strategy in both, each KPI and unit metric, the two means,
 * b minus a with a Welch 95% CI, and whether the two CIs and the two outcome ranges overlap.
 * The runs are independent (other random numbers, maybe another scenario), so the
 * difference is not paired: its CI is Welch's, wider than a paired difference within one run.
 * Isomorphic and free of I/O.
 */
import type { Results, Stat } from './format.js';
import { shownHeadlineKpis } from './format.js';
import { tQuantileUpper } from './appraisal/index.js';

/** Why two results files cannot be compared; the CLI prints the message and exits 2. */
export class NotComparableError extends Error {
  readonly code = 'USAGE';
}

export interface DiffSide {
  mean: number | null;
  ci95: [number | null, number | null];
  p10: number | null;
  p90: number | null;
  n: number;
}

export interface DiffRow {
  strategy: string;
  /** `system` for a KPI, else the unit's name. */
  scope: string;
  metric: string;
  headline: boolean;
  a: DiffSide;
  b: DiffSide;
  /** b minus a: the difference of means with its Welch 95% CI and degrees of freedom (null when a side has fewer than 2 values). */
  difference: { mean: number | null; ci95: [number | null, number | null]; df: number | null };
  /** Whether the two CIs of the mean overlap (null when a CI is missing). */
  ci_overlap: boolean | null;
  /** Whether the two outcome ranges (p10-p90) overlap (null when a range is missing, e.g. an older file). */
  range_overlap: boolean | null;
}

export interface Diff {
  format: 'caresim-diff/1';
  a: { file?: string; scenario: string; hash: string; replications: number };
  b: { file?: string; scenario: string; hash: string; replications: number };
  /** Problems that do not stop the comparison (scenario hashes differ, strategies only in one file). */
  notes: string[];
  strategies: string[];
  rows: DiffRow[];
}

const side = (s: Stat): DiffSide => ({ mean: s.mean, ci95: s.ci95, p10: s.p10 ?? null, p90: s.p90 ?? null, n: s.n });

/**
 * Intervals that touch within rounding overlap: two runs of the same model can give the same
 * value a few units in the last place apart (sums taken in another order), and a zero-width
 * interval of each must not read as a difference.
 */
function overlap(a: [number | null, number | null], b: [number | null, number | null]): boolean | null {
  if (a[0] === null || a[1] === null || b[0] === null || b[1] === null) return null;
  const slack = 1e-9 * Math.max(Math.abs(a[0]), Math.abs(a[1]), Math.abs(b[0]), Math.abs(b[1]));
  return a[0] <= b[1] + slack && b[0] <= a[1] + slack;
}

/**
 * Welch's difference of two independent means, b - a: standard error sqrt(sa²/na + sb²/nb),
 * Welch-Satterthwaite degrees of freedom, a two-sided 95% t interval.
 */
export function welch(a: Stat, b: Stat): DiffRow['difference'] {
  if (a.mean === null || b.mean === null) return { mean: null, ci95: [null, null], df: null };
  const mean = b.mean - a.mean;
  if (a.sd === null || b.sd === null || a.n < 2 || b.n < 2) return { mean, ci95: [null, null], df: null };
  const va = (a.sd * a.sd) / a.n,
    vb = (b.sd * b.sd) / b.n;
  const se = Math.sqrt(va + vb);
  if (se === 0) return { mean, ci95: [mean, mean], df: a.n + b.n - 2 };
  const df = (va + vb) ** 2 / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  const half = tQuantileUpper(0.025, df) * se;
  return { mean, ci95: [mean - half, mean + half], df };
}

function row(strategy: string, scope: string, metric: string, a: Stat, b: Stat, shown: ReadonlySet<string>): DiffRow {
  return {
    strategy,
    scope,
    metric,
    headline: scope === 'system' && shown.has(metric),
    a: side(a),
    b: side(b),
    difference: welch(a, b),
    ci_overlap: overlap(a.ci95, b.ci95),
    range_overlap: overlap([a.p10 ?? null, a.p90 ?? null], [b.p10 ?? null, b.p90 ?? null]),
  };
}

const names = (l: readonly string[]) => l.map((n) => `\`${n}\``).join(', ');

/**
 * Throws NotComparableError when the two runs cannot be compared (another format, period or no
 * common strategy); returns the notes otherwise, naming what only one file holds.
 */
function checkComparable(a: Results, b: Results, common: string[]): string[] {
  const problems: string[] = [];
  const major = (f: string) => /\/(\d+)/.exec(f)?.[1];
  if (major(a.format) !== major(b.format)) problems.push(`different results format versions (${a.format} and ${b.format})`);
  if (common.length === 0) {
    problems.push(
      `no strategy in common (a: ${names(Object.keys(a.strategies))}; b: ${names(Object.keys(b.strategies))}); a diff compares strategies of the same name`,
    );
  }
  if (a.horizon_days !== b.horizon_days) problems.push(`different horizons (a: ${a.horizon_days} days, b: ${b.horizon_days} days)`);
  if (a.warmup_days !== b.warmup_days) problems.push(`different warm-ups (a: ${a.warmup_days} days, b: ${b.warmup_days} days)`);
  if (problems.length > 0) throw new NotComparableError(`the two results files are not comparable: ${problems.join('; ')}`);
  const notes: string[] = [];
  if (a.scenario.hash !== b.scenario.hash) {
    notes.push(
      `the scenarios differ (hashes ${a.scenario.hash.slice(0, 8)} and ${b.scenario.hash.slice(0, 8)}): the differences below mix changes in the scenario with chance`,
    );
  }
  const onlyIn = (x: Results, y: Results) => Object.keys(x.strategies).filter((s) => !(s in y.strategies));
  if (onlyIn(a, b).length > 0) notes.push(`only in a, not compared: ${names(onlyIn(a, b))}`);
  if (onlyIn(b, a).length > 0) notes.push(`only in b, not compared: ${names(onlyIn(b, a))}`);
  // A scenario that gained a workforce, costs or a finite ED measures more: the measures both
  // files hold are compared, the others named.
  const first = (r: Results) => r.strategies[common[0]];
  const only = (x: string[], y: string[]) => x.filter((k) => !y.includes(k));
  const kpis = (r: Results) => Object.keys(first(r).kpis),
    units = (r: Results) => Object.keys(first(r).units);
  const measures = [
    ['KPIs', only(kpis(a), kpis(b)), only(kpis(b), kpis(a))],
    ['units', only(units(a), units(b)), only(units(b), units(a))],
  ] as const;
  for (const [what, inA, inB] of measures) {
    if (inA.length > 0) notes.push(`${what} only in a, not compared: ${names(inA)}`);
    if (inB.length > 0) notes.push(`${what} only in b, not compared: ${names(inB)}`);
  }
  return notes;
}

/** Compares two results files: every KPI and unit metric of every strategy both hold. */
export function diffResults(a: Results, b: Results, files: { a?: string; b?: string } = {}): Diff {
  const common = Object.keys(a.strategies).filter((s) => s in b.strategies);
  const notes = checkComparable(a, b, common);
  const rows: DiffRow[] = [];
  // The headline KPIs either run shows its reader (one of two equal waiting-for-a-bed KPIs, the
  // cost only where priced): the terminal table lists these.
  const shown = new Set<string>([...shownHeadlineKpis(a), ...shownHeadlineKpis(b)]);
  for (const s of common) {
    const sa = a.strategies[s],
      sb = b.strategies[s];
    for (const [k, st] of Object.entries(sa.kpis)) {
      const other = (sb.kpis as Record<string, Stat | undefined>)[k];
      if (st && other) rows.push(row(s, 'system', k, st, other, shown));
    }
    for (const [u, metrics] of Object.entries(sa.units)) {
      const om = sb.units[u] as Record<string, Stat | undefined> | undefined;
      if (!om) continue;
      for (const [m, st] of Object.entries(metrics)) {
        const other = om[m];
        if (st && other) rows.push(row(s, u, m, st, other, shown));
      }
    }
  }
  const meta = (r: Results, file?: string) => ({
    ...(file ? { file } : {}),
    scenario: r.scenario.name,
    hash: r.scenario.hash,
    replications: r.replications,
  });
  return { format: 'caresim-diff/1', a: meta(a, files.a), b: meta(b, files.b), notes, strategies: common, rows };
}
