/**
 * Results file -> what each chart draws. Pure functions (no DOM), so the shaping is unit
 * tested without a browser and the charts only map ready rows to marks.
 */
import {
  type Band,
  type HeadlineKpi,
  type Results,
  type Stat,
  type SystemKpiName,
  HEADLINE_KPIS,
  isPriced,
  shownHeadlineKpis,
  edWaitIsAcuteWait,
} from '../results/index.js';
import { hasMean } from './format.js';
import { own } from '../engine/index.js';

export const BASELINE = 'baseline';

/** Strategy names, baseline first (whatever order the file has). */
export function strategyNames(r: Results): string[] {
  const names = Object.keys(r.strategies);
  return names.includes(BASELINE) ? [BASELINE, ...names.filter((n) => n !== BASELINE)] : names;
}

/** Strategies drawn in overlaid charts: sweep points have their own chart, so they are left out. */
export function mainStrategies(r: Results): string[] {
  const names = strategyNames(r);
  const main = names.filter((n) => n === BASELINE || !r.strategies[n].sweep);
  return main.length > 0 ? main : names;
}

export interface CardRow {
  kpi: HeadlineKpi;
  /** "admissions avoided" shows the fall of admissions_per_day as a positive number. */
  avoided: boolean;
  strategy: string;
  value: Stat | null;
  diff: Stat | null;
}

/** Headline cards: one per headline KPI per strategy (missing KPIs kept, as "not modelled"). */
export function headlineCards(r: Results): CardRow[] {
  const rows: CardRow[] = [];
  const priced = isPriced(r);
  const same = edWaitIsAcuteWait(r);
  for (const strategy of strategyNames(r)) {
    const s = r.strategies[strategy];
    for (const kpi of HEADLINE_KPIS) {
      // The ED's patients waiting for a bed, where they are those waiting for an acute bed: one card.
      if (kpi === 'ed_waiting_for_bed_mean' && same) continue;
      // A model that prices nothing has a cost of 0 a day: "not modelled", never £0.
      const shown = kpi !== 'cost_per_day' || priced;
      rows.push({
        kpi,
        avoided: kpi === 'admissions_per_day',
        strategy,
        value: shown ? (s.kpis[kpi] ?? null) : null,
        diff: strategy === BASELINE || !shown ? null : (own(own(r.differences, strategy), kpi) ?? null),
      });
    }
  }
  return rows;
}

export interface DiffRow {
  kpi: SystemKpiName;
  strategy: string;
  diff: Stat & { mean: number };
}

/** Paired differences of the given KPIs for every non-baseline strategy that has them. */
export function differenceRows(r: Results, kpis: readonly SystemKpiName[] = shownHeadlineKpis(r)): DiffRow[] {
  const rows: DiffRow[] = [];
  for (const kpi of kpis) {
    for (const strategy of strategyNames(r)) {
      const diff = own(own(r.differences, strategy), kpi);
      if (strategy !== BASELINE && hasMean(diff)) rows.push({ kpi, strategy, diff });
    }
  }
  return rows;
}

export interface FanPoint {
  /** Day index: negative in the warm-up, 0 = first measured day. */
  day: number;
  mean: number;
  p05: number | null;
  p95: number | null;
}

export interface FanSeries {
  strategy: string;
  points: FanPoint[];
  capacity: number[];
}

export interface FanData {
  unit: string;
  series: FanSeries[];
  /** Baseline running mean through the warm-up (Welch's aid), days -warmup..-1. */
  warmup: FanPoint[];
}

function bandPoints(b: Band): FanPoint[] {
  return b.mean
    .map((mean, day) => ({ day, mean, p05: b.p05[day] ?? null, p95: b.p95[day] ?? null }))
    .filter((p) => p.mean !== null && Number.isFinite(p.mean));
}

/** Units that have daily series, in the order of the first strategy that has any. */
export function dailyUnits(r: Results): string[] {
  for (const name of strategyNames(r)) {
    const units = Object.keys(r.strategies[name].daily ?? {});
    if (units.length > 0) return units;
  }
  return [];
}

/** Occupancy through time for one unit: every strategy, and the warm-up from `warmup_aid`. */
export function fanData(r: Results, unit: string): FanData {
  const series: FanSeries[] = [];
  for (const strategy of mainStrategies(r)) {
    const d = own(r.strategies[strategy].daily, unit);
    if (d) series.push({ strategy, points: bandPoints(d.occupancy), capacity: d.capacity ?? [] });
  }
  const aid = own(r.warmup_aid, unit) ?? [];
  const first = Math.floor(r.warmup_days + 1e-9);
  const warmup = aid
    .slice(0, first)
    .map((mean, i) => ({ day: i - first, mean, p05: null, p95: null }))
    .filter((p) => Number.isFinite(p.mean));
  return { unit, series, warmup };
}

/** Calendar date (UTC) of a day index relative to the first measured day. */
export function dayDate(startDate: string, day: number): Date {
  const base = Date.parse(startDate + 'T00:00:00Z');
  return new Date((Number.isFinite(base) ? base : 0) + day * 86_400_000);
}

export interface BarRow {
  group: string;
  strategy: string;
  stat: Stat & { mean: number };
}

/**
 * Grouped bars of unit metrics (one group per unit) for every strategy; `scale` converts
 * the stored value (e.g. days -> hours). Units without the metric are left out.
 */
