import { describe, expect, it } from 'vitest';
import { progressView } from '../../cli/progress.js';
import type { Io } from '../../cli/io.js';
import type { Progress } from '../../runner/run-scenario.js';

function recorder(): Io & { lines: string[] } {
  const lines: string[] = [];
  return { lines, out: () => {}, err: (t) => lines.push(...t.trim().split('\n')), tty: null, color: false, env: {}, version: '0' };
}

const p = (done: number, seconds: number): Progress => ({ done, total: 10, failed: 0, resumed: 0, seconds, rate: done / Math.max(seconds, 1e-9), eta: null });

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
