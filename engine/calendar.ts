/**
 * Calendar arithmetic on simulation time (minutes from t = 0). The model's `weekOffset`
 * places t = 0 in the week, so profiles, windows and weekends follow the scenario's dates.
 */
import type { Stream } from './random.js';
import type { DischargeRule } from './model.js';

/**
 * Time units in minutes, the engine's unit of time: the one definition every folder uses
 * (the scenario language, the builder, tests), so a day cannot mean two things.
 */
export const MINUTE = 1;
export const HOUR = 60;
export const DAY = 1440;
export const WEEK = 7 * DAY;
/** 365 days: seasonality repeats yearly, and the scenario language's `year` is this one. */
export const YEAR = 365 * DAY;
/** The emergency department's standards: 4 hours from arrival to leaving, 12 hours at most. */
export const FOUR_HOURS = 4 * HOUR,
  TWELVE_HOURS = 12 * HOUR;

export function minuteOfWeek(t: number, weekOffset: number): number {
  const m = (t + weekOffset) % WEEK;
  return m < 0 ? m + WEEK : m;
}

export function hourOfWeek(t: number, weekOffset: number): number {
  return Math.floor(minuteOfWeek(t, weekOffset) / 60) % 168;
}

/** Saturday and Sunday are days 5 and 6 of a week that starts on Monday. */
export function isWeekend(t: number, weekOffset: number): boolean {
  return Math.floor(minuteOfWeek(t, weekOffset) / DAY) >= 5;
}

export function seasonFactor(t: number, amplitude: number, peak: number): number {
  return 1 + amplitude * Math.cos((2 * Math.PI * (t - peak)) / YEAR);
}

/**
 * The earliest time >= t at which a patient ready at t may leave under the rule: the next
 * open hour; on a weekend day only a fraction `weekend` of patients go, the rest are
 * deferred to the next day's window (one draw per weekend day considered).
 */
export function nextDischargeTime(t: number, rule: DischargeRule, weekOffset: number, rng: Stream): number {
  let from = t;
  for (let guard = 0; guard < 60; guard++) {
    const at = nextOpen(from, rule.open, weekOffset);
    if (at < 0) return t; // no open hour at all: the rule does not restrict
    if (rule.weekend >= 1 || !isWeekend(at, weekOffset) || rng.next() < rule.weekend) return at;
    from = at - (minuteOfWeek(at, weekOffset) % DAY) + DAY; // next midnight
  }
  return from;
}

function nextOpen(t: number, open: number[], weekOffset: number): number {
  const h0 = hourOfWeek(t, weekOffset);
  if (open[h0]) return t;
  const startOfHour = t - (minuteOfWeek(t, weekOffset) % 60);
  for (let k = 1; k <= 168; k++) {
    if (open[(h0 + k) % 168]) return startOfHour + k * 60;
  }
  return -1;
}
