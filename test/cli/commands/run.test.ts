import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
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
