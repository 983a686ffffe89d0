import { splitLine } from '../../compare/observed.js';
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeXlsx } from '../../cli/xlsx.js';
import { writeCsv } from '../../cli/csv.js';
import { dailyTable, resultTables } from '../../cli/tables.js';
import { summarise } from '../../results/index.js';
import { simulate, buildModel, exponential, DAY } from '../../engine/index.js';
import { tempDir } from '../temp-dir.js';

const model = (beds: number) =>
  buildModel({
    horizon: 20 * DAY,
    warmup: 2 * DAY,
    units: { acute: { kind: 'beds', role: 'acute', capacity: beds, service: exponential(DAY), queue: 0, next: { home: 1 }, cost: 345 } },
    sources: { a: { rate: 4 / DAY, to: 'acute' } },
  });
const reps = (beds: number) => [0, 1, 2, 3].map((r) => simulate(model(beds), { seed: 3, replication: r }));
const base = reps(5);
const results = summarise(
  [
    { name: 'baseline', description: '', set: {}, reps: base },
    { name: 'units.acute.capacity=8', description: 'sweep, "quoted"', set: {}, sweep: { 'units.acute.capacity': 8 }, reps: reps(8) },
  ],
  {
    scenario: { name: 'Test', hash: 'h', assumptions: [] },
    engineVersion: '0',
    seed: 3,
    replications: 4,
    horizonDays: 20,
    warmupDays: 2,
    startDate: '2027-01-04',
    sweep: { paths: ['units.acute.capacity'], points: [{ strategy: 'units.acute.capacity=8', values: { 'units.acute.capacity': 8 } }] },
    labels: { units: { acute: 'Acute beds, "general"' } },
  },
);

/** A CSV line split into fields (quotes as tableCsv writes them): the reader `caresim compare` uses. */
const fields = (line: string): string[] => splitLine(line, ',');

describe('dailyTable(results)', () => {
  it('has one row per strategy, unit, series and measured day, dated from start_date', () => {
    const t = dailyTable(results);
    const days = results.strategies.baseline.daily.acute.occupancy.mean.length;
    // 4 banded series and capacity, for 2 strategies.
    expect(t.rows).toHaveLength(2 * 5 * days);
    const occ = t.rows.filter((r) => r[0] === 'baseline' && r[2] === 'occupancy');
    expect(occ[1]).toEqual([
      'baseline',
      'acute',
      'occupancy',
      1,
      '2027-01-05',
      results.strategies.baseline.daily.acute.occupancy.mean[1],
      results.strategies.baseline.daily.acute.occupancy.p05[1],
      results.strategies.baseline.daily.acute.occupancy.p95[1],
    ]);
  });
});

describe('writeCsv(dir, results, raw, warn) over the tables of an earlier run', () => {
  it('names a table these results have none of (sweep.csv after a run without a sweep) and leaves it', () => {
    const dir = tempDir('csv-stale');
    const warnings: string[] = [];
    writeCsv(dir, results, undefined, (t) => warnings.push(t));
    expect(warnings).toEqual([]);
    writeCsv(dir, { ...results, sweep: undefined }, undefined, (t) => warnings.push(t));
    expect(warnings).toEqual([
      `caresim: warning: ${join(dir, 'sweep.csv')} is a table of an earlier run, not of these results (which have no such table): delete it, or give --csv a new folder\n`,
    ]);
    expect(readdirSync(dir)).toContain('sweep.csv');
  });
});

describe('resultTables(results) and writeCsv(dir, results)', () => {
  it('writes a file per table with p10/p90 on every stat table, and the sweep with its swept value', () => {
    const dir = tempDir('csv');
    writeCsv(dir, results);
    expect(readdirSync(dir).sort()).toEqual([
      'daily.csv',
      'differences.csv',
      'flows.csv',
      'labels.csv',
      'summary.csv',
      'sweep.csv',
      'verdicts.csv',
    ]);
    const sweep = readFileSync(join(dir, 'sweep.csv'), 'utf8').trim().split('\n');
    expect(sweep[0]).toBe('strategy,units.acute.capacity,metric,mean,sd,ci95_lo,ci95_hi,n,p10,p90');
    const occ = sweep.map(fields).find((f) => f[2] === 'acute_occupancy')!;
    const s = results.strategies['units.acute.capacity=8'].kpis.acute_occupancy!;
    expect(occ.slice(0, 3)).toEqual(['units.acute.capacity=8', '8', 'acute_occupancy']);
    expect(occ.slice(8).map(Number)).toEqual([s.p10, s.p90]);
    expect(readFileSync(join(dir, 'differences.csv'), 'utf8').split('\n')[0]).toBe(
      'strategy,baseline,metric,mean,sd,ci95_lo,ci95_hi,n,p10,p90',
    );
  });
});

describe('writeXlsx(file, results)', () => {
  it('writes one sheet per CSV table, header frozen, equal to the CSV cell by cell, numbers as numbers', async () => {
    const dir = tempDir('xlsx');
    const csvDir = join(dir, 'csv');
    writeCsv(csvDir, results, { baseline: base });
    const file = join(dir, 'r.xlsx');
    await writeXlsx(file, results, { baseline: base });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const tables = resultTables(results, { baseline: base });
    expect(wb.worksheets.map((w) => w.name)).toEqual(tables.map((t) => t.name));
    expect(readdirSync(csvDir).sort()).toEqual(tables.map((t) => `${t.name}.csv`).sort());
    let numbers = 0;
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      const lines = readFileSync(join(csvDir, `${ws.name}.csv`), 'utf8')
        .replace(/\n$/, '')
        .split('\n');
      expect(ws.rowCount).toBe(lines.length);
      lines.forEach((line, i) => {
        const csv = fields(line);
        const row = ws.getRow(i + 1);
        csv.forEach((text, c) => {
          const v = row.getCell(c + 1).value;
          if (text === '') expect(v).toBeNull();
          else if (typeof v === 'number') {
            numbers++;
            // The CSV holds String(number), which reads back to the same double.
            expect(v).toBe(Number(text));
          } else expect(v).toBe(text);
        });
        // No cell beyond the CSV's fields.
        expect(row.cellCount).toBeLessThanOrEqual(csv.length);
      });
    }
    expect(numbers).toBeGreaterThan(1000);
    // A number stays a number: the first summary row's mean.
    expect(typeof wb.getWorksheet('summary')!.getRow(2).getCell(4).value).toBe('number');
  });
});
