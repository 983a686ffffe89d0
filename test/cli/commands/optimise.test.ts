import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { ensureBuilt, root, runCli, tempDir } from '../cli-process.js';

const fixture = (f: string) => join(root, 'test', 'optimise', 'fixtures', f);
const dir = tempDir();

beforeAll(() => ensureBuilt());

describe('caresim optimise FILE', () => {
  it('caresim optimise FILE --out F --budget N writes the optimisation file and prints the statement and the strategy block', () => {
    const out = join(dir, 'opt.json');
    const r = runCli(['optimise', fixture('erlang-c.yaml'), '--out', out, '--budget', '400', '--workers', '1']);
    expect(r.code, r.stderr).toBe(0);
    const f = JSON.parse(readFileSync(out, 'utf8'));
    expect(f.format).toBe('caresim-optimise/1');
    expect(f.chosen.values).toEqual({ 'params.places': 12 });
    expect(r.stdout).toMatch(/^With 95% confidence the chosen plan meets every target/);
    expect(r.stdout).toContain('Chosen plan: params.places = 12');
    expect(r.stdout).toContain('    set: { params.places: 12 }');
    expect(r.stderr).toContain('"type":"progress"');
  });

  it('caresim optimise FILE exits 1 when no plan is shown feasible, listing the closest', () => {
    const r = runCli(['optimise', fixture('erlang-c-unmet.yaml'), '--budget', '200', '--workers', '0', '--quiet']);
    expect(r.code, r.stderr).toBe(1);
  });

  it('caresim optimise FILE exits 2 with located diagnostics for a bad section, and for a scenario without one', () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(fixture('erlang-c.yaml'), 'utf8').replace('p_wait <= 0.19', 'p_wiat < 0.19'));
    const r = runCli(['optimise', bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.yaml:19:');
    expect(r.stderr).toContain('did you mean `p_wait`?');
    expect(r.stderr).not.toMatch(/\n\s+at .*\.(js|ts):\d+/);
    const none = runCli(['optimise', join(root, 'scenarios', 'library', 'mm1.yaml')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('has no `optimise:` section');
    expect(runCli(['optimise', fixture('erlang-c.yaml'), '--budget', '5']).code).toBe(2);
  });
  it('caresim optimise refuses, before the search, an output that is the scenario, a file it extends, or another output', () => {
    const scenario = join(dir, 'opt.yaml');
    writeFileSync(scenario, readFileSync(fixture('erlang-c.yaml'), 'utf8'));
    const child = join(dir, 'child.yaml');
    writeFileSync(child, 'extends: opt.yaml\nname: Child\n');
    const before = readFileSync(scenario, 'utf8');
    for (const [file, args, message] of [
      [scenario, ['--out', `${dir}/./opt.yaml`], /--out .*opt\.yaml is the scenario: writing there would replace it/],
      [child, ['--report', scenario], /--report .*opt\.yaml is a file the scenario extends/],
      [scenario, ['--out', join(dir, 'o.json'), '--report', join(dir, 'o.json')], /--report .*o\.json is the --out file/],
      [scenario, ['--out', join(dir, 'o.json'), '--journal', join(dir, 'o.json')], /--journal .*o\.json is the --out file/],
      [
        scenario,
        ['--out', join(dir, 'o.json'), '--report', join(dir, 'o.json.journal.ndjson')],
        /--report .*o\.json\.journal\.ndjson is this command's journal \(beside --out\)/,
      ],
    ] as const) {
      const r = runCli(['optimise', file, ...args, '--budget', '40', '--workers', '0', '--quiet']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(readFileSync(scenario, 'utf8')).toBe(before);
  });

  it('caresim optimise refuses with exit 2 a journal another search holds, and leaves that search its journal and outputs', async () => {
    const out = join(dir, 'locked.json');
    const journal = `${out}.journal.ndjson`;
    const earlier = '{"format":"caresim-optimise-journal/1"}\n';
    writeFileSync(journal, earlier);
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      writeFileSync(`${journal}.lock`, JSON.stringify({ pid: other.pid, host: hostname() }));
      for (const resume of [[], ['--resume']]) {
        const r = runCli(['optimise', fixture('erlang-c.yaml'), '--out', out, '--budget', '40', '--workers', '0', '--quiet', ...resume]);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toContain(`in use by another caresim run (pid ${other.pid} on ${hostname()}`);
        expect(r.stderr).not.toMatch(/\n\s+at .*\.(js|ts):\d+/);
        expect(readFileSync(journal, 'utf8')).toBe(earlier);
        expect(existsSync(out)).toBe(false);
        expect(existsSync(`${journal}.lock`)).toBe(true);
      }
    } finally {
      const gone = new Promise((done) => other.once('exit', done));
      other.kill();
      await gone;
    }
    // Once that search has gone its lock is taken over with a notice, and the search runs and cleans up.
    const r = runCli(['optimise', fixture('erlang-c.yaml'), '--out', out, '--budget', '40', '--workers', '0', '--quiet']);
    expect(r.code === 0 || r.code === 1, r.stderr).toBe(true);
    expect(r.stderr).toMatch(/took over the lock/);
    expect(existsSync(journal)).toBe(false);
    expect(existsSync(`${journal}.lock`)).toBe(false);
  });
});
