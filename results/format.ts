/**
 * The results file (ARCHITECTURE §6, contract): what `caresim run --out` writes, what
 * `caresim merge` combines and what the report and viewer read. Everything is summarised
 * over replications; `null` stands for "not defined" (e.g. utilisation of an unlimited
 * unit), because JSON has no NaN.
 */
import type { PairedKpiName, ScenarioLabels, SystemKpiName, UnitMetricName } from '../engine/index.js';
import { PAIRED_KPIS } from '../engine/index.js';
import type { Comparisons } from './appraisal/index.js';

/** The `format` field of every results file this version writes and reads. */
export const RESULTS_FORMAT = 'caresim-results/1';
/**
 * A value over replications. `ci95` is the 95% CI of the mean (how sure the estimate of the
 * mean is: it narrows with more replications); `p10`-`p90` is the outcome range, the 10th and
 * 90th percentiles of the replication values (what one year could look like: it does not
 * narrow). Percentile rule and sample in percentiles.ts. Files written before the range was
 * added have no `p10`/`p90`: readers treat them as absent (null).
 */
export interface Stat {
  mean: number | null;
  sd: number | null;
  ci95: [number | null, number | null];
  p10: number | null;
  p90: number | null;
  n: number;
}

/**
 * A Stat per KPI, per unit metric: keyed by the names of metrics.ts, so a reader that names a
 * KPI or metric by hand cannot misspell it. Every key is optional: a file holds only what its
 * model answers (and files from other versions may hold other names, read generically).
 */
export type KpiStats = { [K in SystemKpiName]?: Stat };
/** A strategy's paired differences: every KPI's, and the economic case's own (engine/metrics.ts PAIRED_KPIS). */
export type PairedStats = KpiStats & { [K in PairedKpiName]?: Stat };
export type UnitMetricStats = { [K in UnitMetricName]?: Stat };

export interface Band {
  mean: number[];
  p05: number[];
  p95: number[];
}

/** One unit whose funded places a strategy changed (appraisal/funding.ts). */
export interface FundingLine {
  unit: string;
  places_from: number;
  places_to: number;
  cost_per_year: number;
}
/** What a strategy closes and buys in funded places, and the net change in funded cost a year. */
export interface Funding {
  closed: FundingLine[];
  bought: FundingLine[];
  net_per_year: number;
}

/** One change a strategy makes: the key path, its baseline value and the strategy's (scenarios/changes.ts). */
export interface Change {
  path: string;
  from: string;
  to: string;
}

/** A strategy's balanced verdict from the paired CIs of the headline KPIs (appraisal/verdict.ts). */
export interface Verdict {
  verdict: 'better' | 'worse' | 'trade-off' | 'no clear difference';
  better: string[];
  worse: string[];
  /** Improvements that do not count because patients are stuck elsewhere (e.g. fewer admissions while ED waits rise). */
  discounted?: string[];
}

/**
 * Patients a day along one edge of the pathway (results/flow-fold.ts). Nodes are typed:
 * `cohort:<name>` (crises of a population cohort), `source:<name>` (an arrival stream),
 * `unit:<name>`, `exit:<name>`, `lost:turned_away` (no place and no waiting place),
 * `lost:left_waiting` (left a queue before being reached, with no overflow), and
 * `stock:start` / `stock:end` (patients inside a unit when measuring started / at the end,
 * per measured day), so that flows in = flows out for every unit.
 */
export interface Flow {
  from: string;
  to: string;
  per_day: Stat;
  /** Of them, those who had first waited blocked for a place downstream (absent: none did). */
  delayed_per_day?: Stat;
}

export interface StrategyResults {
  description: string;
  /** What the strategy changed, as written: dotted path -> expression. */
  set: Record<string, string>;
  /** For sweep strategies: swept path -> numeric value. */
  sweep?: Record<string, number>;
  /** Every change against the baseline, from -> to (absent for the baseline). */
  changes?: Change[];
  /** Funded places closed and bought, when the model prices funded places. */
  funding?: Funding;
  /** Against the baseline (absent for the baseline). */
  verdict?: Verdict;
  kpis: KpiStats;
  units: Record<string, UnitMetricStats>;
  /** Measured days only (warm-up cut). */
  /** `admissions` is absent in files written before daily admissions were recorded. */
  daily: Record<string, { occupancy: Band; blocked: Band; queue: Band; capacity: number[]; admissions?: Band }>;
  /** Patients leaving by each exit, per day. */
  exits: Record<string, Stat>;
  population?: Record<
    string,
    {
      people: number[];
      crises_per_1000_per_year: Stat;
      admissions_per_1000_per_year: Stat;
      bed_days_per_1000_per_year: Stat;
      days_at_home_per_person_year: Stat;
    }
  >;
  /** Patients a day along every edge of the pathway (absent in files written before flows were counted). */
  flows?: Flow[];
}

