import { describe, expect, it } from 'vitest';
import {
  chmodSync,
  chownSync,
  closeSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { basename, join } from 'node:path';
import { checkOutput, checkOutputFolder, keepMode, OutputError, temporaryName, writeAtomic, writeFileAtomic } from '../../runner/atomic.js';
import { tempDir } from '../temp-dir.js';

describe('writeAtomic(file, produce)', () => {
  it('writes the pieces and leaves only the file', () => {
    const dir = tempDir('atomic');
    const file = join(dir, 'out', 'results.json');
    writeAtomic(file, (put) => {
      for (let i = 0; i < 3000; i++) put(`${'x'.repeat(1000)}${i}\n`);
    });
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')).toHaveLength(3001);
    expect(text.endsWith('x2999\n')).toBe(true);
    expect(readdirSync(join(dir, 'out'))).toEqual(['results.json']);
  });

  it('writes every piece in order and whole: multi-byte text across buffer flushes, and pieces larger than the buffer', () => {
    const file = join(tempDir('atomic'), 'mixed.json');
    const pieces: string[] = [];
    // Sizes around the 1 MiB buffer and a third of it (the room a piece of UTF-8 may need).
    for (const n of [1, 349_525, 349_526, 349_527, 1 << 20, (1 << 20) + 1, 3 << 20, 7]) {
      // n UTF-16 units of 1-, 2-, 3- and 4-byte characters, no pair of surrogates cut apart.
      pieces.push(`${'a'.repeat(n % 4)}${'é£😀'.repeat(Math.floor(n / 4))}|${n}\n`);
      pieces.push('a'.repeat(n % 1000));
    }
    writeAtomic(file, (put) => pieces.forEach(put));
    expect(readFileSync(file, 'utf8')).toBe(pieces.join(''));
  });

  it('removes its temporary file and keeps the old file when producing fails', () => {
    const dir = tempDir('atomic');
    const file = join(dir, 'results.json');
    writeFileSync(file, 'old');
    expect(() =>
      writeAtomic(file, (put) => {
        put('x'.repeat(3 << 20));
        throw new Error('disk full');
      }),
    ).toThrow('disk full');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['results.json']);
  });

  it('gives the new file the permissions of the one it replaces, and a new file the default', () => {
    const dir = tempDir('atomic');
    const file = join(dir, 'results.json');
    writeFileAtomic(file, 'first');
    const fresh = statSync(file).mode & 0o777;
    expect(fresh).not.toBe(0o600);
    chmodSync(file, 0o600);
    writeFileAtomic(file, 'second');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(file, 'utf8')).toBe('second');
    const other = join(dir, 'other.json');
    writeFileAtomic(other, 'new');
    expect(statSync(other).mode & 0o777).toBe(fresh);
  });

  it("keeps only the permission bits, and only of a file of the writer's own: never set-user, set-group or sticky bits", () => {
    const dir = tempDir('atomic');
    const file = join(dir, 'results.json');
    writeFileAtomic(file, 'first');
    const fresh = statSync(file).mode & 0o7777;
    chmodSync(file, 0o4750);
    writeFileAtomic(file, 'second');
    expect(statSync(file).mode & 0o7777).toBe(0o750);
    // A file of another user's: its bits are its owner's, the new file (the writer's) gets the defaults.
    const others = process.getuid!() === 0 ? join(dir, 'theirs.json') : '/etc/passwd';
    if (others !== '/etc/passwd') {
      writeFileSync(others, 'theirs');
      chmodSync(others, 0o600);
      chownSync(others, 65534, 65534);
    }
    expect(statSync(others).uid).not.toBe(process.getuid!());
    const written = join(dir, 'written.json');
    writeFileSync(written, 'x');
    const fd = openSync(written, 'r');
    try {
      keepMode(fd, others);
    } finally {
      closeSync(fd);
    }
    expect(statSync(written).mode & 0o7777).toBe(fresh);
  });

  it("keeps the replaced file's group with its bits (a team's shared file stays the team's)", () => {
    const dir = tempDir('atomic');
    const file = join(dir, 'results.json');
    writeFileSync(file, 'first');
    // As root the test gives the file another group; otherwise the writer's own group stands in.
    const group = process.getuid!() === 0 ? 65534 : statSync(file).gid;
    chownSync(file, process.getuid!(), group);
    chmodSync(file, 0o640);
    writeFileAtomic(file, 'second');
    expect(statSync(file).gid).toBe(group);
    expect(statSync(file).mode & 0o7777).toBe(0o640);
  });

  it('writes a target whose name is as long as a name may be through a temporary file of a shorter name', () => {
    const dir = tempDir('atomic');
    const file = join(dir, `${'r'.repeat(250)}.json`);
    expect(Buffer.byteLength(temporaryName(file))).toBeLessThanOrEqual(255);
    expect(temporaryName(join(dir, 'r.json'))).toBe(`.r.json.${process.pid}.tmp`);
    writeFileAtomic(file, 'long');
    expect(readFileSync(file, 'utf8')).toBe('long');
    expect(readdirSync(dir)).toEqual([basename(file)]);
  });

  it('never writes through a link standing at its temporary name: the link is removed, what it points to kept', () => {
    const dir = tempDir('atomic');
    const file = join(dir, 'report.html');
    const victim = join(dir, 'victim.txt');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(dir, temporaryName(file)));
    writeFileAtomic(file, 'page');
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(readFileSync(file, 'utf8')).toBe('page');
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'victim.txt']);
  });

  it('removes its temporary file when the rename fails', () => {
    const dir = tempDir('atomic');
    // A folder where the file should go: the rename cannot replace it.
    const file = join(dir, 'results.json');
    mkdirSync(join(file, 'inside'), { recursive: true });
    expect(() => writeFileAtomic(file, 'new')).toThrow();
    expect(readdirSync(dir)).toEqual(['results.json']);
  });
});

