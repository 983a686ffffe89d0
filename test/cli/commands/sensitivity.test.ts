import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, interruptCli, root, runCli, tempDir } from '../cli-process.js';

const demand = join(root, 'test', 'sensitivity', 'fixtures', 'demand.yaml');
const dir = tempDir();

beforeAll(() => ensureBuilt());

describe('caresim sensitivity FILE', () => {
  it('caresim sensitivity FILE --out F --vary P=PCT runs 2 x inputs + 2 configurations and writes both analyses', () => {
    const out = join(dir, 'sens.json');
    const r = runCli(['sensitivity', demand, '--out', out, '--reps', '12', '--workers', '1', '--vary', 'beds=20%']);
    expect(r.code, r.stderr).toBe(0);
    const f = JSON.parse(readFileSync(out, 'utf8'));
    expect(f.format).toBe('caresim-sensitivity/1');
    expect(f.inputs.map((i: { param: string }) => i.param)).toEqual(['demand', 'unused', 'beds']);
    expect(f.one_at_a_time.cost_per_day[0].param).toBe('demand');
    expect(f.global.cost_per_day.n).toBe(12);
    expect(r.stdout).toContain('Cost of care: change in £ a day from every input at its centre (95% CI)');
  });

  it('caresim sensitivity FILE exits 2 for a bad --vary and for a scenario with nothing to vary', () => {
    expect(runCli(['sensitivity', demand, '--vary', 'beds']).code).toBe(2);
    const r = runCli(['sensitivity', join(root, 'scenarios', 'library', 'mm1.yaml'), '--reps', '3']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('no uncertain params');
  });
  it('caresim sensitivity refuses, before any run, an output that is the scenario, a file it extends, or the other output', () => {
    const child = join(dir, 'child.yaml');
    writeFileSync(child, `extends: ${demand}\nname: Child\n`);
    const before = readFileSync(demand, 'utf8');
    for (const [file, args, message] of [
      [demand, ['--out', demand], /--out .*demand\.yaml is the scenario: writing there would replace it/],
      [child, ['--out', demand], /--out .*demand\.yaml is a file the scenario extends: writing there would replace it/],
      [demand, ['--out', join(dir, 's.json'), '--report', join(dir, 's.json')], /--report .*s\.json is the --out file/],
    ] as const) {
      const r = runCli(['sensitivity', file, ...args, '--vary', 'beds=20%', '--reps', '4', '--workers', '0', '--quiet']);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
    }
    expect(readFileSync(demand, 'utf8')).toBe(before);
  });
});

describe('caresim sensitivity FILE stopped part-way', () => {
  it('keeps the finished replications in its journal on SIGTERM; --resume writes the file an uninterrupted analysis writes', async () => {
    const whole = join(dir, 'whole.json'),
      out = join(dir, 'stopped.json');
    const args = [demand, '--vary', 'beds=20%', '--reps', '40', '--workers', '1'];
    expect(runCli(['sensitivity', ...args, '--out', whole, '-q']).code).toBe(0);
    const stopped = await interruptCli(['sensitivity', ...args, '--out', out], 'SIGTERM');
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain(`the finished replications are kept in ${out}.journal.ndjson`);
    expect(existsSync(out)).toBe(false);
    const kept = readFileSync(`${out}.journal.ndjson`, 'utf8').trim().split('\n').length - 1;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(8 * 40);
    // Without --resume the kept work is refused, not overwritten; with other shares it belongs to other configurations.
    expect(runCli(['sensitivity', ...args, '--out', out, '-q']).stderr).toContain('continue it with --resume');
    const other = runCli(['sensitivity', demand, '--vary', 'beds=10%', '--reps', '40', '--workers', '1', '--out', out, '--resume', '-q']);
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('the configurations differ');
    const resumed = runCli(['sensitivity', ...args, '--out', out, '--resume']);
    expect(resumed.code, resumed.stderr).toBe(0);
    expect(resumed.stderr).toContain(`"resumed":${kept}`);
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(whole, 'utf8'));
    expect(existsSync(`${out}.journal.ndjson`)).toBe(false);
  });
});

describe('caresim sensitivity FILE whose replications fail', () => {
  it('exits 1, names the failed replications in the file, the terminal and the page, and keeps the journal', () => {
    const out = join(dir, 'failing.json'),
      page = join(dir, 'failing.html');
    const failing = join(root, 'test', 'sensitivity', 'fixtures', 'failing.yaml');
    const r = runCli(['sensitivity', failing, '--vary', 'rate=10%', '--out', out, '--report', page, '--workers', '1']);
    expect(r.code, r.stderr).toBe(1);
    const f = JSON.parse(readFileSync(out, 'utf8'));
    const failures: { strategy: string; replication: number; error: string }[] = f.failures;
    expect(failures.length).toBeGreaterThan(0);
    for (const x of failures) expect(x.error).toMatch(/a duration sample was Infinity/);
    // Each configuration's paired changes rest on the replications that finished in both.
    const failedIn = (name: string) => new Set(failures.filter((x) => x.strategy === name).map((x) => x.replication));
    const lost = new Set([...failedIn('baseline'), ...failedIn('rate-high')]);
    expect(f.one_at_a_time.cost_per_day[0].high.n).toBe(6 - lost.size);
    const said = `${failures.length} replication${failures.length === 1 ? '' : 's'} failed after a retry (${failures[0].strategy} #${failures[0].replication}`;
    expect(r.stdout).toContain(said);
    expect(readFileSync(page, 'utf8')).toContain(said);
    expect(r.stderr).toContain(`The journal ${out}.journal.ndjson is kept`);
    expect(existsSync(`${out}.journal.ndjson`)).toBe(true);
  });
});
