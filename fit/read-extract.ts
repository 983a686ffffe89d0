/**
 * Reads one extract file (CSV or .xlsx, by extension) into a stays or counts table: the first
 * record is the header, which decides the kind; every later record is checked as it streams past.
 */
import { readCsv } from './read-csv.js';
import { readXlsx } from './read-xlsx.js';
import { ColumnError, layout } from './columns.js';
import { Stays } from './stays.js';
import { Counts } from './counts.js';

export type Extract = { kind: 'stays'; file: string; table: Stays } | { kind: 'counts'; file: string; table: Counts };

export async function readExtract(file: string, renames: Map<string, string>, end: number | null): Promise<Extract> {
  let out: Extract | null = null;
  const sink = (fields: string[], line: number, unclosedTo?: number): void => {
    if (out && unclosedTo !== undefined) {
      // The rows after an unclosed quote are inside one field: say so, rather than "has 2 fields".
      out.table.rows++;
      out.table.bad.add(
        line,
        `a quote (") opened on this line is never closed: lines ${line} to ${unclosedTo} were read as one field and not used (close or remove the quote)`,
      );
      return;
    }
    if (out) {
      out.table.add(fields, line);
      return;
    }
    let l;
    try {
      l = layout(fields, renames);
    } catch (e) {
      if (!(e instanceof ColumnError)) throw e;
      // With several files the message must say which one; a workbook is read from its first sheet only.
      throw new ColumnError(
        `${file}: ${e.message}${xlsx ? ' (only the first worksheet of a workbook is read: move the extract to the first sheet)' : ''}`,
      );
    }
    out =
      l.kind === 'stays'
        ? { kind: 'stays', file, table: new Stays(l.col, fields.length, end) }
        : { kind: 'counts', file, table: new Counts(l.col, fields.length) };
  };
  const xlsx = /\.xlsx$/i.test(file);
  if (/\.xls$/i.test(file)) throw new ColumnError(`${file}: old .xls workbooks cannot be read; save it as .xlsx or CSV`);
  try {
    if (xlsx) await readXlsx(file, sink);
    else await readCsv(file, sink);
  } catch (e) {
    if (e instanceof ColumnError) throw e;
    // A damaged workbook or an unreadable file is bad input (exit 2), not a failure of caresim.
    const hint = xlsx
      ? ' (is it an Excel .xlsx workbook, not another file renamed or a password-protected one? save it again from Excel, or as CSV)'
      : '';
    throw new ColumnError(`${file}: cannot be read: ${(e as Error).message.split('\n')[0]}${hint}`);
  }
  if (!out) throw new ColumnError(`${file}: the file is empty (expected a header row)`);
  return out;
}