/** A problem a finished run shows, with the numbers behind it. */
export interface RunWarning {
  code: 'queue-growing' | 'warmup-short';
  strategy: string;
  unit: string;
  message: string;
  /** queue-growing: Sen's slope (patients a day) and the one-sided p-value. */
  slope_per_day?: number;
  p_value?: number;
  /** warmup-short: MSER-5's end of the warm-up, and the scenario's. */
  suggested_warmup_days?: number;
  warmup_days?: number;
}

/**
 * A warning `caresim check` gives for the scenario (printed before the run too): an offered
 * load above capacity, funded places without staff. Kept in the results so that a reader of the
 * file or the report sees what the person who ran it saw.
 */
export interface ScenarioWarning {
  code: string;
  /** The scenario key it is about (e.g. `units.p1`), its line and column in the file. */
  key: string;
  line: number;
  col: number;
  message: string;
  hint?: string;
}

/** Plain labels of the scenario's names, for reports (only names that have a label; sweep points' built from their params'). */
export type Labels = ScenarioLabels;

export interface Results {
  format: typeof RESULTS_FORMAT;
  scenario: { name: string; hash: string; file?: string; assumptions: string[] };
  /** Plain labels from the scenario's `label:` keys (absent when it has none). */
  labels?: Labels;
  engine: { version: string };
  seed: number | string;
  replications: number;
  horizon_days: number;
  warmup_days: number;
  /** Calendar date of the first measured day (YYYY-MM-DD). */
  start_date: string;
  /** Set when replications were `auto`: the precision reached. */
  precision?: { target: number; reached: boolean; worst: { kpi: string; relative_half_width: number | null } };
  /** Strategy name -> results; `baseline` comes first. */
  strategies: Record<string, StrategyResults>;
  /** Strategy -> KPI -> paired difference (strategy minus baseline) over replications. */
  differences: Record<string, PairedStats>;
  /** The comparisons behind the verdicts: how many, how many clear, how many chance alone would give (appraisal/comparisons.ts). */
  comparisons?: Comparisons;
  /** Baseline: running mean across replications of daily occupancy, every day from t = 0. */
  warmup_aid?: Record<string, number[]>;
  sweep?: { paths: string[]; points: { strategy: string; values: Record<string, number> }[] };
  /** Problems the finished run shows (run-warnings.ts); absent when there are none. */
  warnings?: RunWarning[];
  /** The scenario's warnings from `caresim check` (absent when there are none, and in merged shards). */
  scenario_warnings?: ScenarioWarning[];
  /** Replications that failed (after one retry), by strategy and index. */
  failures?: { strategy: string; replication: number; error: string }[];
  /**
   * The baseline's uncertain-param draws of every replication (`values[r][i]` for `params[i]`); absent when none is uncertain.
   * `kpis[k][r]`: the baseline's headline KPI k in replication r (null: failed, or run by another shard), so the report's
   * global sensitivity (viz/global-sensitivity.ts) is computed from numbers in the file.
   */
  draws?: { params: string[]; values: number[][]; kpis?: Record<string, (number | null)[]> };
  /** Timing and machine facts: excluded when comparing runs for determinism. */
  run?: { seconds: number; workers: number; shard?: string; finished: string };
}

/** Headline KPIs in the order boards read them (see engine/kpis.ts for definitions). */
export const HEADLINE_KPIS = [
  'delayed_bed_days_per_day',
  'acute_waiting_mean',
  'waits_12h_per_day',
  'acute_occupancy',
  'admissions_per_day',
  'ucr_within_2h',
  'cost_per_day',
  // Models with an ED-role unit (engine/ed-stats.ts): the 4-hour standard and the crowding behind it.
  'ed_4h_share',
  'ed_12h_from_arrival_per_day',
  'ed_12h_from_decision_per_day',
  'ed_time_in_department_mean',
  'ed_occupancy',
  'ed_waiting_for_bed_mean',
] as const satisfies readonly SystemKpiName[];

/**
 * What `replications: auto` pins to within 5%: the headline KPIs without the crowding counts
 * (12-hour waits, patients waiting for a bed, ED time and occupancy driven by them), which
 * are rare or near zero in an uncrowded system: a count of about one a day swings by half
 * between replications, so ±5% would ask for hundreds of them (their paired differences
 * still carry CIs). The ED's 4-hour share, a share of a thousand attendances a day, stays.
 */
export const PRECISION_KPIS = [
  'delayed_bed_days_per_day',
  'acute_occupancy',
  'admissions_per_day',
  'ucr_within_2h',
  'cost_per_day',
  'ed_4h_share',
] as const satisfies readonly SystemKpiName[];

