/**
 * Reads observed daily series from CSV text. Two layouts, told apart by the header:
 * long (`date, series, value`, one row per day and series; other columns are ignored) and
 * wide (`date` then one column per series, e.g. `date, acute.occupancy, acute.blocked`).
 * Every bad row is reported with its line number; nothing is guessed.
 */
import { parseDay } from './dates.js';

export interface ObservedPoint {
  /** Days since 1970-01-01 (UTC). */
  day: number;
  value: number;
  /** 1-based line in the file, for messages. */
  line: number;
}

export interface ObservedSeries {
  /** As written in the file, e.g. `acute.occupancy`. */
  name: string;
  points: ObservedPoint[];
  /** Rows with an empty or NA value (a day not observed). */
  missing: number;
  /** Line of the column (wide) or of the first row (long) naming this series. */
  line: number;
}

export interface Problem {
  line?: number;
  message: string;
  hint?: string;
}

export interface Observed {
  layout: 'long' | 'wide';
  series: ObservedSeries[];
  problems: Problem[];
}

const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', '-', '.']);
/** Plain decimals only: Number() would also read `0x10`, `0b11` and `Infinity`. */
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;
/** No unit holds ten million patients: a larger value is an identifier or a pasted date, not a count. */
export const MAX_VALUE = 1e7;
/** A column name that reads as `<unit>.<series>` of a daily series. */
const SERIES_NAME = /\.(occupancy|blocked|queue)$/i;

/** Splits one line on `sep`, honouring double quotes ("" inside quotes is a quote). */
export function splitLine(line: string, sep: string): string[] {
  const out: string[] = [];
  let cur = '',
    quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      out.push(cur.trim());
      cur = '';
    } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

/** The separator the header uses most: comma, semicolon (European spreadsheets) or tab. */
function separatorOf(header: string): string {
  const count = (s: string) => header.split(s).length - 1;
  return [',', ';', '\t'].reduce((best, s) => (count(s) > count(best) ? s : best), ',');
}

/**
 * The file's bytes as text. Spreadsheets save "Unicode text" as UTF-16 with a byte-order
 * mark; read as UTF-8 it would be a header of NULs that names no `date` column.
 */
export function decodeObserved(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  // No mark, but ASCII text with a NUL after every character: little-endian UTF-16 all the same.
  if (bytes.length >= 4 && bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0)
    return new TextDecoder('utf-16le').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

export function readObserved(text: string): Observed {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n|\r/);
  const problems: Problem[] = [];
  const first = lines.findIndex((l) => l.trim() !== '');
  if (first < 0)
    return {
      layout: 'long',
      series: [],
      problems: [{ message: 'the file is empty', hint: 'expected a header such as `date,series,value`' }],
    };
  const sep = separatorOf(lines[first]);
  const header = splitLine(lines[first], sep).map((h) => h.trim());
  const lower = header.map((h) => h.toLowerCase());
  const col = (name: string) => lower.indexOf(name);
  const headerLine = first + 1;
  if (col('date') < 0) {
    return {
      layout: 'long',
      series: [],
      problems: [
        {
          line: headerLine,
          message: `no \`date\` column in the header (${header.join(', ')})`,
          hint: 'give `date,series,value` (long) or `date,<unit>.<series>,...` (wide)',
        },
      ],
    };
  }
  const long = col('series') >= 0 && col('value') >= 0;
  if (long) {
    // "Other columns are ignored" must not swallow a series column of the wide layout.
    for (const h of header) {
      if (SERIES_NAME.test(h))
        problems.push({
          line: headerLine,
          message: `column \`${h}\` names a series, but the file gives series in \`series\` and \`value\` columns`,
          hint: 'a file is either long (`date,series,value`) or wide (`date,<unit>.<series>,...`): split it in two',
        });
    }
  }
  const bySeries = new Map<string, ObservedSeries>();
  const seen = new Map<string, number>();
  const get = (name: string, line: number): ObservedSeries => {
    let s = bySeries.get(name);
    if (!s) {
      s = { name, points: [], missing: 0, line };
      bySeries.set(name, s);
    }
    return s;
  };
  const wideNames = long ? [] : header.map((h, i) => (i === col('date') ? null : h));
  if (!long) {
    wideNames.forEach((h, i) => {
      if (h === '')
        problems.push({
          line: headerLine,
          message: `column ${i + 1} has no name`,
          hint: 'name every column after `date` by its series, e.g. `acute.occupancy`',
        });
      else if (h !== null) {
        if (bySeries.has(h)) problems.push({ line: headerLine, message: `column \`${h}\` appears twice` });
        get(h, headerLine);
      }
    });
  }
  for (let i = first + 1; i < lines.length; i++) {
    const raw = lines[i];
    if (raw.trim() === '') continue;
    const line = i + 1;
    const cells = splitLine(raw, sep);
    if (!long && cells.length !== header.length) {
      problems.push({ line, message: `${cells.length} fields, but the header has ${header.length}` });
      continue;
    }
    const dateText = cells[col('date')] ?? '';
    const day = parseDay(dateText);
    if (day === null) {
      problems.push({
        line,
        message: dateText === '' ? 'no date' : `\`${dateText}\` is not a date`,
        hint: 'write dates as 2027-01-04 or 04/01/2027',
      });
      continue;
    }
    const entries: [string, string][] = long
      ? [[cells[col('series')] ?? '', cells[col('value')] ?? '']]
      : wideNames.flatMap((n, j) => (n ? [[n, cells[j] ?? ''] as [string, string]] : []));
    for (const [name, valueText] of entries) {
      if (name === '') {
        problems.push({ line, message: 'no series name' });
        continue;
      }
      const s = get(name, line);
      const key = `${name}\u0000${day}`;
      const before = seen.get(key);
      if (before !== undefined) {
        problems.push({ line, message: `\`${name}\` on ${dateText} was already given on line ${before}` });
        continue;
      }
      seen.set(key, line);
      if (MISSING.has(valueText.toLowerCase())) {
        s.missing++;
        continue;
      }
      if (sep !== ',' && valueText.includes(',')) {
        // With semicolons or tabs the comma may be a decimal mark (60,5) or group thousands (1,050): refuse to guess.
        problems.push({
          line,
          message: `\`${name}\`: \`${valueText}\` has a comma`,
          hint: 'in a file separated by semicolons or tabs a comma may be a decimal mark: write 60.5 with a point, and 1050 without a thousands separator',
        });
        continue;
      }
      const plain = valueText.replace(/,(?=\d{3}\b)/g, '');
      const value = DECIMAL.test(plain) ? Number(plain) : NaN;
      if (!Number.isFinite(value)) {
        problems.push({ line, message: `\`${name}\`: \`${valueText}\` is not a number` });
        continue;
      }
      if (value > MAX_VALUE) {
        problems.push({
          line,
          message: `\`${name}\`: ${valueText} is too large for a count of patients or places`,
          hint: 'is this column an identifier or a date?',
        });
        continue;
      }
      if (value < 0) {
        problems.push({ line, message: `\`${name}\`: ${valueText} is negative`, hint: 'observed series are counts of patients or places' });
        continue;
      }
      s.points.push({ day, value, line });
    }
  }
  const series = [...bySeries.values()];
  for (const s of series) s.points.sort((a, b) => a.day - b.day);
  return { layout: long ? 'long' : 'wide', series, problems };
}
