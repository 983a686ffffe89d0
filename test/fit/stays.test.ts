import { describe, expect, it } from 'vitest';
import { Stays } from '../../fit/stays.js';
import { layout } from '../../fit/columns.js';
import { CsvParser } from '../../fit/csv.js';

function read(text: string, end: number | null = null): Stays {
  let t: Stays | null = null;
  const p = new CsvParser((f, line) => {
    if (!t) {
      const l = layout(f, new Map());
      if (l.kind !== 'stays') throw new Error('not stays');
      t = new Stays(l.col, f.length, end);
    } else t.add(f, line);
  });
  p.push(text);
  p.end();
  return t!;
}

describe('Stays.add', () => {
  const text = [
    'unit,admitted,discharged,ready,destination,cohort',
    'acute,2027-01-04 08:00,2027-01-09 10:00,2027-01-08 09:00,home,frail', // 2 good
    ',2027-01-04,2027-01-05,,home,', // 3 unit blank
    'acute,,2027-01-05,,home,', // 4 admitted blank
    'acute,2027-02-30,2027-03-05,,home,', // 5 not a date
    'acute,2027-01-10,2027-01-05,,home,', // 6 discharged before admitted
    'acute,2027-01-04,2027-01-09,2027-01-03,home,', // 7 ready before admitted
    'acute,2027-01-04,2027-01-09,2027-01-10,home,', // 8 ready after discharged
    'acute,2027-01-04,2027-01-09', // 9 too few fields
    'rehab,"05/01/2027",,,,', // 10 good: still in
    '"acute","2027-01-06","2027-01-06","",home,other', // 11 good: same day
  ].join('\n');

  it('add(row, line) reports every bad row with its line number and reason and keeps every good one', () => {
    const s = read(text);
    expect(s.rows).toBe(10);
    expect(s.used).toBe(3);
    expect(s.bad.count).toBe(7);
    expect(s.bad.listed.map((b) => b.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    const reasons = s.bad.listed.map((b) => b.reason);
    expect(reasons[0]).toBe('unit is blank');
    expect(reasons[1]).toBe('admitted is blank');
    expect(reasons[2]).toMatch(/^admitted "2027-02-30" is not a date/);
    expect(reasons[3]).toMatch(/^discharged .* is before admitted/);
    expect(reasons[4]).toMatch(/^ready .* is before admitted/);
    expect(reasons[5]).toMatch(/^ready .* is after discharged/);
    expect(reasons[6]).toBe('has 3 fields, the header has 6');
    expect(s.units.names).toEqual(['acute', 'rehab']);
    expect(Number.isNaN(s.discharged.get(1))).toBe(true);
  });

  it('add(row) with --end refuses stays admitted after the end and the end defaults to the latest date', () => {
    expect(read(text).endDay).toBeCloseTo(Date.UTC(2027, 0, 9, 10) / 86_400_000, 9);
    const s = read(text, Date.UTC(2027, 0, 5) / 86_400_000);
    expect(s.bad.listed.filter((b) => b.reason === 'admitted after the extract end (--end)').map((b) => b.line)).toEqual([10, 11]);
  });

  it("add(row with a typo in the year: 2207, 0207) reports the row and leaves the extract's span alone", () => {
    const s = read(
      [
        'unit,admitted,discharged',
        'acute,2027-01-04,2027-01-09',
        'acute,2027-01-05,',
        'acute,2027-01-06,2207-01-08',
        'acute,0207-01-06,2027-01-08',
        'acute,46054,46057',
        '',
      ].join('\n'),
    );
    expect(s.bad.listed).toEqual([
      { line: 4, reason: 'discharged "2207-01-08" is outside the years 1900-2100 (a typo in the year?)' },
      { line: 5, reason: 'admitted "0207-01-06" is outside the years 1900-2100 (a typo in the year?)' },
      {
        line: 6,
        reason:
          'admitted "46054" is not a date but a number: an Excel date saved without its date format? (format the column as a date, or save it as text)',
      },
    ]);
    expect(s.used).toBe(2);
    expect(s.endDay).toBeCloseTo(Date.UTC(2027, 0, 9, 12) / 86_400_000, 9);
  });
});
