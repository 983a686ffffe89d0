import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { ensureBuilt, runCli, small } from '../cli-process.js';
import { tempDir } from '../../temp-dir.js';
import type { Diff } from '../../../results/index.js';
import { JOURNAL_FORMAT } from '../../../runner/journal.js';
import { diffCommand } from '../../../cli/commands/diff.js';
import type { Io } from '../../../cli/io.js';

let dir: string, a: string, b: string;

beforeAll(() => {
  ensureBuilt();
  dir = tempDir('diff');
  a = join(dir, 'a.json');
  b = join(dir, 'b.json');
  // Two independent runs of one scenario: other seeds, so other random numbers.
  expect(runCli(['run', small, '--reps', '4', '--seed', '1', '--out', a, '-q', '--workers', '0']).code).toBe(0);
  expect(runCli(['run', small, '--reps', '5', '--seed', '2', '--out', b, '-q', '--workers', '0']).code).toBe(0);
});

/** A copy of the results file `from` with `edit` applied. */
function edited(from: string, name: string, edit: (doc: Record<string, any>) => void): string {
  const doc = JSON.parse(readFileSync(from, 'utf8')) as Record<string, any>;
  edit(doc);
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(doc));
  return file;
}

describe('diffCommand({ a, b })', () => {
  it('caresim diff a b prints the headline KPIs of each strategy, writes every row to --out and --csv, exits 0', () => {
    const out = join(dir, 'd.json'),
      csv = join(dir, 'd.csv');
    const r = runCli(['diff', a, b, '--out', out, '--csv', csv]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('b - a (Welch 95% CI)');
    expect(r.stdout).toContain('not paired');
    const d = JSON.parse(readFileSync(out, 'utf8')) as Diff;
    expect(d.strategies).toEqual(['baseline', 'same-as-baseline', 'more-beds']);
    const ra = JSON.parse(readFileSync(a, 'utf8')) as { strategies: Record<string, { kpis: Record<string, { mean: number }> }> };
    const rb = JSON.parse(readFileSync(b, 'utf8')) as typeof ra;
    const row = d.rows.find((x) => x.strategy === 'more-beds' && x.metric === 'acute_occupancy')!;
    expect(row.a.mean).toBe(ra.strategies['more-beds'].kpis.acute_occupancy.mean);
    expect(row.difference.mean).toBe(
      rb.strategies['more-beds'].kpis.acute_occupancy.mean - ra.strategies['more-beds'].kpis.acute_occupancy.mean,
    );
    const lines = readFileSync(csv, 'utf8').trim().split('\n');
    expect(lines[0].split(',').slice(0, 5)).toEqual(['strategy', 'unit', 'metric', 'headline', 'a_mean']);
    expect(lines).toHaveLength(1 + d.rows.length);
  });
  it('warns, and still compares, when the scenarios differ', () => {
    const other = edited(b, 'other-scenario.json', (doc) => {
      doc.scenario.hash = 'ffffffff' + String(doc.scenario.hash).slice(8);
    });
    const r = runCli(['diff', a, other, '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: the scenarios differ/);
  });
  it('diffCommand prints the scenario-hash warning before the table it refers to ("the differences below")', async () => {
    const other = edited(b, 'other-order.json', (doc) => {
      doc.scenario.hash = 'eeeeeeee' + String(doc.scenario.hash).slice(8);
    });
    // One stream of writes, in order, as a terminal shows stdout and stderr together.
    const written: string[] = [];
    const io: Io = { out: (t) => written.push(t), err: (t) => written.push(t), tty: null, color: false, env: {}, version: '0' };
    expect(await diffCommand({ a, b: other, quiet: false }, io)).toBe(0);
    const text = written.join('');
    const warning = text.indexOf('warning: the scenarios differ'),
      table = text.indexOf('b - a (Welch 95% CI)');
    expect(warning).toBeGreaterThanOrEqual(0);
    expect(table).toBeGreaterThan(warning);
    expect(text.slice(0, warning)).toBe('caresim: ');
  });
  it('reads a results file written before p10/p90: its ranges are absent', () => {
    const old = edited(a, 'old.json', (doc) => {
      for (const s of Object.values(doc.strategies as Record<string, { kpis: Record<string, Record<string, unknown>> }>)) {
        for (const k of Object.values(s.kpis)) {
          delete k.p10;
          delete k.p90;
        }
      }
    });
    const out = join(dir, 'old-diff.json');
    expect(runCli(['diff', old, b, '-q', '--out', out]).code).toBe(0);
    const d = JSON.parse(readFileSync(out, 'utf8')) as Diff;
    const row = d.rows.find((x) => x.scope === 'system' && x.metric === 'acute_occupancy')!;
    expect([row.a.p10, row.range_overlap]).toEqual([null, null]);
  });
  it('exits 2 with a plain message for a missing file, a file that is not JSON, and a shard file', () => {
    const missing = runCli(['diff', a, join(dir, 'nope.json')]);
    expect([missing.code, missing.stderr]).toEqual([2, `caresim: ${join(dir, 'nope.json')}: no such file\n`]);
    const text = join(dir, 'text.json');
    writeFileSync(text, 'not json');
    const notJson = runCli(['diff', text, b]);
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/text\.json is not JSON/);
    const shard = join(dir, 'shard.json');
    expect(runCli(['run', small, '--reps', '2', '--shard', '0/2', '--out', shard, '-q', '--workers', '0']).code).toBe(0);
    const s = runCli(['diff', shard, b]);
    expect(s.code).toBe(2);
    expect(s.stderr).toMatch(/shard\.json is a shard file .* merge the shards first/);
    expect(s.stderr).not.toMatch(/\n\s+at /);
  });
  it('exits 2 saying a run journal (any name, any version) is one of an unfinished or running run, and what to give instead', () => {
    // The header line a run writes first (runner/journal.ts), then a replication's line.
    const header = { format: JOURNAL_FORMAT, scenario_hash: 'ab', seed: 1, engine_version: '0', strategies: ['baseline'], shard: null };
    const body = `${JSON.stringify({ header })}\n{"scenario_hash":"ab","seed":1,"strategy":"baseline","replication":0}\n`;
    for (const name of ['results.json.journal.ndjson', 'renamed.json']) {
      const journal = join(dir, name);
      writeFileSync(journal, body);
      const r = runCli(['diff', journal, b]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `caresim: ${journal} is the journal of an unfinished or running run, not a results file; give the run's --out file, written when the run finishes, or finish an interrupted run with the same command and --resume\n`,
      );
    }
  });
  it('exits 2 naming why two files are not comparable (horizon)', () => {
    const shorter = edited(b, 'short.json', (doc) => {
      doc.horizon_days = 100;
      delete doc.strategies.baseline.kpis.acute_occupancy;
    });
    const r = runCli(['diff', a, shorter]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^caresim: the two results files are not comparable: different horizons \(a: 150 days, b: 100 days\)/);
    expect(r.stderr).not.toMatch(/acute_occupancy/);
    expect(r.stdout).toBe('');
  });
  it('compares the KPIs both files hold and warns of one only a has', () => {
    const fewer = edited(b, 'fewer.json', (doc) => {
      delete doc.strategies.baseline.kpis.acute_occupancy;
    });
    const out = join(dir, 'fewer-diff.json');
    const r = runCli(['diff', a, fewer, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('caresim: warning: KPIs only in a, not compared: `acute_occupancy`\n');
    expect(r.stdout).toContain('b - a (Welch 95% CI)');
    const rows = (JSON.parse(readFileSync(out, 'utf8')) as Diff).rows.filter((x) => x.scope === 'system');
    const has = (s: string, m: string) => rows.some((x) => x.strategy === s && x.metric === m);
    expect(has('baseline', 'acute_occupancy')).toBe(false);
    expect(has('baseline', 'delayed_bed_days_per_day')).toBe(true);
    expect(has('more-beds', 'acute_occupancy')).toBe(true);
  });
});

describe('caresim diff with a pipe', () => {
  it('refuses it at once (exit 2) instead of waiting on it for ever in a read that not even Ctrl-C stops', () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    const r = runCli(['diff', fifo, a], {}, undefined, 30_000);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `caresim: ${fifo} is not a regular file (a pipe, a device or a socket); expected a results file written by \`caresim run --out FILE\` or \`caresim merge --out FILE\`\n`,
    );
  });
});
