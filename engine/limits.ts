/**
 * Limits caresim states and refuses past, at `check` and on the command line, rather than
 * letting a run exhaust memory. Each is far above what a planning question needs.
 */
export { MAX_PATIENTS } from './patients.js';

/**
 * Replications per strategy: the runner keeps a task and a result per replication, and
 * 100,000 already give confidence intervals 70 times narrower than 20 do.
 */
export const MAX_REPLICATIONS = 100_000;

/**
 * Arrivals in one replication (warm-up and horizon): a billion already takes minutes per
 * replication; more is almost always a unit slip such as `/minute` for `/day`.
 */
export const MAX_ARRIVALS = 1e9;

/**
 * Worker threads per core: each thread holds its own heap (tens of MB), and beyond a few per
 * core they only compete for the same cores.
 */
export const MAX_WORKERS_PER_CORE = 4;

/**
 * Why the limits are what they are, as the command line (`--reps`, `--max-reps`, `--workers`)
 * and a script's run options (`reps`, `maxReps`, `workers`) state them, after the number.
 */
export const REPLICATIONS_WHY = " per strategy (caresim's limit; `auto` stops when the CIs are tight)";
export const MAX_REPS_WHY = " per strategy (caresim's limit)";
/**
 * Goodness-of-fit bootstrap replicates of `caresim fit` (default 99). Each refits every family
 * of every stay (about 6 ms a replicate on the example extracts): 99,999 resolve a p-value to
 * 0.00001 in about ten minutes, and more would only run for hours.
 */
export const MAX_BOOTSTRAP = 99_999;
export const BOOTSTRAP_WHY = " (caresim's limit: a p-value to 0.00001; the 1% test needs only 99)";
export const WORKERS_WHY = ` (${MAX_WORKERS_PER_CORE} per core on this machine; more only compete for the same cores)`;

/**
 * Replications `replications: auto` starts with and adds at least per round, and so the least
 * `--max-reps` (`maxReps`) can be.
 */
export const AUTO_MIN = 10;

/**
 * What a `--set` text (a script's `set` entry) looks like: PATH=EXPR, spaces allowed around
 * the `=` as the scenario's own reader of overrides allows them.
 */
export const SET_TEXT = /^\s*[^=\s]+\s*=/;

/** The smallest memory budget a worker runs in (`--max-memory`, `maxMemoryMb`), MiB. */
export const MIN_MEMORY_MB = 16;

/** A value as given, quoted for a message: `"abc"`, `""`, `"1.5"`. */
export const quoted = (v: unknown): string => JSON.stringify(String(v));

/**
 * What is wrong with `v` as a whole number in [min, max] (text that reads as one included), or
 * null when nothing is: the command line (`--reps`) and a script's run options (`reps`) word it
 * alike, each under its own `label`.
 */
export function wholeNumberProblem(v: unknown, label: string, min: number, max = Number.MAX_SAFE_INTEGER, why = ''): string | null {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isInteger(n) || n < min) {
    const range =
      max === Number.MAX_SAFE_INTEGER
        ? `a whole number of at least ${min.toLocaleString('en-GB')}`
        : `a whole number from ${min.toLocaleString('en-GB')} to ${max.toLocaleString('en-GB')}${why}`;
    return `${label}: expected ${range}, got ${quoted(v)}`;
  }
  if (n > max) return `${label}: at most ${max.toLocaleString('en-GB')}${why}, got ${quoted(v)}`;
  return null;
}
