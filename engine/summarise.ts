/**
 * ReplicationResult[] -> the parts of the results file (ARCHITECTURE §6). Isomorphic: the
 * CLI runner and the browser viewer share it, so a run gives the same numbers in both.
 * Replications are always folded in index order, so the output is byte-identical however
 * the replications were spread over workers, shards or resumed runs.
 * NaN ("not defined" in one replication) is left out of a Stat; a Stat with no defined
 * value has null mean (JSON has no NaN).
 */
import type { ReplicationResult } from './result.js';
import type { Band, Results, Stat, StrategyResults } from './results.js';
import { HEADLINE_KPIS } from './results.js';

/** Two-sided 95% t quantiles for 1..30 degrees of freedom. */
const T975 = [
  12.706204736, 4.302652730, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252,
  2.306004135, 2.262157163, 2.228138852, 2.200985160, 2.178812830, 2.160368656, 2.144786688,
  2.131449546, 2.119905299, 2.109815578, 2.100922040, 2.093024054, 2.085963447, 2.079613845,
  2.073873068, 2.068657610, 2.063898562, 2.059538553, 2.055529439, 2.051830516, 2.048407142,
  2.045229642, 2.042272456,
];

/**
 * The 0.975 quantile of Student's t with `df` degrees of freedom: a table up to 30, then
 * the Cornish-Fisher expansion around the normal quantile (error below 1e-6 from df 30 on).
 */
export function tQuantile975(df: number): number {
  if (!(df >= 1)) return NaN;
  if (df <= 30 && Number.isInteger(df)) return T975[df - 1];
  const z = 1.959963984540054, z2 = z * z;
  const g1 = (z2 * z + z) / 4;
  const g2 = (5 * z2 * z2 * z + 16 * z2 * z + 3 * z) / 96;
  const g3 = (3 * z2 * z2 * z2 * z + 19 * z2 * z2 * z + 17 * z2 * z - 15 * z) / 384;
  return z + g1 / df + g2 / (df * df) + g3 / (df * df * df);
}

/** Mean, sample sd and the t-based 95% CI of the defined (finite) values. */
export function stat(values: readonly number[]): Stat {
  let n = 0, sum = 0;
  for (const v of values) if (Number.isFinite(v)) { n++; sum += v; }
  if (n === 0) return { mean: null, sd: null, ci95: [null, null], n: 0 };
  const mean = sum / n;
  if (n === 1) return { mean, sd: null, ci95: [null, null], n };
  let ss = 0;
  for (const v of values) if (Number.isFinite(v)) ss += (v - mean) * (v - mean);
  const sd = Math.sqrt(ss / (n - 1));
  const half = (tQuantile975(n - 1) * sd) / Math.sqrt(n);
  return { mean, sd, ci95: [mean - half, mean + half], n };
}

/** Quantile with linear interpolation between order statistics (R type 7). */
export function quantile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const h = (sorted.length - 1) * p, lo = Math.floor(h);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
}

/** Keys of every record in order of first appearance (deterministic, index order). */
function keysOf(rows: readonly Record<string, unknown>[]): string[] {
  const seen = new Set<string>();
  for (const row of rows) for (const k of Object.keys(row)) seen.add(k);
  return [...seen];
}

const valueOf = (row: Record<string, number> | undefined, key: string): number => (row && Object.hasOwn(row, key) ? row[key] : NaN);

// PERF: a run summarises thousands of days x units x replications. Each replication's series
// is read once, front to back (sequential memory), and each day keeps only what its band
// needs: a running sum for the mean (added in index order, so the mean is the same whatever
// the arrival order) and the k smallest and k largest values, which hold every order
// statistic that the 5% and 95% quantiles interpolate between. Gathering each day's column
// across replications and selecting in it cost twice as much on model B (bench/RESULTS.md).

/** Pushes v onto the max-heap h[o .. o + n). */
function heapPush(h: Float64Array, o: number, n: number, v: number): void {
  let i = n;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (h[o + parent] >= v) break;
    h[o + i] = h[o + parent];
    i = parent;
  }
  h[o + i] = v;
}

/** Puts v in place of the top of the max-heap h[o .. o + n) and sifts it down. */
function heapReplaceTop(h: Float64Array, o: number, n: number, v: number): void {
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && h[o + c + 1] > h[o + c]) c++;
    if (h[o + c] <= v) break;
    h[o + i] = h[o + c];
    i = c;
  }
  h[o + i] = v;
}

