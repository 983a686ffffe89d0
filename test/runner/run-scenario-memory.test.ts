import { describe, expect, it } from 'vitest';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { runScenario, runScenarioDetailed } from '../../runner/run-scenario.js';
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
      onProgress: (p) => { if (p.done === 250 || p.done === 1000) heap[p.done] = heapAfterGc(); },
    });
    const growth = heap[1000] - heap[250];
    // What may grow: a few dozen numbers a replication (its KPIs and metrics) and bookkeeping.
    expect(growth).toBeLessThan(4 * 1024 * 1024);
  }, 300_000);
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
