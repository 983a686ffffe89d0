/**
 * CSV export: every table of cli/tables.ts as one file, `<table>.csv` (summary and
 * differences always; daily series, sweep points, population, verdicts, changes, funding,
 * draws, labels and warnings when the results hold them; replications with --per-rep).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Results } from '../results/index.js';
import { writeFileAtomic } from '../runner/index.js';
import {
  differencesTable,
  drawsTable,
  replicationsTable,
  resultTables,
  summaryTable,
  TABLE_NAMES,
  type Cell,
  type ReplicationScalars,
  type Table,
} from './tables.js';

export type { ReplicationScalars } from './tables.js';

function field(v: Cell | undefined): string {
  // Most cells are numbers (the daily tables): their text never needs quotes or an apostrophe.
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (v === null || v === undefined) return '';
  // A text that starts like a formula (a label "=1+1" from a scenario) is read by spreadsheets
  // as one and run; a leading apostrophe keeps it text. Numbers are written as they are.
  const s = typeof v === 'string' && /^[=+\-@\t\r]/.test(v) ? `'${v}` : String(v);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A table as CSV text: a header line, then one line per row; null and non-finite numbers are empty fields. */
export function tableCsv(t: Table): string {
  const lines = [t.header.map(field).join(',')];
  for (const r of t.rows) lines.push(r.map(field).join(','));
  return `${lines.join('\n')}\n`;
}

export const summaryCsv = (r: Results) => tableCsv(summaryTable(r));
export const differencesCsv = (r: Results) => tableCsv(differencesTable(r));
export const replicationsCsv = (raw: Record<string, Iterable<ReplicationScalars>>) => tableCsv(replicationsTable(raw));
export const drawsCsv = (d: NonNullable<Results['draws']>) => tableCsv(drawsTable(d));

/**
 * Writes every table as `<name>.csv` into `dir` (replications.csv when raw is given); returns the
 * paths. A table of an earlier run that this one has no such table for (sweep.csv after a run
 * without a sweep) would sit beside these as if it were theirs: `warn` hears a line naming them.
 * They are not deleted, as the folder may be the user's.
 */
export function writeCsv(
  dir: string,
  r: Results,
  raw?: Record<string, Iterable<ReplicationScalars>>,
  warn?: (text: string) => void,
): string[] {
  mkdirSync(dir, { recursive: true });
  const written = resultTables(r, raw).map((t) => {
    const path = join(dir, `${t.name}.csv`);
    writeFileAtomic(path, tableCsv(t));
    return path;
  });
  const stale = TABLE_NAMES.map((name) => join(dir, `${name}.csv`)).filter((path) => !written.includes(path) && existsSync(path));
  if (stale.length > 0)
    warn?.(
      `caresim: warning: ${stale.join(', ')} ${stale.length === 1 ? 'is a table' : 'are tables'} of an earlier run, not of these results (which have no such table): delete ${stale.length === 1 ? 'it' : 'them'}, or give --csv a new folder\n`,
    );
  return written;
}
