import { describe, expect, it } from 'vitest';
import { closeSync, existsSync, openSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { tempDir } from '../temp-dir.js';
import { join } from 'node:path';
import { runScenario, runScenarioDetailed, ResumeError, LockError, JOURNAL_FORMAT, ENGINE_VERSION } from '../../runner/index.js';
import { encode, type SystemKpiName } from '../../results/index.js';
import { ICS, load, runStrategy } from '../domain/run.js';
import { comparable, twoStrategies } from './fixture.js';
import { decodeLine } from '../../runner/journal-line.js';

const dir = () => tempDir('journal');

describe('runScenarioDetailed(loaded, { journal, resume })', () => {
  it('resumes an interrupted run to exactly the uninterrupted result', async () => {
    const sc = twoStrategies(10);
    const full = await runScenario(sc, { workers: 2 });
    const journal = join(dir(), 'run.journal.ndjson');
    const ctl = new AbortController();
    const first = await runScenarioDetailed(sc, {
      workers: 2,
      journal,
      signal: ctl.signal,
      onProgress: (p) => {
        if (p.done >= 7) ctl.abort();
      },
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

describe('runScenarioDetailed(loaded, { journal }) on an existing journal', () => {
  it('refuses to overwrite it without resume or fresh, and keeps every line', async () => {
    const journal = join(dir(), 'run.journal.ndjson');
    await runScenarioDetailed(twoStrategies(3), { workers: 0, journal });
    const before = readFileSync(journal, 'utf8');
    const refused = runScenarioDetailed(twoStrategies(3), { workers: 0, journal });
    await expect(refused).rejects.toBeInstanceOf(ResumeError);
    await expect(refused).rejects.toThrow(/--resume.*--fresh/);
    expect(readFileSync(journal, 'utf8')).toBe(before);
    expect(existsSync(`${journal}.lock`)).toBe(false);
  });

  it('starts a new journal with resume when there is none', async () => {
    const journal = join(dir(), 'none-yet.journal.ndjson');
    const run = await runScenarioDetailed(twoStrategies(3), { workers: 0, journal, resume: true });
    expect(run.resumed).toBe(0);
    expect(comparable(run.results)).toBe(comparable(await runScenario(twoStrategies(3), { workers: 0 })));
    expect(readFileSync(journal, 'utf8').trim().split('\n')).toHaveLength(1 + 6);
  });

  it('refuses a line written by a run with another seed, naming the line', async () => {
    const journal = join(dir(), 'run.journal.ndjson');
    await runScenarioDetailed(twoStrategies(3, 8), { workers: 0, journal });
    const lines = readFileSync(journal, 'utf8').trim().split('\n');
    const forged = lines[2].replace('"seed":8', '"seed":9');
    expect(forged).not.toBe(lines[2]);
    writeFileSync(journal, `${[...lines.slice(0, 2), forged].join('\n')}\n`);
    const resumed = runScenarioDetailed(twoStrategies(3, 8), { workers: 0, journal, resume: true });
    await expect(resumed).rejects.toBeInstanceOf(ResumeError);
    await expect(resumed).rejects.toThrow(/line 3 belongs to another run \(seed 9/);
  });

  it('refuses a line that is no replication at all, saying so rather than naming another run', async () => {
    const journal = join(dir(), 'run.journal.ndjson');
    await runScenarioDetailed(twoStrategies(3), { workers: 0, journal });
    const lines = readFileSync(journal, 'utf8').trim().split('\n');
    writeFileSync(journal, `${[...lines.slice(0, 3), '{"note":"mine"}', ...lines.slice(3)].join('\n')}\n`);
    await expect(runScenarioDetailed(twoStrategies(3), { workers: 0, journal, resume: true })).rejects.toThrow(
      `cannot resume from ${journal}: line 4 is not a replication of any caresim run; something else wrote into this journal. Start again with --fresh, or remove that line.`,
    );
  });

  it('refuses a line of another scenario or a replication outside its shard', async () => {
    const journal = join(dir(), 'run.journal.ndjson');
    await runScenarioDetailed(twoStrategies(4), { workers: 0, journal, shard: { index: 0, count: 2 } });
    const lines = readFileSync(journal, 'utf8').trim().split('\n');
    writeFileSync(journal, `${[lines[0], lines[1].replace('"scenario_hash":"abc123"', '"scenario_hash":"other"')].join('\n')}\n`);
    await expect(
      runScenarioDetailed(twoStrategies(4), { workers: 0, journal, resume: true, shard: { index: 0, count: 2 } }),
    ).rejects.toThrow(/line 2 belongs to another run \(another scenario\)/);
    const moved = lines[1].replace('"replication":0', '"replication":1');
    expect(moved).not.toBe(lines[1]);
    writeFileSync(journal, `${[lines[0], moved].join('\n')}\n`);
    await expect(
      runScenarioDetailed(twoStrategies(4), { workers: 0, journal, resume: true, shard: { index: 0, count: 2 } }),
    ).rejects.toThrow(/replication 1, which is not in shard 0\/2/);
  });
});

describe('runScenarioDetailed(loaded, { resume }) from a damaged journal', () => {
  it('runs again a line whose replication index disagrees with its result, or whose result is empty', async () => {
    const journal = join(dir(), 'run.journal.ndjson');
    const full = await runScenarioDetailed(twoStrategies(4), { workers: 0, journal });
    const lines = readFileSync(journal, 'utf8').trim().split('\n');
    // Line 2 (replication 0 of the first strategy) moved to index 3; line 3's result emptied.
    const moved = lines[1].replace('"replication":0,"result"', '"replication":3,"result"');
    expect(moved).not.toBe(lines[1]);
    const emptied = lines[2].replace(/"result":\{.*\}\}$/, '"result":{}}');
    expect(emptied).not.toBe(lines[2]);
    writeFileSync(journal, `${[lines[0], moved, emptied].join('\n')}\n`);
    const resumed = await runScenarioDetailed(twoStrategies(4), { workers: 0, journal, resume: true });
    expect(resumed.resumed).toBe(0);
    expect(resumed.raw.baseline.map((r) => r.replication)).toEqual([0, 1, 2, 3]);
    expect(comparable(resumed.results)).toBe(comparable(full.results));
  });

  it('runs again a line whose daily series were cut short or emptied (a hand-edited line), giving the uninterrupted result', async () => {
    const journal = join(dir(), 'run.journal.ndjson');
    const full = await runScenarioDetailed(twoStrategies(4), { workers: 0, journal });
    const lines = readFileSync(journal, 'utf8').trim().split('\n');
    // Line 2: the first packed series loses three values (32 base64 characters, 24 bytes): still readable, shorter.
    const packed = /\{"\$f64":"([A-Za-z0-9+/=]{40,})"\}/.exec(lines[1]);
    expect(packed).not.toBeNull();
    const cut = lines[1].replace(packed![1], packed![1].slice(32));
    // Line 3: a plain series emptied.
    const emptied = lines[2].replace(/"capacity":\[[^\]]*\]/, '"capacity":[]');
    expect(emptied).not.toBe(lines[2]);
    writeFileSync(journal, `${[lines[0], cut, emptied, ...lines.slice(3)].join('\n')}\n`);
    const resumed = await runScenarioDetailed(twoStrategies(4), { workers: 0, journal, resume: true });
    expect(resumed.resumed).toBe(lines.length - 3);
    expect(comparable(resumed.results)).toBe(comparable(full.results));
  });

  it('refuses a journal path that is a directory, saying so', async () => {
    const journal = dir();
    await expect(runScenarioDetailed(twoStrategies(2), { workers: 0, journal, resume: true })).rejects.toThrow(
      new RegExp(`${journal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is a directory, not a journal`),
    );
    await expect(runScenarioDetailed(twoStrategies(2), { workers: 0, journal, fresh: true })).rejects.toBeInstanceOf(ResumeError);
  });
});

describe('runScenarioDetailed(loaded, { journal }) twice at once', () => {
  it('lets only one of two concurrent runs on one journal proceed', async () => {
    const journal = join(dir(), 'shared.journal.ndjson');
    const first = runScenarioDetailed(twoStrategies(6), { workers: 1, journal });
    const second = runScenarioDetailed(twoStrategies(6, 99), { workers: 1, journal, fresh: true });
    const [a, b] = await Promise.allSettled([first, second]);
    expect(a.status).toBe('fulfilled');
    expect(b.status).toBe('rejected');
    expect((b as PromiseRejectedResult).reason).toBeInstanceOf(LockError);
    expect(String((b as PromiseRejectedResult).reason.message)).toMatch(/in use by another caresim run \(pid \d+/);
    // The journal is the first run's alone: its header and all 12 lines carry seed 2027.
    const lines = readFileSync(journal, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(1 + 12);
    expect(lines.every((l) => l.includes('"seed":2027'))).toBe(true);
    expect(existsSync(`${journal}.lock`)).toBe(false);
  });

  it('with holdJournal keeps the journal locked until release, so no resume can start from a journal about to be removed', async () => {
    const sc = twoStrategies(4);
    const journal = join(dir(), 'held.journal.ndjson');
    const done = await runScenarioDetailed(sc, { workers: 1, journal, holdJournal: true });
    expect(existsSync(`${journal}.lock`)).toBe(true);
    // The outputs can still be read back from the journal while it is held.
    expect([...done.replications[sc.strategies[0].name]]).toHaveLength(4);
    await expect(runScenarioDetailed(sc, { workers: 1, journal, resume: true })).rejects.toBeInstanceOf(LockError);
    done.release(true);
    done.release(true);
    expect(existsSync(journal)).toBe(false);
    expect(existsSync(`${journal}.lock`)).toBe(false);
    // Released without removing, the journal is kept for a later resume.
    const kept = await runScenarioDetailed(sc, { workers: 1, journal, holdJournal: true });
    kept.release(false);
    expect(existsSync(`${journal}.lock`)).toBe(false);
    const again = await runScenarioDetailed(sc, { workers: 1, journal, resume: true });
    expect(again.resumed).toBe(8);
  });
});

describe('runScenarioDetailed(ics-default, { resume }) from a journal larger than a string can be', () => {
  // 0x1fffffe8 characters: V8's longest string, which reading the journal whole ran into.
  const LONGEST_STRING = 0x1fffffe8;

  it('reads the journal line by line and resumes without running anything', async () => {
    const sc = load(ICS);
    const real = runStrategy(sc, 'baseline', 2);
    const S = sc.strategies.length;
    // Real default-ICS replications, written under every strategy and index (r mod 2 picks one).
    const texts = real.map((r) => encode({ ...r, replication: -1 }));
    const reps = 2 * Math.ceil(Math.max(4000 / S, (LONGEST_STRING * 1.05) / (texts[0].length * S)) / 2);
    const journal = join(dir(), 'large.journal.ndjson');
    const header = {
      format: JOURNAL_FORMAT,
      scenario_hash: sc.hash,
      seed: sc.seed,
      engine_version: ENGINE_VERSION,
      strategies: sc.strategies.map((s) => s.name),
      shard: null,
    };
    const fd = openSync(journal, 'w');
    try {
      writeSync(fd, `${encode({ header })}\n`);
      for (let r = 0; r < reps; r++) {
        const result = texts[r % 2].replace('"replication":-1', `"replication":${r}`);
        for (const s of header.strategies)
          writeSync(
            fd,
            `{"scenario_hash":${JSON.stringify(sc.hash)},"seed":${JSON.stringify(sc.seed)},"strategy":${JSON.stringify(s)},"replication":${r},"result":${result}}\n`,
          );
      }
    } finally {
      closeSync(fd);
    }
    try {
      expect(reps * S).toBeGreaterThanOrEqual(4000);
      expect(statSync(journal).size).toBeGreaterThan(LONGEST_STRING);
      const run = await runScenarioDetailed(sc, { reps, workers: 0, journal, resume: true });
      expect(run.interrupted).toBe(false);
      expect(run.resumed).toBe(reps * S);
      expect(run.results.replications).toBe(reps);
      for (const s of header.strategies) {
        for (const [name, stat] of Object.entries(run.results.strategies[s].kpis)) {
          const kpi = name as SystemKpiName;
          expect(stat.n).toBe(reps);
          // Shares are ratios of sums over replications (results-format section); the rest are means.
          const f0 = real[0].fractions?.kpis[kpi],
            f1 = real[1].fractions?.kpis[kpi];
          const want = f0 && f1 ? (f0[0] + f1[0]) / (f0[1] + f1[1]) : (real[0].kpis[kpi]! + real[1].kpis[kpi]!) / 2;
          // To rounding, relative to the size: costs a year run to hundreds of millions.
          expect(Math.abs(stat.mean! - want)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want)));
        }
      }
    } finally {
      rmSync(journal, { force: true });
    }
  }, 600_000);
});

describe('runScenarioDetailed(loaded, { resume }) from a journal of the older plain format', () => {
  it('resumes a caresim-journal/2 journal to the uninterrupted result and continues it in its own format', async () => {
    const sc = twoStrategies(6);
    const journal = join(dir(), 'run.journal.ndjson');
    const full = await runScenarioDetailed(sc, { workers: 0, journal });
    const [head, ...entries] = readFileSync(journal, 'utf8').trim().split('\n');
    expect(head).toContain(`"format":"${JOURNAL_FORMAT}"`);
    expect(entries.some((l) => l.includes('"$f64":"'))).toBe(true);
    // The same replications as the older version wrote them: plain JSON arrays for the series.
    const plain = entries.slice(0, 7).map((l) => encode(decodeLine(l)));
    writeFileSync(journal, `${[head.replace(JOURNAL_FORMAT, 'caresim-journal/2'), ...plain].join('\n')}\n`);
    const resumed = await runScenarioDetailed(sc, { workers: 1, journal, resume: true, holdJournal: true });
    try {
      expect(resumed.resumed).toBe(7);
      expect(comparable(resumed.results)).toBe(comparable(full.results));
      const lines = readFileSync(journal, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(1 + 12);
      expect(lines.some((l) => l.includes('$f64'))).toBe(false);
    } finally {
      resumed.release(false);
    }
  });

  it('refuses a journal of an unknown format', async () => {
    const journal = join(dir(), 'run.journal.ndjson');
    await runScenarioDetailed(twoStrategies(2), { workers: 0, journal });
    writeFileSync(journal, readFileSync(journal, 'utf8').replace(JOURNAL_FORMAT, 'caresim-journal/1'));
    await expect(runScenarioDetailed(twoStrategies(2), { workers: 0, journal, resume: true })).rejects.toThrow(
      /another version of caresim \(caresim-journal\/1/,
    );
  });
});
