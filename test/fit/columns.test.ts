import { describe, expect, it } from 'vitest';
import { layout, ColumnError } from '../../fit/columns.js';

describe('layout', () => {
  it("layout(header with two columns of a field's name) refuses it and says which columns, rather than reading the first", () => {
    expect(() => layout(['unit', 'admitted', 'discharged', 'Unit'], new Map())).toThrow(ColumnError);
    expect(() => layout(['unit', 'admitted', 'discharged', 'Unit'], new Map())).toThrow(/two columns "unit" \(columns 1 and 4\)/);
    // With --col the field reads another column, and the duplicate no longer matters.
    expect(layout(['unit', 'admitted', 'discharged', 'unit', 'team'], new Map([['unit', 'team']])).kind).toBe('stays');
    // Columns that no field reads may repeat.
    expect(layout(['unit', 'admitted', 'discharged', 'note', 'note'], new Map()).kind).toBe('stays');
    expect(() => layout(['Ward', 'admitted', 'discharged', 'ward'], new Map([['unit', 'ward']]))).toThrow(/two columns "Ward"/);
  });

  it('layout(--col mapping two fields to one column) refuses it', () => {
    expect(() => layout(['unit', 'admitted', 'discharged'], new Map([['discharged', 'admitted']]))).toThrow(
      /admitted and discharged would both be read from the column "admitted"/,
    );
    expect(() =>
      layout(
        ['Ward', 'AdmitDate', 'DischDate'],
        new Map([
          ['unit', 'ward'],
          ['cohort', 'ward'],
          ['admitted', 'admitdate'],
          ['discharged', 'dischdate'],
        ]),
      ),
    ).toThrow(/unit and cohort would both be read from the column "Ward"/);
  });

  it('layout(header read as one field with ; or tabs) says the file is not comma-separated', () => {
    expect(() => layout(['unit;admitted;discharged'], new Map())).toThrow(/separated by semicolons/);
    expect(() => layout(['date\tcount'], new Map())).toThrow(/separated by tabs/);
    expect(() => layout(['something'], new Map())).not.toThrow(/separated by/);
  });
});
