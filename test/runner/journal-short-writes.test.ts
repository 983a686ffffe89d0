import { describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../temp-dir.js';

// Writes take at most `max` bytes, as on a disk that is filling up; with `enospc` the next
// write puts down what fits and the one after fails, as on a disk that has filled.
const ctl = vi.hoisted(() => ({ max: Infinity, enospc: false }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const writeSync = (fd: number, data: string | NodeJS.ArrayBufferView, offset?: number, length?: number) => {
    const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const from = typeof data === 'string' ? 0 : (offset ?? 0);
    const want = typeof data === 'string' ? bytes.length : (length ?? bytes.length - from);
    if (ctl.enospc && want <= ctl.max) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return fs.writeSync(fd, bytes, from, Math.min(ctl.max, want));
  };
  return { ...fs, writeSync, default: { ...fs, writeSync } };
});

const { runScenarioDetailed } = await import('../../runner/index.js');
const { comparable, twoStrategies } = await import('./fixture.js');

describe('the journal when writes are short', () => {
  it('writes its header line whole, so the run resumes from it', async () => {
    const journal = join(tempDir('journal-short'), 'run.journal.ndjson');
    ctl.max = 40;
    try {
      const full = await runScenarioDetailed(twoStrategies(3), { workers: 0, journal });
      const header = readFileSync(journal, 'utf8').split('\n')[0];
      expect(header.length).toBeGreaterThan(ctl.max);
      expect(JSON.parse(header)).toHaveProperty('header');
      const resumed = await runScenarioDetailed(twoStrategies(3), { workers: 0, journal, resume: true });
      expect(resumed.resumed).toBe(6);
      expect(comparable(resumed.results)).toBe(comparable(full.results));
    } finally {
      ctl.max = Infinity;
    }
  });

  it('leaves no journal behind when the disk fills while its header is written', async () => {
    const journal = join(tempDir('journal-full'), 'run.journal.ndjson');
    ctl.max = 40;
    ctl.enospc = true;
    try {
      await expect(runScenarioDetailed(twoStrategies(3), { workers: 0, journal })).rejects.toMatchObject({ code: 'ENOSPC' });
    } finally {
      ctl.max = Infinity;
      ctl.enospc = false;
    }
    // Nothing was run: the next attempt, once there is room, starts without --resume or --fresh.
    expect(existsSync(journal)).toBe(false);
    const again = await runScenarioDetailed(twoStrategies(3), { workers: 0, journal });
    expect(again.resumed).toBe(0);
  });
});
