/**
 * Values of scenario expressions. Only one physical dimension matters to a care system
 * model: time. A quantity carries its power of time, so `3 days` (t = 1) cannot be used
 * as a bed count (t = 0) and `320/day` (t = -1) cannot be used as a length of stay.
 * Durations are held in minutes, the engine's unit.
 */

import { table } from '../engine/index.js';
import { MINUTE, HOUR, DAY, WEEK, YEAR } from '../engine/index.js';

export interface Qty {
  k: 'q';
  n: number;
  t: number;
}
export interface DistVal {
  k: 'dist';
  name: string;
  args: Value[];
}
export interface ListVal {
  k: 'list';
  items: Value[];
}
export type Value = Qty | DistVal | ListVal;

/** Unit words a planner may write after a number, in minutes. */
export const TIME_UNITS: Readonly<Record<string, number>> = table({
  minute: MINUTE,
  minutes: MINUTE,
  min: MINUTE,
  mins: MINUTE,
  hour: HOUR,
  hours: HOUR,
  h: HOUR,
  hr: HOUR,
  hrs: HOUR,
  day: DAY,
  days: DAY,
  d: DAY,
  week: WEEK,
  weeks: WEEK,
  wk: WEEK,
  month: YEAR / 12,
  months: YEAR / 12,
  year: YEAR,
  years: YEAR,
  yr: YEAR,
  y: YEAR,
});

export function qty(n: number, t = 0): Qty {
  return { k: 'q', n, t };
}

/** Names what a value is, for "expected X, got Y" messages. */
export function describeValue(v: Value): string {
  if (v.k === 'dist') return `a distribution (${v.name})`;
  if (v.k === 'list') return 'a list';
  return describeDim(v.t);
}

export function describeDim(t: number): string {
  if (t === 0) return 'a plain number';
  if (t === 1) return 'a duration';
  if (t === -1) return 'a rate (per time)';
  return `time^${t}`;
}

/** The word a rate is shown per, for each length of a time unit (every spelling of TIME_UNITS has one). */
const RATE_WORDS = new Map<number, string>([
  [MINUTE, 'minute'],
  [HOUR, 'hour'],
  [DAY, 'day'],
  [WEEK, 'week'],
  [YEAR / 12, 'month'],
  [YEAR, 'year'],
]);

/** The time a rate was written per (`32.14/hour * ...` is per hour), or undefined when the text names none. */
export function rateUnitOf(text: string): string | undefined {
  const m = /\/\s*([a-z]+)\b/i.exec(text);
  const minutes = m ? TIME_UNITS[m[1].toLowerCase()] : undefined;
  return minutes === undefined ? undefined : RATE_WORDS.get(minutes);
}

/** Shows a quantity in a unit a planner reads easily; a rate per `per` (a unit word) when given, else per day. */
export function showQty(q: Qty, per?: string): string {
  const r = (x: number) => String(Number(x.toPrecision(6)));
  if (q.t === 0) return r(q.n);
  if (q.t === 1) {
    if (q.n >= DAY) return `${r(q.n / DAY)} days`;
    if (q.n >= HOUR) return `${r(q.n / HOUR)} hours`;
    return `${r(q.n)} minutes`;
  }
  if (q.t === -1) {
    const minutes = per === undefined ? undefined : TIME_UNITS[per];
    return minutes !== undefined && per !== 'day' ? `${r(q.n * minutes)}/${per}` : `${r(q.n * DAY)}/day`;
  }
  return `${r(q.n)} minute^${q.t}`;
}
