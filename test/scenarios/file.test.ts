import { describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkScenario, loadScenario } from '../../scenarios/index.js';
import { relativeTo } from '../../scenarios/resolve.js';
import { tempDir } from '../temp-dir.js';

const mm1 = join(fileURLToPath(import.meta.url), '..', '..', '..', 'scenarios', 'library', 'mm1.yaml');

describe('loadScenario(file, { set })', () => {
  it('takes the overrides as a list of PATH=EXPR texts, and says so to a script that gives anything else', () => {
    expect(loadScenario(mm1, { set: ['replications=7'] }).replications).toBe(7);
    for (const set of ['replications=7', [7], { replications: 7 }]) {
      const message = `set: expected a list of PATH=EXPR texts (e.g. ['units.acute.capacity=2000']), got ${JSON.stringify(set)}`;
      expect(() => loadScenario(mm1, { set } as never)).toThrow(new TypeError(message));
      expect(() => checkScenario(mm1, { set } as never)).toThrow(message);
    }
  });
});

describe('loadScenario(file).hash', () => {
  it('names the scenario however its path is typed, and changes with any text it extends', () => {
    const dir = realpathSync(tempDir('hash'));
    mkdirSync(join(dir, 'runs'));
    writeFileSync(join(dir, 'base.yaml'), readFileSync(mm1, 'utf8'));
    writeFileSync(join(dir, 'runs', 'child.yaml'), 'extends: ../base.yaml\nname: Child\n');
    const typed = [
      join(dir, 'runs', 'child.yaml'),
      relative(process.cwd(), join(dir, 'runs', 'child.yaml')),
      `${join(dir, 'runs')}/./child.yaml`,
      join(dir, 'runs', '..', 'runs', 'child.yaml'),
    ];
    const hashes = typed.map((f) => loadScenario(f).hash);
    expect(new Set(hashes).size).toBe(1);
    writeFileSync(join(dir, 'base.yaml'), readFileSync(mm1, 'utf8').replace(/seed: \d+/, 'seed: 12345'));
    expect(loadScenario(typed[0]).hash).not.toBe(hashes[0]);
  });
});

describe('relativeTo(dir, path)', () => {
  it('gives the path from the folder, whatever the form of either', () => {
    expect(relativeTo('', 'x.yaml')).toBe('x.yaml');
    expect(relativeTo('./', './x.yaml')).toBe('x.yaml');
    expect(relativeTo('/a/b/', '/a/b/x.yaml')).toBe('x.yaml');
    expect(relativeTo('a/b/', 'a/base.yaml')).toBe('../base.yaml');
    expect(relativeTo('a/b/', 'a/b/c/d.yaml')).toBe('c/d.yaml');
    expect(relativeTo('a/', 'a/a/x.yaml')).toBe('a/x.yaml');
    // An absolute file extended from a relative folder stays absolute.
    expect(relativeTo('a/', '/etc/base.yaml')).toBe('/etc/base.yaml');
  });
});
