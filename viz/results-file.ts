/**
 * Reads a results file for `caresim report`, `caresim view` and `caresim diff`. A file a planner hands us
 * may be anything: a scenario, a journal, a shard, someone's JSON, a truncated copy. Each
 * is refused with what the file is, what was expected and what to do, before any chart
 * code meets a missing field.
 */
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { isJournalText, JOURNAL_GIVEN, RESULTS_FORMAT, withAbsentRanges, type Results } from '../results/index.js';
import { fields, found, isObject, list, named, num, numOrNull, optional, text, textOrNum, type Shape } from './shape.js';

/** A results file that cannot be shown; the CLI prints the message and exits 2. */
export class ResultsFileError extends Error {
  readonly code = 'USAGE';
}

const EXPECTED = 'expected a results file written by `caresim run --out FILE` or `caresim merge --out FILE`';

const stat = fields({
  mean: numOrNull,
  sd: optional(numOrNull),
  ci95: list(numOrNull),
  p10: optional(numOrNull),
  p90: optional(numOrNull),
  n: num,
});
const band = fields({ mean: list(numOrNull), p05: list(numOrNull), p95: list(numOrNull) });
const strategy = fields({
  description: optional(text),
  set: optional(named(text)),
  sweep: optional(named(num)),
  kpis: named(stat),
  units: named(named(stat)),
  daily: optional(named(fields({ occupancy: band, blocked: band, queue: band, capacity: list(numOrNull), admissions: optional(band) }))),
  exits: optional(named(stat)),
  population: optional(
    named(
      fields({
        people: list(numOrNull),
        crises_per_1000_per_year: stat,
        admissions_per_1000_per_year: stat,
        bed_days_per_1000_per_year: stat,
        days_at_home_per_person_year: stat,
      }),
    ),
  ),
  flows: optional(list(fields({ from: text, to: text, per_day: stat, delayed_per_day: optional(stat) }))),
});
const strategies: Shape = (v, at) =>
  named(strategy)(v, at) ?? (isObject(v) && Object.hasOwn(v, 'baseline') ? null : `\`${at}\` has no \`baseline\``);
const results = fields({
  scenario: fields({ name: text, hash: optional(text), assumptions: optional(list(text)) }),
  engine: fields({ version: text }),
  seed: textOrNum,
  replications: num,
  horizon_days: num,
  warmup_days: num,
  start_date: text,
  strategies,
  differences: named(named(stat)),
  warmup_aid: optional(named(list(numOrNull))),
  sweep: optional(fields({ paths: list(text), points: list(fields({ strategy: text, values: named(num) })) })),
  failures: optional(list(fields({ strategy: text, replication: num, error: text }))),
});

/** What a parsed JSON document is wrong with as a results file, or null when it can be shown. */
export function resultsProblem(doc: unknown): string | null {
  if (!isObject(doc)) return `it holds ${found(doc)}, not a results object`;
  if (doc.format !== RESULTS_FORMAT) {
    const f = typeof doc.format === 'string' ? `\`${doc.format}\`` : 'no `format`';
    return `it has ${f} where a results file has \`${RESULTS_FORMAT}\``;
  }
  return results(doc, '');
}

/**
 * The first bytes of `file`: enough to know a journal before reading one of gigabytes whole;
 * nothing for what is not a regular file (a pipe would be waited on for ever).
 */
function head(file: string): string {
  if (!statSync(file).isFile()) return '';
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(4096);
    return buf.toString('utf8', 0, readSync(fd, buf, 0, buf.length, 0));
  } finally {
    closeSync(fd);
  }
}

const looksLikeScenario = (file: string, body: string) => /\.ya?ml$/i.test(file) || /^\s*caresim\s*:\s*\d/m.test(body);

/** Whether `file` is a run's journal, whatever its name (the viewer would read it as a scenario). */
export function isJournalFile(file: string): boolean {
  try {
    return isJournalText(head(file));
  } catch {
    return false; // unreadable: the reader that follows says why
  }
}

/** The results in `file`, or a ResultsFileError saying what the file is and what to do. */
export function readResultsFile(file: string): Results {
  let body: string;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new ResultsFileError(`${file} is a folder; ${EXPECTED}`);
    // A pipe or a device would be read for ever, in a read that not even Ctrl-C interrupts.
    if (!st.isFile()) throw new ResultsFileError(`${file} is not a regular file (a pipe, a device or a socket); ${EXPECTED}`);
    if (isJournalText(head(file))) throw new ResultsFileError(`${file} is ${JOURNAL_GIVEN.what}; ${JOURNAL_GIVEN.instead}`);
    body = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof ResultsFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ResultsFileError(code === 'ENOENT' ? `${file}: no such file` : `${file} cannot be read (${code ?? String(e)})`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    if (looksLikeScenario(file, body)) {
      throw new ResultsFileError(
        `${file} is a scenario, not a results file; run it first: \`caresim run ${file} --out results.json\`, then use results.json`,
      );
    }
    const why = e instanceof Error ? e.message : String(e);
    throw new ResultsFileError(`${file} is not JSON (${body.trim() === '' ? 'it is empty' : why}); ${EXPECTED}`);
  }
  // Before the shape: a shard's header counts the whole run's replications while its figures
  // summarise its own, so shown as a run it would pass half a run off as the whole.
  if (isObject(doc) && doc.format === RESULTS_FORMAT && Object.hasOwn(doc, 'shard')) {
    throw new ResultsFileError(
      `${file} is a shard file (one part of a run), not a whole run; merge the shards first: \`caresim merge SHARD... --out results.json\`, then use results.json`,
    );
  }
  const problem = resultsProblem(doc);
  if (problem) throw new ResultsFileError(`${file} cannot be shown: ${problem}; ${EXPECTED}`);
  return withAbsentRanges(doc as Results);
}
