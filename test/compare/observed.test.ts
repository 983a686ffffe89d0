import { describe, expect, it } from 'vitest';
import { decodeObserved, readObserved, splitLine } from '../../compare/observed.js';
import { formatDay, parseDay } from '../../compare/dates.js';

describe('parseDay(text)', () => {
  it('reads ISO and day-first dates as the same UTC day, and refuses impossible ones', () => {
    expect(formatDay(parseDay('2027-01-04')!)).toBe('2027-01-04');
    expect(parseDay('04/01/2027')).toBe(parseDay('2027-01-04'));
    expect(parseDay('4.1.2027')).toBe(parseDay('2027-01-04'));
    expect(parseDay('2027-01-04T00:00:00Z')).toBe(parseDay('2027-01-04'));
    expect(parseDay('2027-03-01')! - parseDay('2027-02-28')!).toBe(1);
    expect(parseDay('2027-02-29')).toBeNull();
    expect(parseDay('31/04/2027')).toBeNull();
    expect(parseDay('Jan 4 2027')).toBeNull();
  });
});

describe('splitLine(line, sep)', () => {
  it('keeps separators and doubled quotes inside quotes', () => {
    expect(splitLine('2027-01-04,"acute, main","1,204"', ',')).toEqual(['2027-01-04', 'acute, main', '1,204']);
    expect(splitLine('"say ""hi""";x', ';')).toEqual(['say "hi"', 'x']);
  });
});

describe('readObserved(text)', () => {
  it('reads the long layout, skipping NA days and ignoring other columns', () => {
    const o = readObserved(
      '\uFEFFDate,Series,Value,source\r\n2027-01-05,acute.occupancy,52,sitrep\r\n2027-01-04,acute.occupancy,"1,050",sitrep\r\n2027-01-04,acute.blocked,NA,sitrep\r\n\r\n',
    );
    expect(o.layout).toBe('long');
    expect(o.problems).toEqual([]);
    expect(o.series.map((s) => s.name)).toEqual(['acute.occupancy', 'acute.blocked']);
    expect(o.series[0].points.map((p) => [formatDay(p.day), p.value, p.line])).toEqual([
      ['2027-01-04', 1050, 3],
      ['2027-01-05', 52, 2],
    ]);
    expect(o.series[1]).toMatchObject({ points: [], missing: 1 });
  });

  it('reads the wide layout with semicolons and day-first dates', () => {
    const o = readObserved('date;acute.occupancy;p1.occupancy\n04/01/2027;50;30\n05/01/2027;51;\n');
    expect(o.layout).toBe('wide');
    expect(o.problems).toEqual([]);
    expect(o.series.map((s) => [s.name, s.points.map((p) => p.value), s.missing])).toEqual([
      ['acute.occupancy', [50, 51], 0],
      ['p1.occupancy', [30], 1],
    ]);
  });

  it('reports every bad row with its line and keeps the good ones', () => {
    const o = readObserved(
      [
        'date,series,value',
        '2027-01-04,acute.occupancy,50',
        '2027-02-30,acute.occupancy,50',
        '2027-01-05,acute.occupancy,lots',
        '2027-01-04,acute.occupancy,51',
        '2027-01-06,acute.occupancy,-3',
        ',acute.occupancy,4',
        '2027-01-07,,4',
        '2027-01-08,acute.occupancy,49',
      ].join('\n'),
    );
    expect(o.problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7, 8]);
    expect(o.problems[0].message).toContain('`2027-02-30` is not a date');
    expect(o.problems[1].message).toContain('`lots` is not a number');
    expect(o.problems[2].message).toContain('already given on line 2');
    expect(o.problems[3].message).toContain('negative');
    expect(o.series[0].points.map((p) => p.value)).toEqual([50, 49]);
  });

  it('says what is missing from a header without a date, and from an empty file', () => {
    expect(readObserved('day,value\n1,2\n').problems[0]).toMatchObject({ line: 1, message: expect.stringContaining('no `date` column') });
    expect(readObserved('\n\n').problems[0].message).toBe('the file is empty');
    expect(readObserved('date,a.occupancy\n2027-01-04,1,2\n').problems[0]).toMatchObject({
      line: 2,
      message: '3 fields, but the header has 2',
    });
  });
});

describe('readObserved(text) against hostile values', () => {
  it('refuses hexadecimal and binary numbers, which Number() would silently read', () => {
    const o = readObserved(
      'date,series,value\n2027-01-04,acute.occupancy,0x10\n2027-01-05,acute.occupancy,0b11\n2027-01-06,acute.occupancy,1e2\n',
    );
    expect(o.problems.map((p) => [p.line, p.message])).toEqual([
      [2, '`acute.occupancy`: `0x10` is not a number'],
      [3, '`acute.occupancy`: `0b11` is not a number'],
    ]);
    expect(o.series[0].points.map((p) => p.value)).toEqual([100]);
  });

  it('refuses values too large to be a count of patients (they would overflow the means to infinity)', () => {
    const o = readObserved(
      'date,series,value\n2027-01-04,acute.occupancy,1e308\n2027-01-05,acute.occupancy,4857773456\n2027-01-06,acute.occupancy,2150\n',
    );
    expect(o.problems.map((p) => p.line)).toEqual([2, 3]);
    expect(o.problems[0].message).toContain('too large');
    expect(o.series[0].points.map((p) => p.value)).toEqual([2150]);
  });

  it('refuses a comma inside a number in a semicolon file, where it may be a decimal comma', () => {
    const o = readObserved('date;series;value\n2027-01-04;acute.occupancy;60,500\n2027-01-05;acute.occupancy;60.5\n');
    expect(o.problems.map((p) => p.line)).toEqual([2]);
    expect(o.problems[0].hint).toContain('decimal');
    expect(o.series[0].points.map((p) => p.value)).toEqual([60.5]);
  });

  it('refuses a header that mixes the long and the wide layout, rather than ignore a series column', () => {
    const o = readObserved('date,acute.occupancy,series,value\n2027-01-04,60,acute.blocked,3\n');
    expect(o.problems.map((p) => [p.line, p.message])).toEqual([
      [1, 'column `acute.occupancy` names a series, but the file gives series in `series` and `value` columns'],
    ]);
  });
});

describe('decodeObserved(bytes)', () => {
  it('reads UTF-16 files (a spreadsheet\'s "Unicode text"), and UTF-8 with or without a BOM', () => {
    const text = 'date\tseries\tvalue\n2027-01-04\tacute.occupancy\t60\n';
    const le = new Uint8Array([0xff, 0xfe, ...[...text].flatMap((c) => [c.charCodeAt(0), 0])]);
    const be = new Uint8Array([0xfe, 0xff, ...[...text].flatMap((c) => [0, c.charCodeAt(0)])]);
    for (const bytes of [le, be, new TextEncoder().encode(text), new TextEncoder().encode(`\uFEFF${text}`)]) {
      const o = readObserved(decodeObserved(bytes));
      expect(o.problems).toEqual([]);
      expect(o.series[0].points.map((p) => p.value)).toEqual([60]);
    }
  });
});