export type HeadlineKpi = (typeof HEADLINE_KPIS)[number];

/**
 * Whether the run's model prices anything (a cost per place, use or contact, staff pay, a
 * one-off): the engine then writes `recurrent_cost_per_year`. A model that prices nothing still
 * has `cost_per_day`, always 0, which must not read as care that costs nothing.
 */
export function isPriced(r: Pick<Results, 'strategies'>): boolean {
  return Object.values(r.strategies).some((s) => s.kpis.recurrent_cost_per_year != null);
}

/**
 * Whether an amount (a CI half-width, a gap between two values) is rounding in the last bits of
 * a value of this size: the same quantity summed in another order, not a difference.
 */
export function negligible(amount: number, magnitude: number): boolean {
  return amount <= 1e-9 * Math.max(1, Math.abs(magnitude));
}

/** Two values equal but for the last bits of their floating-point sums. */
const sameNumber = (a: number | null | undefined, b: number | null | undefined) =>
  a === b || (typeof a === 'number' && typeof b === 'number' && negligible(Math.abs(a - b), Math.max(Math.abs(a), Math.abs(b))));

/**
 * Whether the patients in the ED waiting for a bed are, in every strategy, the patients waiting
 * for an acute bed: every acute admission comes through the ED and waits there, so the two KPIs
 * are one number from two sums. Shown twice, they read as two groups of patients.
 */
export function edWaitIsAcuteWait(r: Pick<Results, 'strategies'>): boolean {
  const all = Object.values(r.strategies);
  return all.length > 0 && all.every(({ kpis: { acute_waiting_mean: a, ed_waiting_for_bed_mean: e } }) => sameStat(a, e));
}

/** Two Stats of one quantity: mean, spread and CI equal but for the last bits of their sums. */
export function sameStat(a: Stat | undefined, b: Stat | undefined): boolean {
  if (!a || !b || a.mean === null) return false;
  return sameNumber(a.mean, b.mean) && sameNumber(a.sd, b.sd) && sameNumber(a.ci95[0], b.ci95[0]) && sameNumber(a.ci95[1], b.ci95[1]);
}

/**
 * The headline KPIs a run answers for a reader: the cost a day only where the model prices
 * anything, and the ED's patients waiting for a bed only where they are not the same patients
 * as those waiting for an acute bed (the results file keeps both).
 */
export function shownHeadlineKpis(r: Pick<Results, 'strategies'>): HeadlineKpi[] {
  const priced = isPriced(r),
    same = edWaitIsAcuteWait(r);
  return HEADLINE_KPIS.filter((k) => (k !== 'cost_per_day' || priced) && (k !== 'ed_waiting_for_bed_mean' || !same));
}

/**
 * The economic case of a strategy against the baseline, in the order a finance director reads
 * it: the change in recurrent cost, the one-off, then the paired KPIs (double running, net
 * cost a year, NPV, ROI, payback, probability of saving, cost per admission and bed-day).
 * The terminal and the report show these, from `differences`.
 */
export const ECONOMIC_KPIS = ['recurrent_cost_per_year', 'one_off_cost', ...PAIRED_KPIS] as const;

/**
 * The KPIs of the one-at-a-time analysis a reader is shown: not the ED's patients waiting for a
 * bed where, input by input, they are the patients waiting for an acute bed (one number, shown
 * once), nor a cost that is exactly zero for every input (a model that prices nothing).
 */
export function shownSensitivityKpis(f: { one_at_a_time: Record<string, { param: string; low: Stat; high: Stat }[]> }): string[] {
  const oat = f.one_at_a_time;
  const same = (x: string, y: string) =>
    oat[x] !== undefined &&
    oat[y] !== undefined &&
    oat[x].length === oat[y].length &&
    oat[x].every((r) => {
      const o = oat[y].find((q) => q.param === r.param);
      return o !== undefined && sameStat(r.low, o.low) && sameStat(r.high, o.high);
    });
  const zero = (s: Stat) => s.mean === 0 && s.ci95[0] === 0 && s.ci95[1] === 0;
  return Object.keys(oat).filter(
    (k) =>
      !(k === 'ed_waiting_for_bed_mean' && same(k, 'acute_waiting_mean')) &&
      !(k === 'cost_per_day' && oat[k].every((r) => zero(r.low) && zero(r.high))),
  );
}

/**
 * Whether a global sensitivity's draws are too few to read: a rank regression on k inputs over
 * n <= k + 1 replications fits any output exactly (r2 = 1, partial correlations of ±1 or none).
 */
export function tooFewDraws(g: { n: number; inputs: readonly unknown[] }): boolean {
  return g.n <= g.inputs.length + 1;
}
