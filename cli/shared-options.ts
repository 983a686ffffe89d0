/**
 * Options several commands take, each written once: the same flag means the same thing in
 * every command that has it. Where only the text differs (what `--out` writes, what
 * `--quiet` leaves out), a function takes the text and the rest stays shared.
 */
export type OptionType = 'string' | 'number' | 'boolean' | 'array';

export interface OptionSpec {
  name: string;
  type: OptionType;
  describe: string;
  alias?: string;
  default?: string | number | boolean;
  /** Placeholder shown in help, e.g. N or FILE. */
  value?: string;
}

/** Files a board report carries besides the run (viz/attachment-file.ts). */
export const ATTACH: OptionSpec[] = [
  {
    name: 'optimise',
    type: 'string',
    value: 'FILE',
    describe: 'With the report: add the optimisation result (from caresim optimise --out)',
  },
  {
    name: 'sensitivity',
    type: 'string',
    value: 'FILE',
    describe: 'With the report: add the one-at-a-time tornado (from caresim sensitivity --out)',
  },
];

export const SET: OptionSpec = {
  name: 'set',
  type: 'array',
  value: 'PATH=EXPR',
  describe: 'Override a scenario value, e.g. units.acute.capacity=2000 (repeatable)',
};

export const ADJUST: OptionSpec = {
  name: 'adjust',
  type: 'string',
  value: 'none|holm',
  describe: 'Intervals the verdicts use: plain 95% CIs (none) or Holm-adjusted for the many strategy x KPI comparisons (holm)',
};

/** The master seed of a simulation command (`caresim fit` seeds only its bootstrap: its own option). */
export const SEED: OptionSpec = { name: 'seed', type: 'string', value: 'S', describe: 'Master seed (overrides the scenario)' };

export const WORKERS: OptionSpec = {
  name: 'workers',
  alias: 'w',
  type: 'number',
  value: 'W',
  describe: 'Worker threads (default: all cores; 0 = in the main thread)',
};

/** The tables of a results file, which `caresim run` and `caresim merge` write alike. */
export const TABLES: OptionSpec[] = [
  { name: 'csv', type: 'string', value: 'DIR', describe: 'Write tidy CSV files into DIR (every table of the results)' },
  { name: 'per-rep', type: 'boolean', default: false, describe: 'With --csv or --xlsx: also one row per replication' },
  { name: 'xlsx', type: 'string', value: 'FILE', describe: 'Write every CSV table as one Excel workbook (a sheet per table)' },
];

export const JOURNAL: OptionSpec = {
  name: 'journal',
  type: 'string',
  value: 'FILE',
  describe: 'Journal file (default: OUT.journal.ndjson)',
};

/** `--out FILE`: each command says what it writes there. */
export const out = (describe: string): OptionSpec => ({ name: 'out', alias: 'o', type: 'string', value: 'FILE', describe });

/** `--report FILE`: each command says what the HTML page shows. */
export const report = (describe: string): OptionSpec => ({ name: 'report', type: 'string', value: 'FILE', describe });

/** `--quiet`: each command says what it leaves out. */
export const quiet = (describe: string): OptionSpec => ({ name: 'quiet', alias: 'q', type: 'boolean', default: false, describe });