/** Keeps, per slot, the k smallest values offered (a max-heap each); the caller counts offers. */
function offer(h: Float64Array, o: number, k: number, seen: number, v: number): void {
  if (seen < k) heapPush(h, o, seen, v);
  else if (v < h[o]) heapReplaceTop(h, o, k, v);
}

const pair = new Float64Array(2);

/**
 * Leaves order statistics j and j + 1 (ascending, 0-based) of the m values in the max-heap
 * h[o .. o + m) in pair[0] and pair[1] (NaN where there is none), popping from the top
 * (the heap is spent afterwards).
 */
function orderPair(h: Float64Array, o: number, m: number, j: number): void {
  // Popping the top: the last value takes its place and sifts down.
  while (m > j + 2) { m--; heapReplaceTop(h, o, m, h[o + m]); }
  pair[1] = m > j + 1 ? h[o] : NaN;
  if (m > j + 1) { m--; heapReplaceTop(h, o, m, h[o + m]); }
  pair[0] = j >= 0 && m > j ? h[o] : NaN;
}

/** Type 7 interpolation between order statistics lo and lo + 1 of n values at position h. */
function between(n: number, h: number, lo: number, below: number, above: number): number {
  return lo + 1 >= n || h === lo ? below : below + (h - lo) * (above - below);
}

function band(series: readonly ArrayLike<number>[], from: number): Band {
  const out: Band = { mean: [], p05: [], p95: [] };
  const days = series.length ? Math.min(...series.map((s) => s.length)) : 0;
  const width = Math.max(0, days - from), R = series.length;
  // With n <= R values, the order statistics around 5% lie among the k smallest, and those
  // around 95% among the k largest (kept as the k smallest of the negated values).
  const k = Math.max(1, Math.min(R, Math.floor(0.05 * (R - 1)) + 2));
  const low = new Float64Array(width * k), high = new Float64Array(width * k);
  const count = new Int32Array(width), sum = new Float64Array(width);
  for (let r = 0; r < R; r++) {
    const s = series[r];
    for (let d = 0; d < width; d++) {
      const v = s[from + d];
      if (!Number.isFinite(v)) continue;
      const seen = count[d]++;
      sum[d] += v;
      offer(low, d * k, k, seen, v);
      offer(high, d * k, k, seen, -v);
    }
  }
  for (let d = 0; d < width; d++) {
    const n = count[d], m = Math.min(n, k);
    if (n === 0) { out.mean.push(NaN); out.p05.push(NaN); out.p95.push(NaN); continue; }
    out.mean.push(sum[d] / n);
    const h05 = (n - 1) * 0.05, lo05 = Math.floor(h05);
    orderPair(low, d * k, m, lo05);
    out.p05.push(between(n, h05, lo05, pair[0], pair[1]));
    // Order statistic i of the values is minus order statistic n - 1 - i of the negated ones.
    const h95 = (n - 1) * 0.95, lo95 = Math.floor(h95);
    orderPair(high, d * k, m, n - 2 - lo95);
    out.p95.push(between(n, h95, lo95, -pair[1], -pair[0]));
  }
  return out;
}

/** Day-by-day mean across the series (each read front to back; sums in index order). */
function meanSeries(series: readonly ArrayLike<number>[], from: number): number[] {
  const days = series.length ? Math.min(...series.map((s) => s.length)) : 0;
  const width = Math.max(0, days - from);
  const sum = new Float64Array(width);
  for (const s of series) for (let d = 0; d < width; d++) sum[d] += s[from + d];
  return Array.from(sum, (v) => v / series.length);
}

/** Index of the first measured day in the daily series (which start at t = 0). */
export function firstMeasuredDay(warmupDays: number): number {
  return Math.floor(warmupDays + 1e-9);
}

export interface StrategyMeta {
  description: string;
  set: Record<string, string>;
  sweep?: Record<string, number>;
}

