/**
 * The results file (ARCHITECTURE §6, contract): what `caresim run --out` writes, what
 * `caresim merge` combines and what the report and viewer read. Everything is summarised
 * over replications; `null` stands for "not defined" (e.g. utilisation of an unlimited
 * unit), because JSON has no NaN.
 */
export interface Stat {
  mean: number | null;
  sd: number | null;
  ci95: [number | null, number | null];
  n: number;
}

export interface Band {
  mean: number[];
  p05: number[];
  p95: number[];
}

export interface StrategyResults {
  description: string;
  /** What the strategy changed, as written: dotted path -> expression. */
  set: Record<string, string>;
  /** For sweep strategies: swept path -> numeric value. */
  sweep?: Record<string, number>;
  kpis: Record<string, Stat>;
  units: Record<string, Record<string, Stat>>;
  /** Measured days only (warm-up cut). */
  /** `admissions` is absent in files written before daily admissions were recorded. */
  daily: Record<string, { occupancy: Band; blocked: Band; queue: Band; capacity: number[]; admissions?: Band }>;
  /** Patients leaving by each exit, per day. */
  exits: Record<string, Stat>;
  population?: Record<string, {
    people: number[];
    crises_per_1000_per_year: Stat;
    admissions_per_1000_per_year: Stat;
    bed_days_per_1000_per_year: Stat;
    days_at_home_per_person_year: Stat;
  }>;
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

export interface Results {
  format: 'caresim-results/1';
  scenario: { name: string; hash: string; file?: string; assumptions: string[] };
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
  differences: Record<string, Record<string, Stat>>;
  /** Baseline: running mean across replications of daily occupancy, every day from t = 0. */
  warmup_aid?: Record<string, number[]>;
  sweep?: { paths: string[]; points: { strategy: string; values: Record<string, number> }[] };
  /** Problems the finished run shows (run-warnings.ts); absent when there are none. */
  warnings?: RunWarning[];
  /** Replications that failed (after one retry), by strategy and index. */
  failures?: { strategy: string; replication: number; error: string }[];
  /** The baseline's uncertain-param draws of every replication (`values[r][i]` for `params[i]`); absent when none is uncertain. */
  draws?: { params: string[]; values: number[][] };
  /** Timing and machine facts: excluded when comparing runs for determinism. */
  run?: { seconds: number; workers: number; shard?: string; finished: string };
}

/** Headline KPIs in the order boards read them (see kpis.ts for definitions). */
export const HEADLINE_KPIS = [
  'delayed_bed_days_per_day',
  'acute_occupancy',
  'admissions_per_day',
  'ucr_within_2h',
  'cost_per_day',
] as const;
