import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { readXlsx } from '../../fit/read-xlsx.js';
import { fitFiles } from '../../fit/fit-files.js';
import { tempDir } from '../temp-dir.js';

const dir = tempDir('read-xlsx');

describe('readXlsx', () => {
  it('readXlsx(rows whose last cells are blank) gives every row the width of the header, so a stay still in is censored, not a bad row', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('stays');
    ws.addRow(['unit', 'admitted', 'discharged', 'cohort']);
    // 40 stays; every 4th is still in (blank discharged and cohort: the row ends at admitted).
    for (let i = 0; i < 40; i++) {
      const a = new Date(Date.UTC(2027, 1, 1 + (i % 27)));
      ws.addRow(i % 4 === 0 ? ['acute', a] : ['acute', a, new Date(a.getTime() + (1 + (i % 5)) * 86400000), 'frail']);
    }
    ws.getColumn(2).numFmt = 'yyyy-mm-dd';
    ws.getColumn(3).numFmt = 'yyyy-mm-dd';
    const file = join(dir, 'trailing.xlsx');
    await wb.xlsx.writeFile(file);
    const rows: { fields: string[]; line: number }[] = [];
    await readXlsx(file, (fields, line) => rows.push({ fields, line }));
    expect(rows).toHaveLength(41);
    expect(rows[1]).toEqual({ fields: ['acute', '2027-02-01', '', ''], line: 2 });
    const r = await fitFiles([file], { bootstrap: 9 });
    expect(r.sources[0]).toMatchObject({ rows: 40, used: 40, bad: 0 });
    expect(r.units[0].los.fit.censored).toBe(10);
  });
});
