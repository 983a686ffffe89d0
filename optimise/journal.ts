/**
 * The optimiser's journal: one line per measurement, after a header naming the scenario, seed
 * and engine. The search is a pure function of its measurements, so a rerun that reads them
 * back (`--resume`) takes the same path and runs only what is missing.
 */
import { appendFileSync, existsSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { journalLinkProblem, journalOwner, readJournalHead } from '../runner/index.js';
import type { Point } from './bank.js';

export const OPT_JOURNAL_FORMAT = 'caresim-optimise-journal/1';

/** How every optimiser journal begins (its header's first key). */
const HEADER_START = `{"format":"${OPT_JOURNAL_FORMAT}"`;

export interface OptJournalHeader {
  format: string;
  scenario_hash: string;
  seed: number | string;
  engine_version: string;
  optimise: string;
}
/** What a header field that differs means to the user. */
const DIFFERS: Record<keyof OptJournalHeader, string> = {
  format: 'another version of caresim wrote it',
  scenario_hash: 'the scenario (or its --set overrides) changed',
  seed: 'the seed differs',
  engine_version: 'the engine version differs',
  optimise: "the scenario's optimise section or --budget differs",
};

/** `kpis`: the headline KPIs of a clean-up replication, kept for the output. */
export interface Measurement {
  point: Point;
  replication: number;
  measures: number[];
  kpis?: Record<string, number>;
}

export class OptimiseResumeError extends Error {
  readonly code = 'RESUME_MISMATCH';
}

/**
 * Refuses a journal path the optimiser must not write: it overwrites its journal when not
 * resuming and deletes it at the end, so a scenario or any other file named there would be
 * lost, a device deleted and a pipe read for ever. An empty file or one that starts as an
 * optimiser journal is fine.
 */
export function checkOptJournal(file: string): void {
  const link = journalLinkProblem(file);
  if (link) throw new OptimiseResumeError(link);
  const st = statSync(file, { throwIfNoEntry: false });
  if (!st) return;
  if (st.isDirectory()) throw new OptimiseResumeError(`${file} is a directory, not a journal: give --journal a file path`);
  if (!st.isFile()) {
    throw new OptimiseResumeError(
      `${file} is not a regular file (a device, a pipe or a socket): it is left as it is; give --journal a file path`,
    );
  }
  const head = readJournalHead(file);
  if (head.size > 0 && !head.start.startsWith(HEADER_START)) {
    // A run's or an analysis's journal is named as such (journalOwner); anything else is someone's file.
    const owner = journalOwner(head);
    const whose = owner ? `is the journal of ${owner}` : 'exists and is not a caresim optimise journal';
    throw new OptimiseResumeError(`${file} ${whose}: it is left as it is; give --journal another path`);
  }
}

/** How many whole measurement lines a journal holds after its header (0 when there is none). */
export function measurementsIn(file: string): number {
  if (!existsSync(file)) return 0;
  const lines = readFileSync(file, 'utf8').split('\n');
  // The last piece is empty after a whole line, or a line cut short by a kill: neither counts.
  return Math.max(0, lines.slice(1, -1).filter((l) => l.trim() !== '').length);
}

/** Reads the measurements of an earlier run with the same header; [] when there is no journal. */
export function readOptJournal(file: string, header: OptJournalHeader): Measurement[] {
  if (!existsSync(file)) return [];
  const lines = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '');
  if (lines.length === 0) return [];
  let head: OptJournalHeader;
  try {
    head = JSON.parse(lines[0]) as OptJournalHeader;
  } catch {
    // A header cut short (killed while starting): no measurement to resume, so it starts again.
    return [];
  }
  const differ = (Object.keys(header) as (keyof OptJournalHeader)[])
    .filter((k) => String(head[k]) !== String(header[k]))
    .map((k) => DIFFERS[k]);
  if (differ.length > 0)
    throw new OptimiseResumeError(
      `the journal ${file} belongs to another search (${differ.join('; ')}); continue that search with its own settings, or discard the journal and start again with --fresh`,
    );
  const out: Measurement[] = [];
  for (const l of lines.slice(1)) {
    try {
      const m = JSON.parse(l) as { p: number[]; r: number; m: (number | null)[]; k?: Record<string, number | null> };
      const kpis = m.k ? Object.fromEntries(Object.entries(m.k).map(([n, v]) => [n, v === null ? NaN : v])) : undefined;
      out.push({ point: m.p, replication: m.r, measures: m.m.map((v) => (v === null ? NaN : v)), kpis });
    } catch {
      break; // a line cut short by an interruption: everything before it is good
    }
  }
  return out;
}

export class OptJournal {
  constructor(
    private readonly file: string,
    header: OptJournalHeader,
    keep: boolean,
  ) {
    if (!keep || !existsSync(file)) writeFileSync(file, `${JSON.stringify(header)}\n`);
    else dropCutLine(file);
  }

  append(m: Measurement): void {
    const num = (v: number) => (Number.isFinite(v) ? v : null);
    const k = m.kpis ? Object.fromEntries(Object.entries(m.kpis).map(([n, v]) => [n, num(v)])) : undefined;
    appendFileSync(this.file, `${JSON.stringify({ p: m.point, r: m.replication, m: m.measures.map(num), k })}\n`);
  }
}

/**
 * A line cut short by a kill would have the next measurement glued onto it, and reading stops
 * at a line it cannot parse: the journal is cut back to its last whole line before appending.
 */
function dropCutLine(file: string): void {
  const text = readFileSync(file);
  if (text.length === 0 || text[text.length - 1] === 0x0a) return;
  truncateSync(file, text.lastIndexOf(0x0a) + 1);
}
