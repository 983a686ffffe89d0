/**
 * Calendar dates of observed data: ISO (2027-01-04) or the day-first form NHS extracts
 * use (04/01/2027). Dates are whole days in UTC, so daylight saving never shifts a day.
 */
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for a valid date, or null (also for 2027-02-30). */
export function parseDay(text: string): number | null {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ]00:00(?::00(?:\.0+)?)?Z?)?$/.exec(t);
  let y: number, mo: number, d: number;
  if (m) {
    y = +m[1];
    mo = +m[2];
    d = +m[3];
  } else {
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    if (!m) return null;
    d = +m[1];
    mo = +m[2];
    y = +m[3];
  }
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return ms / DAY_MS;
}

/** YYYY-MM-DD of a day number from parseDay. */
export function formatDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}
