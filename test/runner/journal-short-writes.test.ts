import { describe, expect, it, vi } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../temp-dir.js';

// Writes take at most `max` bytes, as on a disk that is filling up; with `enospc` the next
// write puts down what fits and the one after fails, as on a disk that has filled; with
// `full` every write fails, as on a disk that was full before the run.
const ctl = vi.hoisted(() => ({ max: Infinity, enospc: false, full: false }));
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const { shortWrites } = await import('./short-writes.js');
  const writeSync = shortWrites(fs.writeSync, ctl);
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

  it.each([
    ['fills as the run starts', { max: 40, enospc: true, full: false }],
    ['was full before the run', { max: Infinity, enospc: false, full: true }],
  ])('leaves no journal and no lock behind when the disk %s', async (_, disk) => {
    const journal = join(tempDir('journal-full'), 'run.journal.ndjson');
    Object.assign(ctl, disk);
    try {
      await expect(runScenarioDetailed(twoStrategies(3), { workers: 0, journal })).rejects.toMatchObject({ code: 'ENOSPC' });
    } finally {
      Object.assign(ctl, { max: Infinity, enospc: false, full: false });
    }
    // Nothing was run: the next attempt, once there is room, starts without --resume or --fresh.
    expect(existsSync(journal)).toBe(false);
    expect(existsSync(`${journal}.lock`)).toBe(false);
    const again = await runScenarioDetailed(twoStrategies(3), { workers: 0, journal });
    expect(again.resumed).toBe(0);
  });
});