describe('checkOutput(file, what)', () => {
  it('refuses a folder and a file standing where a folder should be, naming the path and the option', () => {
    const dir = tempDir('atomic');
    expect(() => checkOutput(dir, '--out')).toThrow(OutputError);
    expect(() => checkOutput(dir, '--out')).toThrow(new RegExp(`^--out .*${basename(dir)} is a folder; give a file name`));
    writeFileSync(join(dir, 'plain'), 'x');
    expect(() => checkOutput(join(dir, 'plain', 'sub', 'r.json'))).toThrow(/plain is a file, not a folder/);
    expect(() => writeFileAtomic(join(dir, 'plain', 'r.json'), 'new')).toThrow(OutputError);
  });

  it('refuses a name, or a folder name in the path, longer than file systems take (255 bytes)', () => {
    const dir = tempDir('atomic');
    expect(() => checkOutput(join(dir, `${'r'.repeat(251)}.json`), '--out')).toThrow(/its file name is 256 bytes long/);
    expect(() => checkOutput(join(dir, 'f'.repeat(300), 'r.html'), '--report')).toThrow(/a folder in its path has a name 300 bytes long/);
    expect(() => checkOutput(join(dir, `${'r'.repeat(250)}.json`), '--out')).not.toThrow();
  });

  it('refuses a path that names a folder by its ending (a slash, `.` or `..`), even one not made yet', () => {
    const dir = tempDir('atomic');
    for (const end of ['/', '/.', '/..']) {
      const path = `${join(dir, 'reports')}${end}`;
      expect(() => checkOutput(path, '--report', 'report.html')).toThrow(
        /^--report .* names a folder .*give a file name, e\.g\. .*report\.html$/,
      );
      expect(() => writeFileAtomic(path, 'x')).toThrow(OutputError);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("refuses to replace a run's or an optimiser's journal or a journal's lock, and accepts any other file", () => {
    const dir = tempDir('atomic');
    const run = join(dir, 'r.json.journal.ndjson');
    writeFileSync(run, '{"header":{"format":"caresim-journal/3","scenario_hash":"ab"}}\n{"strategy":"baseline"}\n');
    const opt = join(dir, 'opt.journal.ndjson');
    writeFileSync(opt, '{"format":"caresim-optimise-journal/1","scenario":"x"}\n');
    for (const j of [run, opt]) {
      expect(() => checkOutput(j, '--report')).toThrow(
        /^--report .* is the journal of a run \(its finished work\); writing there would lose it/,
      );
      expect(() => writeFileAtomic(j, 'page')).toThrow(OutputError);
    }
    expect(readFileSync(run, 'utf8')).toMatch(/^\{"header"/);
    const lock = join(dir, 'r.json.journal.ndjson.lock');
    writeFileSync(lock, '{"pid":4242,"host":"node-1","started":"2026-12-01T07:00:00.000Z","pid_start":99}\n');
    expect(() => checkOutput(lock, '--out')).toThrow(/^--out .*\.lock is the lock file of a run's journal, deleted when that run ends/);
    // The same JSON under another name is somebody's file, not a lock.
    const status = join(dir, 'status.json');
    writeFileSync(status, '{"pid":123,"host":"build-7","status":"ok"}');
    expect(() => checkOutput(status, '--out')).not.toThrow();
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'about the caresim-journal/3 format');
    expect(() => checkOutput(notes)).not.toThrow();
  });

  it('accepts a new file in a folder yet to be made, and an existing file', () => {
    const dir = tempDir('atomic');
    expect(() => checkOutput(join(dir, 'a', 'b', 'r.json'))).not.toThrow();
    writeFileSync(join(dir, 'r.json'), 'old');
    expect(() => checkOutput(join(dir, 'r.json'))).not.toThrow();
  });
});

describe('checkOutputFolder(dir, what)', () => {
  it('takes a folder whatever it holds already: a subfolder, or a journal, named `x`', () => {
    const dir = tempDir('csv-folder');
    const sub = join(dir, 'csv1'),
      journal = join(dir, 'csv2');
    mkdirSync(join(sub, 'x'), { recursive: true });
    mkdirSync(journal);
    writeFileSync(join(journal, 'x'), '{"format":"caresim-optimise-journal/1"}\n');
    // Either as an output of its own is refused: the folder holding them is not.
    expect(() => checkOutput(join(sub, 'x'), '--out')).toThrow(/is a folder/);
    expect(() => checkOutput(join(journal, 'x'), '--out')).toThrow(/is the journal of a run/);
    expect(() => checkOutputFolder(sub, '--csv')).not.toThrow();
    expect(() => checkOutputFolder(journal, '--csv')).not.toThrow();
    expect(() => checkOutputFolder(join(dir, 'new', 'csv'), '--csv')).not.toThrow();
  });

  it('refuses a file where the folder or one of its parents must be, naming the folder given', () => {
    const dir = tempDir('csv-folder');
    const file = join(dir, 'file.txt');
    writeFileSync(file, 'x');
    expect(() => checkOutputFolder(file, '--csv')).toThrow(
      `--csv ${file} is a file, but --csv names a folder to write into; give a folder`,
    );
    expect(() => checkOutputFolder(join(file, 'csv'), '--csv')).toThrow(
      `--csv ${join(file, 'csv')}: ${file} is a file, not a folder, so nothing can be written under it; choose another path`,
    );
    expect(() => checkOutputFolder(join(dir, 'a'.repeat(300), 'csv'), '--csv')).toThrow(/a folder in its path has a name 300 bytes long/);
  });

  it('refuses a link to nowhere or a loop of links where a folder must be made, naming the link', () => {
    const dir = tempDir('csv-folder');
    const dangling = join(dir, 'dangling'),
      loop = join(dir, 'loop');
    symlinkSync(join(dir, 'nowhere'), dangling);
    symlinkSync(join(dir, 'loop2'), loop);
    symlinkSync(loop, join(dir, 'loop2'));
    for (const link of [dangling, loop]) {
      expect(() => checkOutputFolder(link, '--csv')).toThrow(`--csv ${link}: ${link} is a link that leads nowhere (or a loop of links)`);
      expect(() => checkOutput(join(link, 'r.json'), '--out')).toThrow(
        `--out ${join(link, 'r.json')}: ${link} is a link that leads nowhere`,
      );
    }
  });
});