/** One strategy's results from its replications (any order; folded by index). */
export function summariseStrategy(reps: readonly ReplicationResult[], meta: StrategyMeta): StrategyResults {
  const rows = [...reps].sort((a, b) => a.replication - b.replication);
  const out: StrategyResults = { description: meta.description, set: meta.set, kpis: {}, units: {}, daily: {}, exits: {} };
  if (meta.sweep) out.sweep = meta.sweep;
  for (const k of keysOf(rows.map((r) => r.kpis))) out.kpis[k] = stat(rows.map((r) => valueOf(r.kpis, k)));
  for (const u of keysOf(rows.map((r) => r.units))) {
    const metrics: Record<string, Stat> = {};
    for (const m of keysOf(rows.map((r) => r.units[u] ?? {}))) metrics[m] = stat(rows.map((r) => valueOf(r.units[u], m)));
    out.units[u] = metrics;
  }
  if (rows.length === 0) return out;
  const from = firstMeasuredDay(rows[0].warmupDays);
  for (const u of keysOf(rows.map((r) => r.daily))) {
    const series = rows.map((r) => r.daily[u]).filter((d) => d !== undefined);
    out.daily[u] = {
      occupancy: band(series.map((d) => d.occupancy), from),
      blocked: band(series.map((d) => d.blocked), from),
      queue: band(series.map((d) => d.queue), from),
      capacity: meanSeries(series.map((d) => d.capacity), from),
    };
  }
  for (const e of keysOf(rows.map((r) => r.exits))) out.exits[e] = stat(rows.map((r) => valueOf(r.exits, e) / r.horizonDays));
  const population = summarisePopulation(rows, from);
  if (population) out.population = population;
  return out;
}

function summarisePopulation(rows: readonly ReplicationResult[], from: number): StrategyResults['population'] {
  const withPop = rows.filter((r) => r.population !== null);
  if (withPop.length === 0) return undefined;
  const out: NonNullable<StrategyResults['population']> = {};
  for (const c of keysOf(withPop.map((r) => r.population!))) {
    const per = withPop.map((r) => ({ r, c: r.population![c] })).filter((x) => x.c !== undefined);
    // Rates per 1,000 people per year of the measured period, per replication.
    const rate = (v: (x: (typeof per)[number]) => number) =>
      stat(per.map((x) => (x.c.people_mean > 0 ? (1000 * v(x) * 365) / (x.c.people_mean * x.r.horizonDays) : NaN)));
    out[c] = {
      people: meanSeries(per.map((x) => x.c.people), from),
      crises_per_1000_per_year: rate((x) => x.c.crises),
      admissions_per_1000_per_year: rate((x) => x.c.admissions),
      bed_days_per_1000_per_year: rate((x) => x.c.bed_days),
      days_at_home_per_person_year: stat(per.map((x) => x.c.days_at_home_per_person_year)),
    };
  }
  return out;
}

/**
 * Paired differences (strategy minus baseline) of every KPI, over the replication indices
 * both have; common random numbers make these much sharper than the difference of means.
 */
export function pairedDifferences(baseline: readonly ReplicationResult[], other: readonly ReplicationResult[]): Record<string, Stat> {
  const byIndex = new Map(baseline.map((r) => [r.replication, r]));
  const pairs = [...other].sort((a, b) => a.replication - b.replication)
    .filter((r) => byIndex.has(r.replication)).map((r) => [byIndex.get(r.replication)!, r] as const);
  const out: Record<string, Stat> = {};
  for (const k of keysOf(pairs.map(([, s]) => s.kpis))) {
    out[k] = stat(pairs.map(([b, s]) => valueOf(s.kpis, k) - valueOf(b.kpis, k)));
  }
  return out;
}

/**
 * Warm-up aid (Welch's method): per unit, the mean daily occupancy across replications for
 * every day from t = 0, smoothed by a centred 7-day moving average so the weekly cycle does
 * not hide where the curve flattens. The warm-up should end after that point.
 */
export function warmupAid(reps: readonly ReplicationResult[], window = 7): Record<string, number[]> {
  const rows = [...reps].sort((a, b) => a.replication - b.replication);
  const out: Record<string, number[]> = {};
  const half = Math.floor(window / 2);
  for (const u of keysOf(rows.map((r) => r.daily))) {
    const mean = meanSeries(rows.map((r) => r.daily[u]?.occupancy ?? new Float64Array(0)), 0);
    out[u] = mean.map((_, d) => {
      const lo = Math.max(0, d - half), hi = Math.min(mean.length - 1, d + half);
      let sum = 0;
      for (let i = lo; i <= hi; i++) sum += mean[i];
      return sum / (hi - lo + 1);
    });
  }
  return out;
}

