import { describe, expect, it } from 'vitest';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { checkDistinctPaths, checkOutputDir } from '../../cli/output-paths.js';
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
