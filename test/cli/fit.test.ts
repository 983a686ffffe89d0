import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { cli, ensureBuilt, runCli } from './cli-process.js';
import { parseArgs } from '../../cli/parse.js';
import { tempDir } from '../temp-dir.js';

const dir = tempDir('cli-fit');
const stays = [
  'Ward,AdmitDate,DischDate,Dest',
  ...Array.from(
    { length: 60 },
    (_, i) =>
      `acute,2027-01-${String(1 + (i % 28)).padStart(2, '0')} 08:00,2027-02-${String(1 + ((i * 7) % 27)).padStart(2, '0')} 10:00,${i % 3 ? 'home' : 'nursing home'}`,
  ),
  'acute,2027-01-05,not a date,home',
  'acute,2027-01-09,2027-01-02,home',
].join('\n');

beforeAll(() => {
  ensureBuilt();
  writeFileSync(join(dir, 'stays.csv'), `${stays}\n`);
});

describe('caresim fit', () => {
  it('parseArgs(fit FILES --col --end --out) gives the typed command', async () => {
    const p = await parseArgs([
      'fit',
      'a.csv',
      'b.xlsx',
      '--col',
      'unit=Ward',
      '--col',
      'admitted=AdmitDate',
      '--end',
      '2027-03-01',
      '--out',
      'f.yaml',
      '--bootstrap',
      '19',
    ]);
    expect(p).toEqual({
      kind: 'command',
      command: {
        cmd: 'fit',
        files: ['a.csv', 'b.xlsx'],
        out: 'f.yaml',
        report: undefined,
        col: ['unit=Ward', 'admitted=AdmitDate'],
        end: '2027-03-01',
        seed: '1',
        bootstrap: 19,
        quiet: false,
      },
    });
  });

  it('caresim fit FILE --col ... --out F --report R: lists bad rows as file:line: reason, uses the rest, writes the fragment and the report, exit 0', () => {
    const out = join(dir, 'fit.yaml'),
      report = join(dir, 'fit.html');
    const r = runCli([
      'fit',
      join(dir, 'stays.csv'),
      '--col',
      'unit=Ward',
      '--col',
      'admitted=AdmitDate',
      '--col',
      'discharged=DischDate',
      '--col',
      'destination=Dest',
      '--out',
      out,
      '--report',
      report,
      '--bootstrap',
      '9',
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`stays.csv:62: discharged "not a date" is not a date`);
    expect(r.stderr).toContain('stays.csv:63: discharged (2027-01-02) is before admitted (2027-01-09)');
    expect(r.stdout).toContain('stays, 60 of 62 rows used, 2 bad');
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toMatch(/^ {2}acute:$/m);
    // A destination that is neither a unit nor a built-in exit is declared, under a scenario name.
    expect(yaml).toMatch(/^exits: \[nursing_home\]/m);
    expect(readFileSync(report, 'utf8')).toContain('<svg');
  });

  it('caresim fit FILE whose header has none of the fields: exit 2, names the header and the fields, writes nothing', () => {
    const out = join(dir, 'none.yaml');
    const r = runCli(['fit', join(dir, 'stays.csv'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(
      'stays.csv: the header has Ward, AdmitDate, DischDate, Dest: neither a stays extract (needs unit, admitted, discharged) nor counts (needs date, count)',
    );
    expect(existsSync(out)).toBe(false);
  });

  it('caresim fit FILE --col (one required column still missing): exit 2 names it', () => {
    const r = runCli(['fit', join(dir, 'stays.csv'), '--col', 'unit=Ward', '--col', 'admitted=AdmitDate']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a stays extract needs the columns discharged;');
  });

  it('caresim fit DAMAGED.xlsx: exit 2 with the file name, no stack trace', () => {
    writeFileSync(join(dir, 'damaged.xlsx'), 'this is not a zip file');
    const r = runCli(['fit', join(dir, 'damaged.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/damaged\.xlsx: cannot be read: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('caresim fit BOOK.xlsx whose first sheet is not the extract: exit 2 names the file and says only the first sheet is read', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Notes').addRow(['Extract run on 2027-03-01']);
    wb.addWorksheet('Stays').addRow(['unit', 'admitted', 'discharged']);
    await wb.xlsx.writeFile(join(dir, 'book.xlsx'));
    const r = runCli(['fit', join(dir, 'book.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/book\.xlsx: the header has Extract run on 2027-03-01: .*only the first worksheet of a workbook is read/);
  });

  it('caresim fit FILE --out FOLDER (or --report FOLDER): exit 2 before fitting, with a file name to use', () => {
    for (const opt of ['--out', '--report']) {
      const r = runCli([
        'fit',
        join(dir, 'stays.csv'),
        '--col',
        'unit=Ward',
        '--col',
        'admitted=AdmitDate',
        '--col',
        'discharged=DischDate',
        opt,
        dir,
        '--bootstrap',
        '9',
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`caresim: ${opt} ${dir} is a folder; give a file name`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });

  it('caresim fit MISSING: exit 2', () => {
    const r = runCli(['fit', join(dir, 'nope.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no such file');
  });
  it('caresim fit refuses, before reading anything, an output that is one of its extracts or the other output', () => {
    const extract = join(dir, 'stays.csv');
    const before = readFileSync(extract, 'utf8');
    for (const [args, message] of [
      [['--out', extract], /--out .*stays\.csv is an extract: writing there would replace it; give --out another file/],
      [['--out', join(dir, 'f.yaml'), '--report', `${dir}/./stays.csv`], /--report .*stays\.csv is an extract/],
      [['--out', join(dir, 'f.yaml'), '--report', join(dir, 'f.yaml')], /--report .*f\.yaml is the --out file/],
    ] as const) {
      const r = runCli(['fit', extract, ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(readFileSync(extract, 'utf8')).toBe(before);
    expect(existsSync(join(dir, 'f.yaml'))).toBe(false);
  });

  it('caresim fit --bootstrap beyond 99,999 exits 2 saying the limit and why, before reading anything', () => {
    const r = runCli(['fit', join(dir, 'stays.csv'), '--out', join(dir, 'big.yaml'), '--bootstrap', '1e9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--bootstrap: at most 99,999 (caresim');
    expect(r.stderr).toContain('got "1e9"');
    expect(existsSync(join(dir, 'big.yaml'))).toBe(false);
    expect(runCli(['fit', join(dir, 'stays.csv'), '--bootstrap', '-1']).code).toBe(2);
  });

  it('caresim fit stops at once on SIGTERM in the middle of a long bootstrap, and writes nothing', async () => {
    const out = join(dir, 'stopped.yaml');
    const child = spawn(
      process.execPath,
      [cli, 'fit', join(import.meta.dirname, '..', '..', 'examples', 'data', 'stays.csv'), '--out', out, '--bootstrap', '99999', '--quiet'],
      {
        stdio: 'ignore',
      },
    );
    const ended = new Promise<{ code: number | null; signal: string | null; after: number }>((done) => {
      child.once('exit', (code, signal) => done({ code, signal, after: Date.now() }));
    });
    // Well into the bootstrap (the whole would take about ten minutes).
    await new Promise((r) => setTimeout(r, 2500));
    const sent = Date.now();
    child.kill('SIGTERM');
    const stop = setTimeout(() => child.kill('SIGKILL'), 20_000);
    const e = await ended;
    clearTimeout(stop);
    expect(e.signal).toBe('SIGTERM');
    expect(e.after - sent).toBeLessThan(5000);
    expect(existsSync(out)).toBe(false);
  }, 30_000);
});
