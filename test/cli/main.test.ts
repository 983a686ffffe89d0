import { beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { hostname } from 'node:os';
import { spawnSync } from 'node:child_process';
import { comparableFile, ensureBuilt, erlangB, interruptCli, library, runCli, small, tempDir } from './cli-process.js';

beforeAll(() => ensureBuilt());

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);

describe('caresim --help', () => {
  it('lists every command and shows examples per command', () => {
    const top = runCli(['--help']);
    expect(top.code).toBe(0);
    for (const c of ['run', 'check', 'merge', 'init', 'schema', 'help', 'report', 'view', 'bench'])
      expect(top.stdout).toContain(`caresim ${c}`);
    const run = runCli(['run', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('--resume');
    expect(run.stdout).toContain('Examples:');
    expect(runCli(['help', 'merge']).stdout).toContain('caresim merge <shards..>');
  });
});

describe('caresim run FILE', () => {
  it('prints the warnings of the run on stderr and writes them into the results file', () => {
    const dir = tempDir();
    const file = join(dir, 'mm1.yaml');
    writeFileSync(
      file,
      'caresim: 1\ntime: { horizon: 365 days, warmup: 30 days }\nreplications: 8\narrivals: { a: { rate: 1.2/day, to: w } }\nunits:\n  w: { kind: beds, capacity: 1, los: exponential(1 day) }\n',
    );
    const r = runCli(['run', file, '--out', join(dir, 'r.json'), '-q', '--workers', '0']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/^warning\[queue-growing\] the queue of `w` is still growing/m);
    expect(JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')).warnings.map((w: { code: string }) => w.code)).toEqual(['queue-growing']);
  });

  it('--only runs the baseline and the named strategies; an unknown name exits 2 with did you mean', () => {
    const dir = tempDir();
    const out = join(dir, 'r.json');
    expect(runCli(['run', small, '--only', 'more-beds', '--out', out, '-q', '--workers', '0']).code).toBe(0);
    expect(Object.keys(JSON.parse(readFileSync(out, 'utf8')).strategies)).toEqual(['baseline', 'more-beds']);
    const bad = runCli(['run', small, '--only', 'more-bed', '-q']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--only: no strategy `more-bed`; did you mean `more-beds`?');
    noStack(bad.stderr);
  });

  it('writes the results file, CSV and prints the summary table', () => {
    const dir = tempDir();
    const out = join(dir, 'r.json');
    const r = runCli(['run', small, '--out', out, '--csv', join(dir, 'csv'), '--per-rep', '--workers', '2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('G&A occupancy');
    expect(r.stdout).toContain('Difference from baseline');
    const res = JSON.parse(readFileSync(out, 'utf8'));
    expect(res.format).toBe('caresim-results/1');
    expect(Object.keys(res.strategies)).toEqual(['baseline', 'same-as-baseline', 'more-beds']);
    expect(res.replications).toBe(9);
    for (const st of Object.values<{ mean: number | null; ci95: unknown }>(res.differences['same-as-baseline'])) {
      if (st.mean !== null) expect(st.mean).toBe(0);
    }
    expect(res.differences['more-beds'].admissions_per_day.ci95[0]).toBeGreaterThan(0);
    expect(res.run.workers).toBe(2);
    expect(readdirSync(join(dir, 'csv')).sort()).toEqual([
      'changes.csv',
      'daily.csv',
      'differences.csv',
      'flows.csv',
      'replications.csv',
      'summary.csv',
      'verdicts.csv',
    ]);
    const flows = readFileSync(join(dir, 'csv', 'flows.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(flows[0]).toBe('strategy,from,to,measure,mean,sd,ci95_lo,ci95_hi,n,p10,p90');
    // One row per strategy, edge and measure, as many as the results file holds.
    const edges = Object.values<{ flows: { delayed_per_day?: unknown }[] }>(res.strategies).flatMap((s) => s.flows);
    expect(flows).toHaveLength(1 + edges.length + edges.filter((f) => f.delayed_per_day).length);
    const csv = readFileSync(join(dir, 'csv', 'replications.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(csv[0]).toBe('strategy,replication,unit,metric,value');
    expect(csv.filter((l) => l.startsWith('baseline,') && l.includes(',system,acute_occupancy,'))).toHaveLength(9);
    // The journal has served its purpose once the outputs exist.
    expect(existsSync(`${out}.journal.ndjson`)).toBe(false);
  });

  it('gives byte-identical results for 1, 2 and 4 workers', () => {
    const dir = tempDir();
    const files = [1, 2, 4].map((w) => {
      const out = join(dir, `w${w}.json`);
      expect(runCli(['run', small, '--out', out, '--workers', String(w), '-q']).code).toBe(0);
      return comparableFile(out);
    });
    expect(files[1]).toBe(files[0]);
    expect(files[2]).toBe(files[0]);
  });

  it('gives different results with another --seed', () => {
    const dir = tempDir();
    runCli(['run', small, '--out', join(dir, 'a.json'), '--seed', '1', '-q']);
    runCli(['run', small, '--out', join(dir, 'b.json'), '--seed', '2', '-q']);
    const a = JSON.parse(readFileSync(join(dir, 'a.json'), 'utf8')),
      b = JSON.parse(readFileSync(join(dir, 'b.json'), 'utf8'));
    expect(a.seed).toBe(1);
    expect(a.strategies.baseline.kpis.acute_occupancy.mean).not.toBe(b.strategies.baseline.kpis.acute_occupancy.mean);
  });

  it('covers the Erlang B loss of the library validation model with the 95% CI', () => {
    const out = join(tempDir(), 'erlang.json');
    expect(runCli(['run', library('erlang-loss.yaml'), '--reps', '10', '--out', out, '-q']).code).toBe(0);
    const lost = JSON.parse(readFileSync(out, 'utf8')).strategies.baseline.units.ward.lost_fraction;
    const theory = erlangB(10, 8);
    expect(lost.ci95[0]).toBeLessThanOrEqual(theory);
    expect(lost.ci95[1]).toBeGreaterThanOrEqual(theory);
    expect(lost.ci95[1] - lost.ci95[0]).toBeLessThan(0.01);
  });

  it('applies --set overrides', () => {
    const out = join(tempDir(), 'set.json');
    expect(runCli(['run', small, '--reps', '3', '--set', 'params.beds=9', '--out', out, '-q']).code).toBe(0);
    const r = JSON.parse(readFileSync(out, 'utf8'));
    expect(r.strategies.baseline.units.acute.capacity_mean.mean).toBeCloseTo(9, 9);
  });
});

describe('caresim run --shard i/n and caresim merge', () => {
  it('merges shards 0/3, 1/3 and 2/3 into exactly the single run', () => {
    const dir = tempDir();
    const single = join(dir, 'single.json');
    expect(runCli(['run', small, '--out', single, '-q']).code).toBe(0);
    const shards = [0, 1, 2].map((i) => join(dir, `shard-${i}.json`));
    expect(runCli(['run', small, '--shard', '0/3', '--out', shards[0], '-q']).code).toBe(0);
    // Kubernetes Indexed Jobs and Slurm arrays give the index in the environment.
    expect(runCli(['run', small, '--shards', '3', '--out', shards[1], '-q'], { JOB_COMPLETION_INDEX: '1' }).code).toBe(0);
    expect(runCli(['run', small, '--shard-count', '3', '--out', shards[2], '-q'], { SLURM_ARRAY_TASK_ID: '2' }).code).toBe(0);
    const merged = join(dir, 'merged.json');
    const m = runCli(['merge', ...shards, '--out', merged]);
    expect(m.code).toBe(0);
    expect(m.stdout).toContain('G&A occupancy');
    expect(comparableFile(merged)).toBe(comparableFile(single));
  });

  it('merge --adjust holm gives the Holm verdicts of the single run --adjust holm; a baseline-only run says there is nothing to adjust', () => {
    const dir = tempDir();
    const single = join(dir, 'single.json');
    expect(runCli(['run', small, '--out', single, '-q', '--adjust', 'holm']).code).toBe(0);
    const shards = [0, 1].map((i) => join(dir, `shard-${i}.json`));
    shards.forEach((f, i) => expect(runCli(['run', small, '--shard', `${i}/2`, '--out', f, '-q']).code).toBe(0));
    const merged = join(dir, 'merged.json');
    expect(runCli(['merge', ...shards, '--out', merged, '-q', '--adjust', 'holm']).code).toBe(0);
    const comparisons = (f: string) => JSON.stringify(JSON.parse(readFileSync(f, 'utf8')).comparisons);
    expect(JSON.parse(readFileSync(merged, 'utf8')).comparisons.adjust).toBe('holm');
    expect(comparisons(merged)).toBe(comparisons(single));
    const alone = runCli(['run', library('erlang-loss.yaml'), '--reps', '3', '-q', '--adjust', 'holm']);
    expect(alone.code).toBe(0);
    expect(alone.stderr).toContain('--adjust holm: only the baseline ran, so there are no comparisons to adjust');
  });

  it('refuses (exit 2, no stack) a shard whose replication lacks a daily series, as one written by another build would', () => {
    const dir = tempDir();
    const shards = [0, 1].map((i) => join(dir, `s${i}.json`));
    shards.forEach((f, i) => expect(runCli(['run', small, '--shard', `${i}/2`, '--out', f, '-q']).code).toBe(0));
    const text = readFileSync(shards[1], 'utf8');
    const at = text.indexOf('"admissions":', text.indexOf('"replications_raw"'));
    expect(at).toBeGreaterThan(0);
    writeFileSync(shards[1], text.slice(0, at) + '"admissionz":' + text.slice(at + '"admissions":'.length));
    const m = runCli(['merge', ...shards, '--out', join(dir, 'm.json')]);
    expect(m.code).toBe(2);
    expect(m.stderr).toMatch(
      /s1\.json: replication \d+ of baseline lacks the daily admissions of unit acute; it was written by another build/,
    );
    expect(m.stderr).not.toMatch(/^\s+at /m);
  });

  it('refuses an incomplete set of shards and a file that is not a shard (exit 2)', () => {
    const dir = tempDir();
    const s0 = join(dir, 's0.json'),
      plain = join(dir, 'plain.json');
    runCli(['run', small, '--shard', '0/2', '--out', s0, '-q']);
    runCli(['run', small, '--out', plain, '-q']);
    const a = runCli(['merge', s0, '--out', join(dir, 'm.json')]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('shards missing: 1/2');
    const b = runCli(['merge', plain]);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('not a shard output');
  });
});

describe('caresim run --resume', () => {
  it('continues a run stopped by Ctrl-C to exactly the uninterrupted result', async () => {
    const dir = tempDir();
    const full = join(dir, 'full.json'),
      out = join(dir, 'resumed.json');
    const args = [library('erlang-loss.yaml'), '--reps', '40', '--set', 'time.horizon=2000 days', '--workers', '1'];
    expect(runCli(['run', ...args, '--out', full, '-q']).code).toBe(0);
    const stopped = await interruptCli(['run', ...args, '--out', out]);
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toContain('--resume');
    noStack(stopped.stderr);
    expect(existsSync(out)).toBe(false);
    const journal = `${out}.journal.ndjson`;
    const kept = readFileSync(journal, 'utf8').trim().split('\n').length - 1;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(40);

    const refused = runCli(['run', ...args, '--out', out, '--resume', '--seed', '99', '-q']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('seed differs');

    const rerun = runCli(['run', ...args, '--out', out, '-q']);
    expect(rerun.code).toBe(2);
    expect(rerun.stderr).toMatch(/unfinished run: continue it with --resume, or discard it and start again with --fresh/);
    expect(readFileSync(journal, 'utf8').trim().split('\n')).toHaveLength(kept + 1);

    // Named with --journal, the journal is the one output path that may be a journal.
    const resumed = runCli(['run', ...args, '--out', out, '--journal', journal, '--resume', '--workers', '2', '-q']);
    expect(resumed.code).toBe(0);
    expect(comparableFile(out)).toBe(comparableFile(full));
  });

  it('starts from the beginning when there is no journal yet', () => {
    const out = join(tempDir(), 'r.json');
    const r = runCli(['run', small, '--out', out, '--resume', '--workers', '1', '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('no journal at');
    expect(JSON.parse(readFileSync(out, 'utf8')).replications).toBe(9);
  });
});

describe('caresim run --out F while another run writes F', () => {
  it("refuses with exit 2 while the lock holder runs, and takes over a dead holder's lock", () => {
    const out = join(tempDir(), 'r.json');
    const lock = `${out}.journal.ndjson.lock`;
    writeFileSync(lock, JSON.stringify({ pid: process.pid, host: hostname() }));
    const busy = runCli(['run', small, '--out', out, '--workers', '1', '-q']);
    expect(busy.code).toBe(2);
    expect(busy.stderr).toContain(`in use by another caresim run (pid ${process.pid} on ${hostname()}`);
    noStack(busy.stderr);
    expect(existsSync(out)).toBe(false);
    const dead = Number(spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout);
    writeFileSync(lock, JSON.stringify({ pid: dead, host: hostname() }));
    const after = runCli(['run', small, '--out', out, '--workers', '1', '-q']);
    expect(after.code).toBe(0);
    expect(after.stderr).toContain(`took over the lock ${lock}`);
    expect(existsSync(lock)).toBe(false);
  });
});

describe('caresim run on SIGTERM', () => {
  // Schedulers stop a job with SIGTERM (Slurm's scancel and preemption, Kubernetes' pod
  // deletion, where caresim may be PID 1 and an unhandled SIGTERM is ignored).
  it('stops like Ctrl-C: exit 130, finished replications kept in the journal, --resume completes the run', async () => {
    const dir = tempDir();
    const full = join(dir, 'full.json'),
      out = join(dir, 'resumed.json');
    const args = [library('erlang-loss.yaml'), '--reps', '40', '--set', 'time.horizon=2000 days', '--workers', '1'];
    expect(runCli(['run', ...args, '--out', full, '-q']).code).toBe(0);
    const stopped = await interruptCli(['run', ...args, '--out', out], 'SIGTERM');
    expect(stopped.code).toBe(130);
    expect(stopped.stderr).toMatch(/interrupted; \d+ finished replication\(s\) kept/);
    const kept = readFileSync(`${out}.journal.ndjson`, 'utf8').trim().split('\n').length - 1;
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(40);
    expect(runCli(['run', ...args, '--out', out, '--resume', '-q']).code).toBe(0);
    expect(comparableFile(out)).toBe(comparableFile(full));
  });
});

describe('caresim check FILE', () => {
  it('accepts a valid scenario', () => {
    const r = runCli(['check', small]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ok');
  });

  it('prints every diagnostic with file:line:col and exits 2 without a stack trace', () => {
    const dir = tempDir();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync(small, 'utf8').replace('capacity: beds', 'capacty: beds').replace('rate: 4/day', 'rate: 4 per day'));
    for (const cmd of ['check', 'run']) {
      const r = runCli([cmd, bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/bad\.yaml:\d+:\d+/);
      expect(r.stderr).toContain('capacty');
      expect(r.stderr.match(/bad\.yaml:\d+:\d+/g)!.length).toBeGreaterThanOrEqual(2);
      noStack(r.stderr);
    }
  });
});

describe('caresim with bad usage', () => {
  it('exits 2 with a message for unknown options, missing files and bad values', () => {
    const cases: [string[], RegExp][] = [
      [['run', small, '--bogus'], /Unknown argument: bogus/],
      [['run', 'no-such-file.yaml'], /no such file/],
      [['run', small, '--reps', 'many'], /--reps/],
      [['run', small, '--shard', '3/3', '--out', 'x.json'], /from 0 to 2/],
      [['run', small, '--shard', '0/3'], /needs --out/],
      [['run', small, '--set', 'nonsense'], /PATH=EXPR/],
      [['frobnicate'], /Unknown argument|unknown command/i],
      [[], /Give a command/],
    ];
    for (const [args, message] of cases) {
      const r = runCli(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(message);
      noStack(r.stderr);
    }
  });
});

describe('caresim run FILE whose replications fail', () => {
  it('exits 1, lists each failure by index with its error, and keeps the other replications', () => {
    const dir = tempDir();
    const out = join(dir, 'r.json');
    const r = runCli(['run', join(__dirname, 'fixtures', 'failing.yaml'), '--out', out, '--workers', '2']);
    expect(r.code).toBe(1);
    noStack(r.stderr);
    const results = JSON.parse(readFileSync(out, 'utf8'));
    const failures: { strategy: string; replication: number; error: string }[] = results.failures;
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.length).toBeLessThan(6);
    for (const f of failures) {
      expect(f.strategy).toBe('baseline');
      expect(f.error).toMatch(/SimulationError: a duration sample was Infinity/);
      expect(r.stdout + r.stderr).toContain(`baseline #${f.replication}`);
    }
    expect(results.strategies.baseline.kpis.journeys.n).toBe(6 - failures.length);
    expect(existsSync(`${out}.journal.ndjson`)).toBe(true);
  });
});

describe('caresim init [DIR]', () => {
  it('writes a starter scenario that checks without errors, and does not overwrite it', () => {
    const dir = tempDir();
    const first = runCli(['init', dir]);
    expect(first.code).toBe(0);
    expect(readFileSync(join(dir, 'scenario.yaml'), 'utf8')).toBe(readFileSync(library('ics-default.yaml'), 'utf8'));
    const check = runCli(['check', join(dir, 'scenario.yaml')]);
    expect(check.code).toBe(0);
    // The one warning is true and meant: the sweep's lowest point is short of P1 packages.
    expect((check.stdout + check.stderr).match(/warning\[[a-z-]+\].*/g)).toEqual([
      expect.stringMatching(/^warning\[overloaded\] offered load of `p1` .* in sweep point `params.p1_packages=1950`/),
    ]);
    expect(runCli(['init', dir]).code).toBe(2);
  });
});

describe('caresim schema and caresim help scenario', () => {
  it('prints the JSON Schema and key help', () => {
    const s = runCli(['schema']);
    expect(s.code).toBe(0);
    expect(JSON.parse(s.stdout).$schema).toMatch(/json-schema/);
    const h = runCli(['help', 'scenario', 'units']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/units/);
  });
});