/** Relative CI half-width of a Stat: half-width / |mean| (0 when both are 0). */
export function relativeHalfWidth(s: Stat | undefined): number | null {
  if (!s || s.mean === null || s.ci95[0] === null || s.ci95[1] === null) return null;
  const half = (s.ci95[1] - s.ci95[0]) / 2;
  if (half === 0) return 0;
  return s.mean === 0 ? Infinity : half / Math.abs(s.mean);
}

/** A statistic the model actually answers: defined, and not zero in every replication (e.g. a cost the scenario never set). */
const answered = (st: Stat | undefined): st is Stat => !!st && st.mean !== null && !(st.mean === 0 && (st.sd ?? 0) === 0);

/**
 * What `replications: auto` must pin down: the headline KPIs the model answers; for a model
 * that answers none of them (no acute, UCR or cost, e.g. a plain queue), every unit's mean
 * occupancy and mean wait instead, so that precision is never claimed on nothing.
 */
function precisionTargets(s: StrategyResults): [string, Stat][] {
  const kpis = HEADLINE_KPIS.map((k) => [k, s.kpis[k]] as [string, Stat | undefined]).filter((e): e is [string, Stat] => answered(e[1]));
  if (kpis.length > 0) return kpis;
  const out: [string, Stat][] = [];
  for (const [u, metrics] of Object.entries(s.units)) {
    for (const m of ['occupancy_mean', 'wait_mean']) if (answered(metrics[m])) out.push([`${u}.${m}`, metrics[m]]);
  }
  return out;
}

/** The worst precision over all strategies of what `precisionTargets` names. */
export function precision(strategies: Record<string, StrategyResults>, target = 0.05): NonNullable<Results['precision']> {
  let worst: { kpi: string; relative_half_width: number | null } = { kpi: '', relative_half_width: null };
  let reached = true;
  for (const s of Object.values(strategies)) {
    for (const [kpi, st] of precisionTargets(s)) {
      const rhw = relativeHalfWidth(st);
      // A KPI with a single defined value has no CI yet: precision cannot be claimed.
      const value = rhw ?? Infinity;
      if (value > target) reached = false;
      if (worst.relative_half_width === null || value > worst.relative_half_width) worst = { kpi, relative_half_width: value };
    }
  }
  if (worst.relative_half_width !== null && !Number.isFinite(worst.relative_half_width)) worst.relative_half_width = null;
  return { target, reached, worst };
}

export interface StrategyReps extends StrategyMeta {
  name: string;
  reps: readonly ReplicationResult[];
}

export interface SummariseMeta {
  scenario: Results['scenario'];
  engineVersion: string;
  seed: number | string;
  replications: number;
  horizonDays: number;
  warmupDays: number;
  startDate: string;
  sweep?: Results['sweep'];
  failures?: Results['failures'];
  precisionTarget?: number;
  /** Add `precision` (replications: auto). */
  auto?: boolean;
}

/**
 * The whole results file except `run`. The first strategy is the baseline; differences
 * are taken against it. Key order is fixed, so JSON.stringify of the result is stable.
 */
export function summarise(strategies: readonly StrategyReps[], meta: SummariseMeta): Results {
  const out: Results = {
    format: 'caresim-results/1',
    scenario: meta.scenario,
    engine: { version: meta.engineVersion },
    seed: meta.seed,
    replications: meta.replications,
    horizon_days: meta.horizonDays,
    warmup_days: meta.warmupDays,
    start_date: meta.startDate,
    strategies: {},
    differences: {},
  };
  for (const s of strategies) {
    out.strategies[s.name] = summariseStrategy(s.reps, { description: s.description, set: s.set, sweep: s.sweep });
  }
  if (meta.auto) out.precision = precision(out.strategies, meta.precisionTarget);
  const [base, ...rest] = strategies;
  for (const s of rest) out.differences[s.name] = pairedDifferences(base.reps, s.reps);
  if (base) out.warmup_aid = warmupAid(base.reps);
  if (meta.sweep) out.sweep = meta.sweep;
  if (meta.failures && meta.failures.length > 0) out.failures = meta.failures;
  return out;
}
