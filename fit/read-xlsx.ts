/**
 * Streams the first worksheet of an Excel workbook (exceljs' streaming reader) and hands each
 * row on as text, so CSV and Excel extracts go through the same row checks. A date cell
 * becomes ISO text (its wall clock: Excel has no time zones); a date at midnight is written
 * without a time, as a plain date in a CSV would be.
 */
import ExcelJS from 'exceljs';
import type { RecordSink } from './csv.js';

const pad = (n: number) => String(n).padStart(2, '0');

export function cellText(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const d = `${v.getUTCFullYear()}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
    const h = v.getUTCHours(), m = v.getUTCMinutes(), s = v.getUTCSeconds();
    return h === 0 && m === 0 && s === 0 ? d : `${d}T${pad(h)}:${pad(m)}:${pad(s)}`;
  }
  if (typeof v === 'object') {
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
  const wb = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  for await (const sheet of wb) {
    for await (const row of sheet) {
      const values = row.values as unknown[];
      const fields: string[] = [];
      for (let c = 1; c < values.length; c++) fields.push(cellText(values[c]));
      sink(fields, row.number);
    }
    break; // the first worksheet only
  }
}
