/** The counts extract (date, count, stream): daily counts per stream, checked row by row. */
import { BadRows } from './bad-rows.js';
import { parseDate, isoDate, notADate } from './dates.js';
import type { CountField } from './columns.js';

export const DEFAULT_STREAM = 'arrivals';

export class Counts {
  /** stream -> whole day number -> count. */
  readonly streams = new Map<string, Map<number, number>>();
  readonly bad = new BadRows();
  rows = 0;
  constructor(
    private readonly col: Record<CountField, number>,
    private readonly width: number,
  ) {}

  add(f: string[], line: number): void {
    this.rows++;
    if (f.length !== this.width)
      return this.bad.add(line, `has ${f.length} field${f.length === 1 ? '' : 's'}, the header has ${this.width}`);
    const c = this.col;
    const dt = f[c.date].trim(),
      ct = f[c.count].trim();
    const d = parseDate(dt);
    if (!d) return this.bad.add(line, dt === '' ? 'date is blank' : `date "${dt}" ${notADate(dt)}`);
    // Digits only: Number() would also take `1e3`, `0x10` and 20-digit numbers it cannot hold exactly.
    const n = /^\d+$/.test(ct) ? Number(ct) : NaN;
    if (!Number.isSafeInteger(n)) return this.bad.add(line, `count "${ct}" is not a whole number >= 0`);
    const name = (c.stream >= 0 ? f[c.stream].trim() : '') || DEFAULT_STREAM;
    let s = this.streams.get(name);
    if (!s) {
      s = new Map();
      this.streams.set(name, s);
    }
    const day = Math.floor(d.day);
    if (s.has(day)) return this.bad.add(line, `a second count for ${name} on ${isoDate(day)}`);
    s.set(day, n);
  }

  get used(): number {
    let k = 0;
    for (const s of this.streams.values()) k += s.size;
    return k;
  }
}
