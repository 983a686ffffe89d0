/**
 * `caresim fit` as a library call: read every extract, fit, and return the fragment with
 * everything it rests on (for the report and the command's summary). Fitting is pure; only
 * the readers touch files.
 */
import { readExtract, type Extract } from './read-extract.js';
import { analyseStays, analyseCounts, type UnitFit, type StreamFit } from './analyse.js';
import { writeFragment, type SourceInfo } from './fragment.js';
import { parseRenames, ColumnError } from './columns.js';
import { parseDate } from './dates.js';
import type { BadRow } from './bad-rows.js';

export interface FitFilesOptions {
  /** `field=Header` renames. */
  columns?: string[];
  /** End of the extract (YYYY-MM-DD or dd/mm/yyyy); default: the latest date in each stays file. */
  end?: string;
  seed?: string;
  bootstrap?: number;
}

export interface FitFilesResult {
  fragment: string;
  sources: (SourceInfo & { badRows: BadRow[] })[];
  units: UnitFit[];
  streams: StreamFit[];
}

export { ColumnError };

export async function fitFiles(files: string[], opts: FitFilesOptions = {}): Promise<FitFilesResult> {
  const renames = parseRenames(opts.columns ?? []);
  let end: number | null = null;
  if (opts.end !== undefined) {
    const d = parseDate(opts.end);
    if (!d) throw new ColumnError(`--end: "${opts.end}" is not a date (expected YYYY-MM-DD or dd/mm/yyyy)`);
    // A date without a time means the end of that day.
    end = d.hasTime ? d.day : Math.floor(d.day) + 1;
  }
  const extracts: Extract[] = [];
  for (const f of files) extracts.push(await readExtract(f, renames, end));
  const units: UnitFit[] = [],
    streams: StreamFit[] = [];
  const seen = new Set<string>();
  const sources = extracts.map((e) => {
    const t = e.table;
    return { file: e.file, kind: e.kind, rows: t.rows, used: t.used, bad: t.bad.count, badRows: t.bad.listed };
  });
  for (const e of extracts) {
    if (e.table.used === 0) continue;
    if (e.kind === 'stays') {
      for (const u of analyseStays(e.table, { seed: opts.seed ?? '1', bootstrap: opts.bootstrap })) {
        if (seen.has(`unit:${u.name}`))
          throw new ColumnError(`unit "${u.name}" appears in more than one stays extract; give each unit's stays in one file`);
        seen.add(`unit:${u.name}`);
        units.push(u);
      }
    } else {
      for (const s of analyseCounts(e.table)) {
        if (seen.has(`stream:${s.name}`)) throw new ColumnError(`stream "${s.name}" appears in more than one counts extract`);
        seen.add(`stream:${s.name}`);
        streams.push(s);
      }
    }
  }
  return { fragment: writeFragment({ sources, units, streams }), sources, units, streams };
}
