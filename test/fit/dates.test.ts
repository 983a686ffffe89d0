import { describe, expect, it } from 'vitest';
import { parseDate, isoDate, weekday, dayNumber, notADate } from '../../fit/dates.js';

describe('fit/dates', () => {
  it('parseDate(ISO or dd/mm/yyyy, with or without a time) gives the same day number as Date.UTC', () => {
    const utc = (y: number, m: number, d: number, h = 12, mi = 0) => Date.UTC(y, m - 1, d, h, mi) / 86_400_000;
    expect(parseDate('2027-01-04')).toEqual({ day: utc(2027, 1, 4), hasTime: false });
    expect(parseDate('04/01/2027')).toEqual({ day: utc(2027, 1, 4), hasTime: false });
    expect(parseDate('2027-01-04T08:30')!.day).toBeCloseTo(utc(2027, 1, 4, 8, 30), 9);
    expect(parseDate('2027-01-04 08:30:15')!.day).toBeCloseTo(utc(2027, 1, 4, 8, 30) + 15 / 86400, 9);
    expect(parseDate('4/1/2027 8:30')!.day).toBeCloseTo(utc(2027, 1, 4, 8, 30), 9);
    expect(parseDate('2028-02-29')!.day).toBe(utc(2028, 2, 29));
  });

  it('parseDate(bad text) is null: impossible dates, US order past 12, other formats', () => {
    for (const t of ['', '2027-02-29', '31/04/2027', '2027-13-01', '01/13/2027', '2027-01-04T25:00', 'tomorrow', '2027/01/04', '44567'])
      expect(parseDate(t)).toBeNull();
  });

  it('parseDate(a year outside 1900-2100) is null and notADate says why: a typo in the year would stretch the extract over centuries', () => {
    expect(parseDate('0207-02-10')).toBeNull();
    expect(parseDate('10/02/2207 08:00')).toBeNull();
    expect(parseDate('1900-01-01')).not.toBeNull();
    expect(notADate('0207-02-10')).toBe('is outside the years 1900-2100 (a typo in the year?)');
    expect(notADate('10/02/2207 08:00')).toBe('is outside the years 1900-2100 (a typo in the year?)');
    expect(notADate('46054')).toMatch(/^is not a date but a number: an Excel date/);
    expect(notADate('12/31/2027')).toMatch(/^is not a date \(expected/);
  });

  it('isoDate(day) and weekday(day) invert dayNumber and follow the calendar (2027-01-04 is a Monday)', () => {
    for (const [y, m, d] of [
      [1970, 1, 1],
      [2000, 2, 29],
      [2027, 1, 4],
      [2100, 12, 31],
    ]) {
      expect(isoDate(dayNumber(y, m, d))).toBe(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    }
    expect(weekday(dayNumber(2027, 1, 4))).toBe(0);
    expect(weekday(dayNumber(2027, 1, 10))).toBe(6);
  });
});
