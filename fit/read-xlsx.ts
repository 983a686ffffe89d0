/**
 * Streams the first worksheet of an Excel workbook (exceljs' streaming reader) and hands each
 * row on as text, so CSV and Excel extracts go through the same row checks. A date cell
 * becomes ISO text (its wall clock: Excel has no time zones); a date at midnight whose format
 * shows no hours is a plain date, as it would be in a CSV.
 */
import ExcelJS from 'exceljs';
import type { RecordSink } from './csv.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** `numFmt` is the cell's number format: a date cell whose format shows hours keeps its time even at midnight. */
export function cellText(v: unknown, numFmt = ''): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    // Excel keeps a date-time as a fraction of a day: 08:30 can come back as 08:29:59.9999.
    const t = new Date(Math.round(v.getTime() / 1000) * 1000);
    return dateText(t, /h/i.test(numFmt));
  }
  return objectText(v);
}

function dateText(v: Date, showsTime: boolean): string {
  const d = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
  const h = v.getUTCHours(),
    m = v.getUTCMinutes(),
    s = v.getUTCSeconds();
  return !showsTime && h === 0 && m === 0 && s === 0 ? d : `${d}T${pad(h)}:${pad(m)}:${pad(s)}`;
}

function objectText(v: unknown): string {
  if (typeof v === 'object' && v !== null) {
    const o = v as { result?: unknown; text?: unknown; richText?: { text: string }[]; error?: string };
    if (o.result !== undefined) return cellText(o.result);
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if (o.text !== undefined) return cellText(o.text);
    if (o.error !== undefined) return String(o.error);
  }
  return String(v);
}

export async function readXlsx(path: string, sink: RecordSink): Promise<void> {
  // styles: 'cache' is what lets exceljs recognise date cells (a date is a number with a date format).
  const wb = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  for await (const sheet of wb) {
    let width = -1;
    for await (const row of sheet) {
      const values = row.values as unknown[];
      const fields: string[] = [];
      for (let c = 1; c < values.length; c++)
        fields.push(values[c] instanceof Date ? cellText(values[c], row.getCell(c).numFmt ?? '') : cellText(values[c]));
      // A row ends at its last filled cell: blank cells at the end (no discharge yet, no
      // cohort) are blank fields, not missing ones.
      if (width < 0) width = fields.length;
      while (fields.length < width) fields.push('');
      sink(fields, row.number);
    }
    break; // the first worksheet only
  }
}
