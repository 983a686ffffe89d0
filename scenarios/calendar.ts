/**
 * Calendar values of a scenario: dates (`2027-01-04`), times of day (`08:00`), hour
 * ranges (`08:00-20:00`), weekdays (`mon-fri`) and weekly profiles. Dates are counted in
 * whole days from 1970-01-01 (UTC, so no time zone or clock is involved).
 */
import { DAY } from '../engine/index.js';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** Day number of a YYYY-MM-DD date, or null if it is not a real date. */
export function parseDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const y = +m[1],
    mo = +m[2],
    d = +m[3];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / 86_400_000;
}

/** Monday = 0 .. Sunday = 6. */
export function weekdayOf(dayNumber: number): number {
  // 1970-01-01 was a Thursday (3 with Monday = 0).
  return (((Math.floor(dayNumber) + 3) % 7) + 7) % 7;
}

/** Minutes after midnight of `HH:MM` (24:00 allowed as the end of the day), or null. */
export function parseClock(text: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const h = +m[1],
    mi = +m[2];
  if (mi > 59 || h > 24 || (h === 24 && mi > 0)) return null;
  return h * 60 + mi;
}

/** `08:00-20:00` to [from, to) minutes of the day; `20:00-08:00` wraps past midnight. */
export function parseClockRange(text: string): [number, number] | null {
  const parts = text.split('-');
  if (parts.length !== 2) return null;
  const a = parseClock(parts[0]),
    b = parseClock(parts[1]);
  return a === null || b === null ? null : [a, b];
}

export function inRange(minuteOfDay: number, r: [number, number]): boolean {
  const [a, b] = r;
  return a <= b ? minuteOfDay >= a && minuteOfDay < b : minuteOfDay >= a || minuteOfDay < b;
}

/** `mon`, `mon-fri`, `weekend`, `weekdays`, `all` to a set of day indices, or null. */
export function parseDays(text: string): number[] | null {
  const t = text.trim().toLowerCase();
  if (t === 'all' || t === 'every day' || t === 'daily') return [0, 1, 2, 3, 4, 5, 6];
  if (t === 'weekdays') return [0, 1, 2, 3, 4];
  if (t === 'weekend') return [5, 6];
  const parts = t.split('-');
  const ix = parts.map((p) => WEEKDAYS.indexOf(p.slice(0, 3)));
  if (ix.some((i) => i < 0) || parts.length > 2) return null;
  if (ix.length === 1) return ix;
  const out: number[] = [];
  for (let d = ix[0]; ; d = (d + 1) % 7) {
    out.push(d);
    if (d === ix[1]) break;
  }
  return out;
}

/** Day-of-week factors of the built-in `weekday` profile (Mon..Sun): Monday peaks. */
export const WEEKDAY_FACTORS = [1.15, 1.05, 1.0, 1.0, 1.0, 0.9, 0.9];

/** 168 hourly factors (Monday 00:00 first) from day and hour factors, normalised to mean 1. */
export function weekProfile(day: number[], hour: number[]): number[] | null {
  const out: number[] = [];
  for (let d = 0; d < 7; d++) for (let h = 0; h < 24; h++) out.push(day[d] * hour[h]);
  const mean = out.reduce((a, b) => a + b, 0) / 168;
  if (!(mean > 0) || !Number.isFinite(mean)) return null;
  return out.map((x) => x / mean);
}

export function builtinProfile(name: string): number[] | null | undefined {
  const flatHours = new Array<number>(24).fill(1);
  if (name === 'flat') return null;
  if (name === 'weekday') return weekProfile(WEEKDAY_FACTORS, flatHours);
  if (name === 'office-hours') {
    const hours = flatHours.map((_, h) => (h >= 8 && h < 18 ? 1 : 0));
    return weekProfile([1, 1, 1, 1, 1, 0, 0], hours);
  }
  return undefined;
}

/** Minute of the week (Monday 00:00 = 0) of an absolute minute since 1970-01-01 (a Thursday). */
export function minuteOfWeekAbs(abs: number): number {
  const w = 7 * DAY;
  return (((abs + 3 * DAY) % w) + w) % w;
}
