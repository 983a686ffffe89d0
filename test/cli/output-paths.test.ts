import { describe, expect, it } from 'vitest';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { checkDistinctPaths, checkJournalPath, checkOutputDir } from '../../cli/output-paths.js';
import { resultTables, TABLE_NAMES } from '../../cli/tables.js';
import { makeResults } from '../viz/fixture.js';
import { tempDir } from '../temp-dir.js';

describe('checkDistinctPaths(inputs, outputs)', () => {
  it('lets checkDistinctPaths see two outputs through links as one file before either exists', () => {
    const dir = realpathSync(tempDir('identity'));
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    symlinkSync(join(dir, 'a', 'b'), join(dir, 'lb'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'd'));
    const clash = (x: string, y: string) => () =>
      checkDistinctPaths(
        [],
        [
          ['--out', x],
          ['--report', y],
        ],
      );
    expect(clash(`${dir}/lb/../r.json`, join(dir, 'a', 'r.json'))).toThrow(/--report .*a\/r\.json is the --out file/);
    expect(clash(join(dir, 'nowhere', 'r.json'), join(dir, 'd', 'r.json'))).toThrow(/--report .*d\/r\.json is the --out file/);
    expect(clash(join(dir, 'a', 'r.json'), join(dir, 'a', 'b', 'r.json'))).not.toThrow();
  });
});

describe('checkOutputDir(dir, option)', () => {
  it('refuses before the run a folder, a pipe or a journal standing at a table’s name, and takes a table of an earlier run', () => {
    const dir = tempDir('csv-tables');
    const csv = (name: string) => {
      const d = join(dir, name);
      mkdirSync(d);
      return d;
    };
    const folder = csv('a');
    mkdirSync(join(folder, 'summary.csv'));
    expect(() => checkOutputDir(folder, '--csv')).toThrow(
      `--csv ${folder}: ${join(folder, 'summary.csv')} is a folder where the table summary.csv is written; move it, or give another --csv folder`,
    );
    const pipe = csv('b');
    execFileSync('mkfifo', [join(pipe, 'daily.csv')]);
    expect(() => checkOutputDir(pipe, '--csv')).toThrow(/daily\.csv is not a regular file/);
    const journal = csv('c');
    writeFileSync(join(journal, 'flows.csv'), '{"format":"caresim-optimise-journal/1"}\n');
    expect(() => checkOutputDir(journal, '--csv')).toThrow(/flows\.csv is the journal of a run/);
    const earlier = csv('d');
    writeFileSync(join(earlier, 'summary.csv'), 'strategy,unit,metric\n');
    mkdirSync(join(earlier, 'notes'));
    expect(() => checkOutputDir(earlier, '--csv')).not.toThrow();
  });

  it('knows every table a run writes', () => {
    const r = makeResults({ sweep: true, labelled: true });
    const names = resultTables(r, { baseline: [] }).map((t) => t.name);
    expect(names.length).toBeGreaterThan(8);
    for (const n of names) expect(TABLE_NAMES).toContain(n);
  });
});

describe('checkJournalPath(journal, outputs, given)', () => {
  const long = 'x'.repeat(250);
  it('says which name to shorten when the lock beside the journal would have too long a name', () => {
    const advice = (journal: string, out: string | undefined, given: boolean) => {
      try {
        checkJournalPath(journal, [['--out', out]], given);
      } catch (e) {
        return (e as Error).message.replace(/^.*at most 255; /, '');
      }
      return null;
    };
    expect(advice(`${long}.ndjson`, 'r.json', true)).toBe('give --journal a shorter name');
    expect(advice(`${long}.json.journal.ndjson`, `${long}.json`, false)).toBe('give --out a shorter name, or --journal a short one');
    // Without --out the default journal is named after the scenario file.
    expect(advice(join('.caresim', `${long}-0123abcd.journal.ndjson`), undefined, false)).toBe(
      "the scenario file's name is long: give --journal a short one",
    );
    expect(advice('short.journal.ndjson', 'r.json', false)).toBeNull();
  });

  it('refuses a journal that is an output, or whose lock is one', () => {
    const dir = tempDir('journal-path');
    const out = join(dir, 'r.json');
    expect(() => checkJournalPath(out, [['--out', out]], true)).toThrow(
      `--journal ${out} is the --out file: the journal is deleted when the command finishes, and the --out file with it; give --journal another path`,
    );
    const journal = join(dir, 'j.ndjson');
    expect(() => checkJournalPath(journal, [['--report', `${journal}.lock`]], true)).toThrow(
      `--report ${journal}.lock is the lock file of the journal (${journal}.lock)`,
    );
  });
});
