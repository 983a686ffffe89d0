/**
 * Dates in extracts: ISO (`2027-01-04`, `2027-01-04T08:30`, `2027-01-04 08:30:00`) or UK style
 * (`04/01/2027`, `04/01/2027 08:30`). Parsed by hand to a day number (days since 1970-01-01,
 * fractional for the time of day): a million rows cannot afford Date.parse, and the wall
 * clock is what matters, so there are no time zones. A date without a time is taken as
 * midday, so a same-day stay and every difference of dates stay whole days.
 */
export interface ParsedDate {
  day: number;
  hasTime: boolean;
}

/** Days from 1970-01-01 to a civil date (Howard Hinnant's days_from_civil). */
export function dayNumber(y: number, m: number, d: number): number {
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400),
    yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

const daysIn = (y: number, m: number): number =>
  m === 2 ? ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];

const ISO = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z)?)?$/;
const UK = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Years an extract's dates may fall in. A typo in the year (0207, 2207) is not a date a stay can
 * have: taken as one, it stretches the extract over centuries, censors every open stay there and
 * flattens the arrival rate, so such a row is a bad row.
 */
export const FIRST_YEAR = 1900,
  LAST_YEAR = 2100;

/** The date, or null when the text is not one of the accepted forms, not a real date, or outside FIRST_YEAR..LAST_YEAR. */
export function parseDate(text: string): ParsedDate | null {
  const s = text.trim();
  let m = ISO.exec(s),
    y: number,
    mo: number,
    d: number;
  if (m) {
    y = +m[1];
    mo = +m[2];
    d = +m[3];
  } else {
    m = UK.exec(s);
    if (!m) return null;
    d = +m[1];
    mo = +m[2];
    y = +m[3];
  }
  if (mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo) || y < FIRST_YEAR || y > LAST_YEAR) return null;
  const hasTime = m[4] !== undefined;
  const h = hasTime ? +m[4] : 12,
    mi = hasTime ? +m[5] : 0,
    sec = m[6] !== undefined ? +m[6] : 0;
  if (h > 24 || mi > 59 || sec > 59 || (h === 24 && (mi > 0 || sec > 0))) return null;
  return { day: dayNumber(y, mo, d) + (h * 3600 + mi * 60 + sec) / 86400, hasTime };
}

/** Why `text` (for which parseDate gave null) is not a date, for the bad-row report. */
export function notADate(text: string): string {
  const y = /^(\d{1,4})-\d{1,2}-\d{1,2}\b/.exec(text)?.[1] ?? /^\d{1,2}\/\d{1,2}\/(\d{1,4})\b/.exec(text)?.[1];
  if (y !== undefined && (+y < FIRST_YEAR || +y > LAST_YEAR))
    return `is outside the years ${FIRST_YEAR}-${LAST_YEAR} (a typo in the year?)`;
  if (/^\d{4,6}(\.\d+)?$/.test(text))
    return 'is not a date but a number: an Excel date saved without its date format? (format the column as a date, or save it as text)';
  return 'is not a date (expected YYYY-MM-DD or dd/mm/yyyy, with an optional time hh:mm)';
}

/** `YYYY-MM-DD` of a day number. */
export function isoDate(day: number): string {
  const z = Math.floor(day) + 719468;
  const era = Math.floor(z / 146097),
    doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1,
    m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** 0 = Monday .. 6 = Sunday (1970-01-01 was a Thursday). */
export const weekday = (day: number): number => (((Math.floor(day) + 3) % 7) + 7) % 7;
