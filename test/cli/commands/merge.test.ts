import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, runCli, small } from '../cli-process.js';
import { tempDir } from '../../temp-dir.js';

beforeAll(() => ensureBuilt());

/** Two shard files of the small scenario in a fresh folder. */
function shards(): { dir: string; s0: string; s1: string } {
  const dir = tempDir('merge');
  const s0 = join(dir, 's0.json'),
    s1 = join(dir, 's1.json');
  expect(runCli(['run', small, '--reps', '4', '--shard', '0/2', '--out', s0, '-q']).code).toBe(0);
  expect(runCli(['run', small, '--reps', '4', '--shard', '1/2', '--out', s1, '-q']).code).toBe(0);
  return { dir, s0, s1 };
}

describe('mergeCommand({ files, out })', () => {
  it('refuses --out naming one of its shard files (also through a link), and leaves the shard as it was', () => {
    const { dir, s0, s1 } = shards();
    const before = readFileSync(s1, 'utf8');
    const r = runCli(['merge', s0, s1, '--out', s1, '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .*s1\.json is one of the shard files/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const link = join(dir, 'link.json');
    symlinkSync(s0, link);
    expect(runCli(['merge', s0, s1, '--out', link, '-q']).code).toBe(2);
    expect(readFileSync(s1, 'utf8')).toBe(before);
    // The shards still merge afterwards.
    expect(runCli(['merge', s0, s1, '--out', join(dir, 'm.json'), '-q']).code).toBe(0);
  });

  it('refuses before merging a --csv folder with a folder at a table’s name, writing nothing', () => {
    const { dir, s0, s1 } = shards();
    const csv = join(dir, 'csv');
    mkdirSync(join(csv, 'summary.csv'), { recursive: true });
    const out = join(dir, 'merged.json');
    const r = runCli(['merge', s0, s1, '--out', out, '--csv', csv, '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('summary.csv is a folder where the table summary.csv is written');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(csv, 'differences.csv'))).toBe(false);
  });

  it('says a shard file given twice is given twice, and that a journal is not a shard file', () => {
    const { dir, s0, s1 } = shards();
    const twice = runCli(['merge', s0, s1, s1, '-q']);
    expect(twice.code).toBe(2);
    expect(twice.stderr).toMatch(/s1\.json is given twice/);
    const journal = join(dir, 'j.json.journal.ndjson');
    // What an interrupted run leaves beside its output: the header and any finished lines.
    const header = `${JSON.stringify({ header: { format: 'caresim-journal/2', scenario_hash: 'x', seed: 7, engine_version: '0', strategies: ['baseline'], shard: '0/2' } })}\n`;
    writeFileSync(journal, header);
    const j = runCli(['merge', journal, s1, '-q']);
    expect(j.code).toBe(2);
    expect(j.stderr).toMatch(
      /j\.json\.journal\.ndjson is the journal of an unfinished run, not a shard file: finish that run with --resume/,
    );
    // A journal kept under another name (`--journal run.log`, or copied) is known by its first line.
    const renamed = join(dir, 'shard-copy.json');
    writeFileSync(renamed, `${header}{"scenario_hash":"x","seed":7,"strategy":"baseline","replication":0}\n`);
    const r = runCli(['merge', renamed, s1, '-q']);
    expect([r.code, r.stderr]).toEqual([
      2,
      `caresim: ${renamed} is the journal of an unfinished run, not a shard file: finish that run with --resume (the same caresim run command), which writes the shard file\n`,
    ]);
  });
});

describe('runCommand and mergeCommand with --out a folder', () => {
  it('refuses it at once with exit 2, before running or reading anything, and leaves no journal', () => {
    const dir = tempDir('out-folder');
    const r = runCli(['run', small, '--reps', '400', '--out', dir, '-q']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .* is a folder; give a file name/);
    expect(r.stderr).not.toMatch(/EISDIR|\n\s+at /);
    expect(existsSync(`${dir}.journal.ndjson`)).toBe(false);
    const { s0, s1 } = shards();
    const m = runCli(['merge', s0, s1, '--out', dir, '-q']);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(/--out .* is a folder/);
  });
});
