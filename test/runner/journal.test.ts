import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { tempDir } from '../temp-dir.js';
import { join } from 'node:path';
import { runScenario, runScenarioDetailed, ResumeError } from '../../runner/index.js';
import { comparable, twoStrategies } from './fixture.js';

const dir = () => tempDir('journal');

describe('runScenarioDetailed(loaded, { journal, resume })', () => {
  it('resumes an interrupted run to exactly the uninterrupted result', async () => {
    const sc = twoStrategies(10);
    const full = await runScenario(sc, { workers: 2 });
    const journal = join(dir(), 'run.journal.ndjson');
    const ctl = new AbortController();
    const first = await runScenarioDetailed(sc, {
      workers: 2, journal, signal: ctl.signal,
      onProgress: (p) => { if (p.done >= 7) ctl.abort(); },
    });
    expect(first.interrupted).toBe(true);
    const kept = readFileSync(journal, 'utf8').trim().split('\n').length - 1;
    expect(kept).toBeGreaterThanOrEqual(7);
    expect(kept).toBeLessThan(20);
    const second = await runScenarioDetailed(sc, { workers: 3, journal, resume: true });
    expect(second.interrupted).toBe(false);
    expect(second.resumed).toBe(kept);
    expect(comparable(second.results)).toBe(comparable(full));
  });

  it('resumes from a journal cut off in the middle of a line', async () => {
    const sc = twoStrategies(6);
    const journal = join(dir(), 'run.journal.ndjson');
    const full = await runScenarioDetailed(sc, { workers: 2, journal });
    const lines = readFileSync(journal, 'utf8').split('\n');
    writeFileSync(journal, `${lines.slice(0, 6).join('\n')}\n${lines[6].slice(0, 40)}`);
    const resumed = await runScenarioDetailed(sc, { workers: 1, journal, resume: true });
    expect(resumed.resumed).toBe(5);
    expect(comparable(resumed.results)).toBe(comparable(full.results));
  });

  it('refuses to resume with another seed, scenario or engine', async () => {
    const journal = join(dir(), 'run.journal.ndjson');
    await runScenarioDetailed(twoStrategies(2, 1), { workers: 0, journal });
    await expect(runScenarioDetailed(twoStrategies(2, 2), { workers: 0, journal, resume: true })).rejects.toThrow(/seed differs/);
    const other = { ...twoStrategies(2, 1), hash: 'changed' };
    await expect(runScenarioDetailed(other, { workers: 0, journal, resume: true })).rejects.toBeInstanceOf(ResumeError);
    const text = readFileSync(journal, 'utf8').replace(/"engine_version":"[^"]*"/, '"engine_version":"0.0.0-old"');
    writeFileSync(journal, text);
    await expect(runScenarioDetailed(twoStrategies(2, 1), { workers: 0, journal, resume: true })).rejects.toThrow(/engine version differs/);
  });

  it('starts afresh with fresh', async () => {
    const journal = join(dir(), 'run.journal.ndjson');
    await runScenarioDetailed(twoStrategies(3), { workers: 0, journal });
    const again = await runScenarioDetailed(twoStrategies(3), { workers: 0, journal, fresh: true });
    expect(again.resumed).toBe(0);
    expect(readFileSync(journal, 'utf8').trim().split('\n')).toHaveLength(1 + 6);
  });
});

describe('runScenarioDetailed(loaded, { resume }) with a journal from a longer run', () => {
  it('uses only the replications of the current run', async () => {
    const journal = join(dir(), 'run.journal.ndjson');
    await runScenarioDetailed(twoStrategies(8), { workers: 0, journal });
    const fewer = await runScenarioDetailed(twoStrategies(5), { workers: 0, journal, resume: true });
    const fresh = await runScenario(twoStrategies(5), { workers: 0 });
    expect(fewer.raw.baseline.map((r) => r.replication)).toEqual([0, 1, 2, 3, 4]);
    expect(comparable(fewer.results)).toBe(comparable(fresh));
  });
});
