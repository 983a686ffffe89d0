import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { ensureBuilt, root, runCli, tempDir } from '../cli-process.js';

const example = (f: string) => join(root, 'examples', 'compare', f);
const dir = tempDir();
const guessed = join(dir, 'guessed.json'),
  corrected = join(dir, 'corrected.json');

beforeAll(() => {
  ensureBuilt();
  // The worked example: the scenario guesses 5-day acute stays; observed.csv was made with 6.
  for (const [out, set] of [
    [guessed, []],
    [corrected, ['--set', 'params.acute_los=6 days']],
  ] as const) {
    // The scenario's own 40 replications, as the README's worked example runs it.
    const r = runCli(['run', example('scenario.yaml'), '--workers', '1', '--quiet', '--out', out, ...set]);
    expect(r.code, r.stderr).toBe(0);
  }
});

describe('caresim compare RESULTS OBSERVED', () => {
  it('flags the guessed stays: acute occupancy runs too low; exit 0, or 1 with --fail-on-mismatch', () => {
    const out = join(dir, 'compare.json'),
      report = join(dir, 'compare.html');
    const r = runCli(['compare', guessed, example('observed.csv'), '--out', out, '--report', report]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/acute\.occupancy .* MISMATCH: simulated too low/);
    expect(r.stdout).toContain('Band: 5–95% of 40 replications (the results carry no 10–90% band)');
    const c = JSON.parse(readFileSync(out, 'utf8'));
    expect(c.series.map((s: { series: string }) => s.series)).toEqual(['acute.occupancy', 'acute.blocked', 'p1.occupancy']);
    expect(c.series[0].verdict).toBe('simulated too low');
    expect(c.series[0].mean_error).toBeGreaterThan(0);
    expect(c.band.expected_coverage).toBeCloseTo((39 * 0.9) / 41, 12);
    const html = readFileSync(report, 'utf8');
    expect(html).toContain(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 720 260" role="img"`);
    for (const s of c.series) expect(html).toContain(s.series);
    expect(html.match(/<section class="compare-series"/g)).toHaveLength(3);
    expect(runCli(['compare', guessed, example('observed.csv'), '--fail-on-mismatch', '--quiet']).code).toBe(1);
    // The README's worked example shows this table: it must be what the command prints.
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const row of r.stdout.split('\n').filter((l) => /^(Series|acute\.|p1\.|Band:)/.test(l))) expect(readme).toContain(row);
  });

  it('finds the corrected baseline consistent with what was observed', () => {
    const r = runCli(['compare', corrected, example('observed.csv'), '--fail-on-mismatch']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('Every series is consistent with the model at the 0.05 level.');
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    for (const row of r.stdout.split('\n').filter((l) => /^(acute\.|p1\.)/.test(l))) expect(readme).toContain(row);
  });

  it('exits 2 with every problem when the files do not match, never a stack trace', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'date,series,value\n2027-01-04,acute.ocupancy,50\n2026-12-01,p1.occupancy,40\n2027-01-05,acute.discharges,9\n');
    const r = runCli(['compare', guessed, bad]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`caresim: cannot compare ${bad} with ${guessed}:`);
    expect(r.stderr).toContain(`${bad}:2: \`acute.ocupancy\`: no daily series \`ocupancy\` (did you mean \`acute.occupancy\`?)`);
    expect(r.stderr).toContain(`${bad}:3: \`p1.occupancy\`: 1 date outside the simulated period 2027-01-04 to 2027-07-04`);
    expect(r.stderr).toContain(`${bad}:4: \`acute.discharges\`: results files carry no daily arrivals or discharges`);
    expect(r.stderr).not.toMatch(/\n\s+at /);

    const scenario = runCli(['compare', example('scenario.yaml'), example('observed.csv')]);
    expect(scenario.code).toBe(2);
    expect(scenario.stderr).toContain('this is a scenario file, not a results file (run it first: caresim run');
    const swapped = runCli(['compare', example('observed.csv'), guessed]);
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toContain('the results file comes first');
    const missing = runCli(['compare', guessed, join(dir, 'nothing.csv')]);
    expect([missing.code, missing.stderr]).toEqual([2, `caresim: ${join(dir, 'nothing.csv')}: no such file\n`]);
    expect(runCli(['compare', guessed]).code).toBe(2);
  });
});

describe('caresim compare with paths that are not the files it needs', () => {
  it('exits 2 naming a directory given as the results or the observed file', () => {
    const folder = join(dir, 'a-folder');
    mkdirSync(folder, { recursive: true });
    for (const args of [
      [folder, example('observed.csv')],
      [guessed, folder],
    ]) {
      const r = runCli(['compare', ...args]);
      expect([r.code, r.stderr]).toEqual([2, `caresim: ${folder}: is a directory, not a file\n`]);
    }
  });

  it('exits 2 when --out or --report is a directory, leaving no temporary file beside it', () => {
    const folder = join(dir, 'reports');
    mkdirSync(folder, { recursive: true });
    for (const flag of ['--out', '--report']) {
      const r = runCli(['compare', guessed, example('observed.csv'), flag, folder, '--quiet']);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(
        `caresim: ${flag} ${folder} is a folder; give a file name, e.g. ${join(folder, flag === '--out' ? 'compare.json' : 'compare.html')}`,
      );
    }
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to write --out or --report over the results or the observed file', () => {
    const before = readFileSync(guessed, 'utf8');
    const r = runCli(['compare', guessed, example('observed.csv'), '--out', guessed, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`caresim: --out ${guessed} is the results file: writing there would replace it; give --out another file`);
    expect(readFileSync(guessed, 'utf8')).toBe(before);
    expect(runCli(['compare', guessed, example('observed.csv'), '--report', example('observed.csv'), '--quiet']).code).toBe(2);
    // Through a link to the folder the results file is in: the same file.
    const link = join(dir, 'same');
    if (!existsSync(link)) symlinkSync(dirname(guessed), link);
    const linked = runCli(['compare', guessed, example('observed.csv'), '--report', join(link, basename(guessed)), '--quiet']);
    expect(linked.code).toBe(2);
    expect(linked.stderr).toMatch(/--report .* is the results file/);
    expect(readFileSync(guessed, 'utf8')).toBe(before);
  });
});

describe('caresim compare when an output cannot be written', () => {
  it('exits 2 naming the output and the reason (here a path under a file), with nothing written', () => {
    const under = join(guessed, 'compare.json');
    const r = runCli(['compare', guessed, example('observed.csv'), '--out', under, '--quiet']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `caresim: --out ${under}: ${dirname(under)} is a file, not a folder, so nothing can be written under it; choose another path\n`,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
