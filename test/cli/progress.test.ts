import { describe, expect, it } from 'vitest';
import { progressView } from '../../cli/progress.js';
import type { Io } from '../../cli/io.js';
import type { Progress } from '../../runner/run-scenario.js';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, ensureBuilt, small, tempDir } from './cli-process.js';

function recorder(): Io & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: () => {}, err: (t) => lines.push(...t.trim().split('\n')), tty: null, color: false, env: {}, version: '0' };
}

const p = (done: number, seconds: number): Progress => ({
  done,
  total: 10,
  failed: 0,
  resumed: 0,
  seconds,
  rate: done / Math.max(seconds, 1e-9),
  eta: null,
});

describe('progressView(io, quiet) without a terminal', () => {
  it('writes NDJSON lines at most once a second, the first result at once and the last on stop', () => {
    const io = recorder();
    const view = progressView(io, false);
    view.update(p(0, 0));
    view.update(p(1, 0.1));
    view.update(p(2, 0.5));
    view.update(p(5, 1.2));
    view.update(p(6, 1.5));
    view.stop();
    const rows = io.lines.map((l) => JSON.parse(l));
    expect(rows.map((r) => r.done)).toEqual([0, 1, 5, 6]);
    expect(rows[0]).toMatchObject({ type: 'progress', total: 10, failed: 0 });
  });

  it('writes nothing when quiet', () => {
    const io = recorder();
    const view = progressView(io, true);
    view.update(p(3, 2));
    view.stop();
    expect(io.lines).toEqual([]);
  });
});

describe('caresim run on a terminal', () => {
  // The built CLI under a pseudo-terminal (util-linux `script`), as a user at a shell sees it.
  it('draws a progress bar with replications done, rate and ETA, and no NDJSON lines', () => {
    ensureBuilt();
    const out = join(tempDir(), 'r.json');
    const command = [process.execPath, cli, 'run', small, '--reps', '24', '--workers', '2', '--out', out].map((a) => `'${a}'`).join(' ');
    const r = spawnSync('script', ['-qfec', command, '/dev/null'], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', TERM: 'xterm' },
    });
    expect(r.status).toBe(0);
    // 24 replications of each of the fixture's 3 strategies: the bar counts all 72.
    expect(r.stdout).toMatch(/replications \|[^|]*\| 0\/72 \| /);
    expect(r.stdout).toMatch(/replications \|[^|]*\| 72\/72 \| [\d.]+\/s \| ETA \d+s/);
    expect(r.stdout).not.toContain('"type":"progress"');
    expect(JSON.parse(readFileSync(out, 'utf8')).replications).toBe(24);
  });
});
