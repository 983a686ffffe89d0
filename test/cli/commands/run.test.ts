import { beforeAll, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ensureBuilt, runCli, small } from '../cli-process.js';
import { tempDir } from '../../temp-dir.js';

beforeAll(() => ensureBuilt());

describe('runCommand({ out, journal })', () => {
  it('refuses a --journal that is the --out file (the finished run would delete its own results), with exit 2', () => {
    const dir = tempDir('run-journal');
    const out = join(dir, 'r.json');
    const r = runCli(['run', small, '--reps', '2', '--out', out, '--journal', out, '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--journal .*r\.json is the --out file: .*give --journal another path/);
    expect(existsSync(out)).toBe(false);
    // With its own journal the same run writes the results and keeps them.
    expect(runCli(['run', small, '--reps', '2', '--out', out, '--journal', join(dir, 'j.ndjson'), '-q']).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).replications).toBe(2);
  });
});

describe('runCommand({ journal }) against the other outputs', () => {
  it('refuses a --journal that is the --report or --xlsx file, or in the --csv folder, with exit 2 before the run', () => {
    const dir = tempDir('run-journal-outputs');
    const out = join(dir, 'r.json');
    for (const [extra, want] of [
      [
        ['--report', join(dir, 'r.html'), '--journal', join(dir, 'r.html')],
        /--journal .*r\.html is the --report file: .*give --journal another path/,
      ],
      [['--xlsx', join(dir, 'r.xlsx'), '--journal', join(dir, 'r.xlsx')], /--journal .*r\.xlsx is the --xlsx file/],
      [
        ['--csv', join(dir, 'csv'), '--journal', join(dir, 'csv', 'summary.csv')],
        /--journal .*summary\.csv is a table of the --csv folder .*give --journal another name or folder/,
      ],
    ] as const) {
      const r = runCli(['run', small, '--reps', '2', '--out', out, ...extra, '-q']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(want);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('writes the results and the tables into one folder (the default journal beside --out is not a table)', () => {
    const dir = join(tempDir('run-out-in-csv'), 'out');
    const r = runCli(['run', small, '--reps', '2', '--out', join(dir, 'results.json'), '--csv', dir, '-q']);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'results.json'), 'utf8')).replications).toBe(2);
    expect(existsSync(join(dir, 'summary.csv'))).toBe(true);
    expect(existsSync(join(dir, 'results.json.journal.ndjson'))).toBe(false);
  });

  it('refuses a pipe as --out or --journal with exit 2 at once, leaving it as it is', () => {
    const dir = tempDir('run-pipe');
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const asOut = runCli(['run', small, '--reps', '2', '--out', fifo, '-q']);
    expect(asOut.code).toBe(2);
    expect(asOut.stderr).toMatch(/--out .*pipe is not a regular file \(a device, a pipe or a socket\); give a file path/);
    const asJournal = runCli(['run', small, '--reps', '2', '--out', join(dir, 'r.json'), '--journal', fifo, '-q']);
    expect(asJournal.code).toBe(2);
    expect(asJournal.stderr).toMatch(/--journal .*pipe is not a regular file/);
    expect(statSync(fifo).isFIFO()).toBe(true);
  });
});

describe('runCommand({ csv })', () => {
  it('refuses a --csv that is a file with exit 2 before the run, leaving no journal behind', () => {
    const dir = tempDir('run-csv');
    const csv = join(dir, 'taken.csv');
    writeFileSync(csv, 'a,b\n');
    const out = join(dir, 'r.json');
    const r = runCli(['run', small, '--reps', '2', '--out', out, '--csv', csv, '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--csv .*taken\.csv is a file, but --csv names a folder/);
    expect(existsSync(`${out}.journal.ndjson`)).toBe(false);
    expect(readFileSync(csv, 'utf8')).toBe('a,b\n');
  });
});

describe('outputs and inputs named like a table inside the --csv folder', () => {
  it('run refuses an --out, --report or --xlsx that the tables would replace, and a scenario kept there under a table name, before running', () => {
    const dir = tempDir('run-csv-clash');
    const csv = join(dir, 'csv');
    for (const [option, name] of [
      ['--out', 'summary.csv'],
      ['--report', 'daily.csv'],
      ['--xlsx', 'book.CSV'],
    ] as const) {
      const r = runCli(['run', small, '--reps', '2', '--csv', csv, option, join(csv, name), '--journal', join(dir, 'j.ndjson'), '-q']);
      expect(r.code, option).toBe(2);
      expect(r.stderr).toMatch(
        new RegExp(
          `^caresim: ${option} .*${name.replace('.', '\\.')} is a table of the --csv folder .*give ${option} another name or folder\\n$`,
        ),
      );
      expect(existsSync(join(dir, 'j.ndjson')) || existsSync(join(csv, name)), option).toBe(false);
    }
    mkdirSync(csv, { recursive: true });
    const scenario = join(csv, 'summary.csv');
    writeFileSync(scenario, readFileSync(small));
    const r = runCli(['run', scenario, '--reps', '2', '--csv', csv, '--journal', join(dir, 'j.ndjson'), '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /the scenario .*summary\.csv is in the --csv folder .* under a table's name: the tables would replace it; give --csv another folder/,
    );
    expect(readFileSync(scenario, 'utf8')).toBe(readFileSync(small, 'utf8'));
  });

  it('report refuses an --out that the tables would replace, before writing anything', () => {
    const dir = tempDir('report-csv-clash');
    const results = join(dir, 'r.json');
    expect(runCli(['run', small, '--reps', '2', '--out', results, '-q']).code).toBe(0);
    const r = runCli(['report', results, '--out', join(dir, 'csv', 'daily.csv'), '--csv', join(dir, 'csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*daily\.csv is a table of the --csv folder/);
    expect(existsSync(join(dir, 'csv', 'daily.csv'))).toBe(false);
  });
  it('keeps the permissions of every output it replaces (results, report, workbook, tables), and gives new ones the default', () => {
    const dir = tempDir('keep-mode');
    const out = join(dir, 'r.json'),
      report = join(dir, 'r.html'),
      xlsx = join(dir, 'r.xlsx'),
      csv = join(dir, 'csv');
    const outputs = ['--out', out, '--report', report, '--xlsx', xlsx, '--csv', csv];
    expect(runCli(['run', small, '--reps', '2', ...outputs, '-q']).code).toBe(0);
    const files = [out, report, xlsx, join(csv, 'summary.csv')];
    const mode = (f: string) => statSync(f).mode & 0o777;
    const fresh = files.map(mode);
    expect(fresh.every((m) => m === fresh[0] && m !== 0o600)).toBe(true);
    files.forEach((f) => chmodSync(f, 0o600));
    expect(runCli(['run', small, '--reps', '2', ...outputs, '-q']).code).toBe(0);
    expect(files.map(mode)).toEqual(files.map(() => 0o600));
    chmodSync(report, 0o640);
    expect(runCli(['report', out, '--out', report]).code).toBe(0);
    expect(mode(report)).toBe(0o640);
    expect(readdirSync(dir).sort()).toEqual(['csv', 'r.html', 'r.json', 'r.xlsx']);
  });
  it('refuses before the run an output that names a folder: a path ending in a slash, the --csv folder (for a file or the journal)', () => {
    const dir = tempDir('folder-outputs');
    const cases: [string[], RegExp][] = [
      [
        ['--out', join(dir, 'r.json') + '/'],
        /--out .*r\.json\/ names a folder \(it ends in a slash\); give a file name, e\.g\. .*results\.json/,
      ],
      [['--report', join(dir, 'reports') + '/'], /--report .*reports\/ names a folder .*report\.html/],
      [['--xlsx', join(dir, 'x.xlsx') + '/.'], /--xlsx .* names a folder \(it ends in \.\)/],
      [
        ['--report', join(dir, 't'), '--csv', join(dir, 't')],
        /--report .*t is the --csv folder: the tables go in it; give --report a file name/,
      ],
      [['--out', join(dir, 't'), '--csv', join(dir, 't')], /--out .*t is the --csv folder/],
      [['--journal', join(dir, 't'), '--csv', join(dir, 't')], /--journal .*t is the --csv folder/],
    ];
    for (const [extra, message] of cases) {
      const r = runCli(['run', small, '--reps', '2', ...extra, '-q']);
      expect(r.code, extra.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
    expect(readdirSync(dir)).toEqual([]);
  });
  it("refuses before the run an output that is the journal's lock file, another run's journal, or one file through a linked folder", () => {
    const dir = tempDir('hidden-clashes');
    const out = join(dir, 'r.json');
    const lock = runCli(['run', small, '--reps', '2', '--out', out, '--report', `${out}.journal.ndjson.lock`, '-q']);
    expect(lock.code).toBe(2);
    expect(lock.stderr).toMatch(/--report .*r\.json\.journal\.ndjson\.lock is the lock file of the journal/);
    // Another run's journal (the unfinished run of b.json) as this run's report.
    const other = join(dir, 'b.json.journal.ndjson');
    writeFileSync(other, '{"header":{"format":"caresim-journal/3"}}\n');
    const journal = runCli(['run', small, '--reps', '2', '--out', out, '--report', other, '-q']);
    expect(journal.code).toBe(2);
    expect(journal.stderr).toMatch(/--report .*b\.json\.journal\.ndjson is the journal of a run/);
    expect(readFileSync(other, 'utf8')).toBe('{"header":{"format":"caresim-journal/3"}}\n');
    // b is a link to a: a/x.json and b/x.json are one file, though neither exists yet.
    mkdirSync(join(dir, 'a'));
    symlinkSync(join(dir, 'a'), join(dir, 'b'));
    const linked = runCli(['run', small, '--reps', '2', '--out', join(dir, 'a', 'x.json'), '--report', join(dir, 'b', 'x.json'), '-q']);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toMatch(/--report .*b\/x\.json is the --out file/);
    expect(readdirSync(join(dir, 'a'))).toEqual([]);
    expect(existsSync(out)).toBe(false);
  });
  it('refuses before the run an output over a file the scenario extends, and names too long for a file or for the journal beside it', () => {
    const dir = tempDir('extends-outputs');
    const base = join(dir, 'base.yaml');
    writeFileSync(base, readFileSync(small, 'utf8'));
    const child = join(dir, 'child.yaml');
    writeFileSync(child, 'extends: base.yaml\nname: Child\n');
    const over = runCli(['run', child, '--reps', '2', '--out', base, '-q']);
    expect(over.code).toBe(2);
    expect(over.stderr).toMatch(
      /--out .*base\.yaml is a file the scenario extends: writing there would replace it; give --out another file/,
    );
    expect(readFileSync(base, 'utf8')).toBe(readFileSync(small, 'utf8'));
    const long = runCli(['run', child, '--reps', '2', '--out', join(dir, `${'r'.repeat(251)}.json`), '-q']);
    expect(long.code).toBe(2);
    expect(long.stderr).toMatch(/its file name is 256 bytes long, and file systems take at most 255; give a shorter name/);
    const noRoom = runCli(['run', child, '--reps', '2', '--out', join(dir, `${'r'.repeat(240)}.json`), '-q']);
    expect(noRoom.code).toBe(2);
    expect(noRoom.stderr).toMatch(
      /needs a lock file beside it whose name would be 265 bytes long.*give --out a shorter name, or --journal a short one/,
    );
    expect(readdirSync(dir).sort()).toEqual(['base.yaml', 'child.yaml']);
  });

  it('makes the folder of an --xlsx not made yet, as every other output', () => {
    const dir = tempDir('xlsx-folder');
    const r = runCli(['run', small, '--reps', '2', '--out', join(dir, 'r.json'), '--xlsx', join(dir, 'new', 'w.xlsx'), '-q']);
    expect(r.code, r.stderr).toBe(0);
    expect(statSync(join(dir, 'new', 'w.xlsx')).size).toBeGreaterThan(1000);
  });
});
