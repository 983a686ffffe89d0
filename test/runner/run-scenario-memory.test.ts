import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario, runScenarioDetailed } from '../../runner/run-scenario.js';
import { writeShardFile } from '../../runner/shard-file.js';
import { encode } from '../../results/index.js';
import { tempDir } from '../temp-dir.js';
import { comparable, lossModel, scenario, strategy, twoStrategies } from './fixture.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** Memory in use after a full collection, in bytes: the JS heap and typed-array buffers (kept outside it). */
function heapAfterGc(): number {
  gc();
  gc();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
}

describe('runScenario(loaded) memory', () => {
  it('holds no more after 1,000 replications than after 250 beyond their few scalars (no copy of each replication)', async () => {
    // 2,000 days of daily series: each replication returns about 64 KB of them, so keeping
    // every replication (as the summary once did) grows memory by some 48 MB over 750 more (0.3 MB now).
    const sc = scenario([strategy('baseline', lossModel(2, 0.5, 1, 2000, 0))], 1000);
    const heap: Record<number, number> = {};
    await runScenario(sc, {
      workers: 0,
      onProgress: (p) => {
        if (p.done === 250 || p.done === 1000) heap[p.done] = heapAfterGc();
      },
    });
    const growth = heap[1000] - heap[250];
    // What may grow: a few dozen numbers a replication (its KPIs and metrics) and bookkeeping.
    expect(growth).toBeLessThan(4 * 1024 * 1024);
  }, 300_000);
});

describe('runScenarioDetailed(loaded, { workers: 1, journal, keepRaw: false }) memory (the path of caresim run)', () => {
  it('retains no more after 1,000 replications than after 250 on the main thread, journal written and results folded', async () => {
    const dir = tempDir('worker-memory');
    // 2,000 days of daily series: about 240 KB a replication crosses from the worker and goes to the journal.
    const sc = scenario([strategy('baseline', lossModel(2, 0.5, 1, 2000, 0))], 1000);
    const heap: Record<number, number> = {};
    const run = await runScenarioDetailed(sc, {
      workers: 1,
      journal: join(dir, 'run.journal.ndjson'),
      keepRaw: false,
      onProgress: (p) => {
        if (p.done === 250 || p.done === 1000) heap[p.done] = heapAfterGc();
      },
    });
    expect(run.finished).toBe(1000);
    // Held: a few dozen numbers a replication and the journal's index; 240 MB if the series were kept.
    expect(heap[1000] - heap[250]).toBeLessThan(4 * 1024 * 1024);
  }, 600_000);
});

describe('runScenarioDetailed(loaded, { keepRaw: false })', () => {
  it('returns no replications, counts the finished ones and summarises them all the same', async () => {
    const lean = await runScenarioDetailed(twoStrategies(6), { workers: 0, keepRaw: false });
    const full = await runScenarioDetailed(twoStrategies(6), { workers: 0 });
    expect(lean.raw).toEqual({ baseline: [], 'more-beds': [] });
    expect(lean.finished).toBe(12);
    expect(full.raw.baseline).toHaveLength(6);
    expect(comparable(lean.results)).toBe(comparable(full.results));
  });
});

describe('runScenarioDetailed(loaded, { shard, journal, keepRaw: false })', () => {
  it('holds no replication while it runs, and its replications, read back from the journal one at a time, write the same shard file', async () => {
    const dir = tempDir('shard-memory');
    const shard = { index: 1, count: 2 };
    // 2,000 days of daily series: about 64 KB a replication, 48 MB over the 750 between the marks if held.
    const sc = scenario([strategy('baseline', lossModel(2, 0.5, 1, 2000, 0))], 2000);
    const heap: Record<number, number> = {};
    const journal = join(dir, 'lean.journal.ndjson');
    const lean = await runScenarioDetailed(sc, {
      workers: 0,
      shard,
      journal,
      keepRaw: false,
      onProgress: (p) => {
        if (p.done === 250 || p.done === 1000) heap[p.done] = heapAfterGc();
      },
    });
    expect(heap[1000] - heap[250]).toBeLessThan(4 * 1024 * 1024);
    expect(lean.raw.baseline).toEqual([]);

    // Writing them out holds one at a time: memory at the 1,000th is that at the 250th.
    const seen: number[] = [];
    const watched = {
      *[Symbol.iterator]() {
        for (const rep of lean.replications.baseline) {
          seen.push(rep.replication);
          if (seen.length === 250 || seen.length === 1000) heap[-seen.length] = heapAfterGc();
          yield rep;
        }
      },
    };
    const leanFile = join(dir, 'lean.json');
    writeShardFile(leanFile, lean.results, shard, { baseline: watched });
    expect(heap[-1000] - heap[-250]).toBeLessThan(4 * 1024 * 1024);
    expect(seen).toEqual(Array.from({ length: 1000 }, (_, i) => 2 * i + 1));

    // The same file as one written from replications kept in memory.
    const kept = await runScenarioDetailed(sc, { workers: 0, shard });
    const keptFile = join(dir, 'kept.json');
    writeShardFile(keptFile, kept.results, shard, kept.raw);
    // All but the `run` section (timing), which the layout opens over lines of its own.
    const strip = (f: string) => readFileSync(f, 'utf8').replace(/\n,"run":\{\n[^]*?\n\}\n/, '\n');
    expect(readFileSync(keptFile, 'utf8')).toContain('\n,"run":{\n');
    expect(strip(leanFile)).toBe(strip(keptFile));
  }, 600_000);

  it('reads back replications resumed from the journal and run now alike, in index order, once each', async () => {
    const dir = tempDir('shard-resume');
    const journal = join(dir, 'r.journal.ndjson');
    const controller = new AbortController();
    const sc = twoStrategies(12);
    let seen = 0;
    const cut = await runScenarioDetailed(sc, {
      workers: 0,
      journal,
      keepRaw: false,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.done >= 7 && ++seen === 1) controller.abort();
      },
    });
    expect(cut.interrupted).toBe(true);
    const lean = await runScenarioDetailed(sc, { workers: 0, journal, resume: true, keepRaw: false });
    expect(lean.resumed).toBeGreaterThan(0);
    const full = await runScenarioDetailed(sc, { workers: 0 });
    for (const name of ['baseline', 'more-beds']) {
      expect(encode([...lean.replications[name]])).toBe(encode(full.raw[name]));
    }
  });
});