export function unitMetricBars(r: Results, metric: string, units?: readonly string[], scale = 1): BarRow[] {
  const rows: BarRow[] = [];
  const names = mainStrategies(r);
  const all = units ?? unitNames(r);
  for (const unit of all) {
    for (const strategy of names) {
      const s = own(own(r.strategies[strategy].units, unit), metric);
      if (hasMean(s)) rows.push({ group: unit, strategy, stat: scaleStat(s, scale) });
    }
  }
  // A unit that is zero under every strategy (no cost set, never waits) only adds clutter.
  const live = new Set(rows.filter((row) => row.stat.mean !== 0).map((row) => row.group));
  return rows.filter((row) => live.has(row.group));
}

/** Grouped bars of KPIs (one group per KPI) for every strategy. */
export function kpiBars(r: Results, kpis: readonly SystemKpiName[], label: (kpi: string) => string = (k) => k): BarRow[] {
  const rows: BarRow[] = [];
  for (const kpi of kpis) {
    for (const strategy of mainStrategies(r)) {
      const s = r.strategies[strategy].kpis?.[kpi];
      if (hasMean(s)) rows.push({ group: label(kpi), strategy, stat: s });
    }
  }
  return rows;
}

/** Per-cohort population rates (per 1,000 people a year) as grouped bars; empty without a population. */
export function cohortBars(
  r: Results,
  metric: 'crises_per_1000_per_year' | 'admissions_per_1000_per_year' | 'bed_days_per_1000_per_year' | 'days_at_home_per_person_year',
): BarRow[] {
  const rows: BarRow[] = [];
  for (const strategy of mainStrategies(r)) {
    for (const [cohort, c] of Object.entries(r.strategies[strategy].population ?? {})) {
      const s = c[metric];
      if (hasMean(s)) rows.push({ group: cohort, strategy, stat: s });
    }
  }
  // Group by cohort so each cohort's strategies sit together.
  const order = [...new Set(rows.map((x) => x.group))];
  return rows.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
}

export function unitNames(r: Results): string[] {
  const seen = new Set<string>();
  for (const name of strategyNames(r)) for (const u of Object.keys(r.strategies[name].units ?? {})) seen.add(u);
  return [...seen];
}

/** Units of a role-like name (acute, p1, ...): the results file has no roles, names carry them. */
export function unitsNamed(r: Results, pattern: RegExp): string[] {
  return unitNames(r).filter((u) => pattern.test(u));
}

export function scaleStat(s: Stat & { mean: number }, k: number): Stat & { mean: number } {
  if (k === 1) return s;
  const [lo, hi] = s.ci95;
  const out: Stat & { mean: number; p10?: number | null; p90?: number | null } = {
    mean: s.mean * k,
    sd: s.sd === null ? null : s.sd * k,
    ci95: [lo === null ? null : lo * k, hi === null ? null : hi * k],
    p10: s.p10 == null ? null : s.p10 * k,
    p90: s.p90 == null ? null : s.p90 * k,
    n: s.n,
  };
  // The outcome range scales with the values (results files from before it was written lack it).
  const range = s as { p10?: number | null; p90?: number | null };
  if (range.p10 !== undefined) out.p10 = range.p10 === null ? null : range.p10 * k;
  if (range.p90 !== undefined) out.p90 = range.p90 === null ? null : range.p90 * k;
  return out;
}

export interface SweepPoint {
  x: number;
  strategy: string;
  stat: Stat & { mean: number };
}

/** KPI against the first swept value, in increasing x; empty when the file has no sweep. */
export function sweepPoints(r: Results, kpi: SystemKpiName): SweepPoint[] {
  const path = r.sweep?.paths[0];
  if (!path) return [];
  const out: SweepPoint[] = [];
  for (const p of r.sweep!.points) {
    const x = own(p.values, path);
    const s = own(own(r.strategies, p.strategy)?.kpis, kpi);
    if (x !== undefined && Number.isFinite(x) && hasMean(s)) out.push({ x, strategy: p.strategy, stat: s });
  }
  return out.sort((a, b) => a.x - b.x);
}

export interface MethodsFact {
  label: string;
  value: string;
}

/** The methods panel (a STRESS-DES style summary) from the results file alone. */
export function methodsFacts(r: Results): MethodsFact[] {
  const facts: MethodsFact[] = [
    { label: 'Scenario', value: r.scenario.name },
    { label: 'Scenario hash', value: r.scenario.hash },
    { label: 'Model', value: 'Discrete-event simulation of patient flow with blocking after service (delayed discharge)' },
    {
      label: 'Replications',
      value:
        String(r.replications) +
        (r.precision
          ? ` (chosen automatically; worst headline CI half-width ${r.precision.worst.relative_half_width === null ? 'n/a' : (r.precision.worst.relative_half_width * 100).toFixed(1) + '%'} of its mean, target ${(r.precision.target * 100).toFixed(0)}%${r.precision.reached ? '' : ', NOT reached'})`
          : ''),
    },
    { label: 'Warm-up (discarded)', value: `${r.warmup_days} days` },
    { label: 'Measured period', value: `${r.horizon_days} days from ${r.start_date}` },
    { label: 'Random seed', value: String(r.seed) + ' (common random numbers across strategies)' },
    { label: 'Engine version', value: `caresim ${r.engine.version}` },
    { label: 'Intervals', value: '95% t-intervals over replications; differences are paired against baseline' },
    {
      label: 'Outcome range',
      value: '10th to 90th percentile of the replications’ values (what one year could look like), where the results file has it',
    },
  ];
  if (r.scenario.file) facts.splice(1, 0, { label: 'Scenario file', value: r.scenario.file });
  if (r.failures && r.failures.length > 0) facts.push({ label: 'Failed replications', value: String(r.failures.length) });
  return facts;
}
