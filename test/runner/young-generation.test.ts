import { describe, expect, it } from 'vitest';
import { Worker } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { runTasks, type Task } from '../../runner/pool.js';
import { workerLimits } from '../../runner/memory-budget.js';
import { WORKER_YOUNG_MB, youngGenerationHold } from '../../runner/young-generation.js';
import { lossModel } from './fixture.js';

const probeFile = fileURLToPath(new URL('./fixtures/young-probe-worker.mjs', import.meta.url));
const MiB = 1024 * 1024;

/** A probe Worker (fixtures/young-probe-worker.mjs), started and ready. */
async function probe(options: ConstructorParameters<typeof Worker>[1] = {}) {
  const worker = new Worker(probeFile, options);
  await new Promise<void>((resolve, reject) => {
    worker.once('message', () => resolve());
    worker.once('error', reject);
  });
  let n = 0;
  return {
    /** Makes it keep `keep` more objects alive, `times` times; its new space afterwards, bytes. */
    async grow(times: number, keep = 250_000): Promise<number> {
      let size = 0;
      for (let i = 0; i < times; i++) {
        worker.postMessage({ type: 'probe', strategy: 0, replication: n++, keep });
        size = await new Promise<number>((resolve) =>
          worker.once('message', (m: { result: { newSpace: number } }) => resolve(m.result.newSpace)),
        );
      }
      return size;
    },
    stop: () => worker.terminate(),
  };
}

describe('workerLimits(maxMemoryMb)', () => {
  it(`workerLimits(undefined) caps a worker's young generation at ${WORKER_YOUNG_MB} MiB: its new space stays at two 4 MiB semi-spaces`, async () => {
    const capped = await probe(workerLimits(undefined));
    const free = await probe();
    try {
      const [c, f] = [await capped.grow(4), await free.grow(4)];
      expect(c).toBeLessThanOrEqual(((2 * WORKER_YOUNG_MB) / 3) * MiB);
      // Without the cap the same work grows it past (to V8's default ceiling of 32 MiB in Node 20).
      expect(f).toBeGreaterThan(((2 * WORKER_YOUNG_MB) / 3) * MiB);
    } finally {
      await capped.stop();
      await free.stop();
    }
  }, 60_000);
});

describe('youngGenerationHold()', () => {
  it('hold() keeps every young generation at its size until release(), which lets them grow again', async () => {
    const p = await probe();
    const young = youngGenerationHold();
    try {
      const start = await p.grow(1, 0);
      young.hold();
      expect(await p.grow(4)).toBeLessThanOrEqual(start);
      young.release();
      expect(await p.grow(4)).toBeGreaterThan(start);
    } finally {
      young.release();
      await p.stop();
    }
  }, 60_000);
});

describe('runTasks(tasks, { workers })', () => {
  it('holds young generations while its workers run (no worker grows past its first size) and lets them grow once it is done', async () => {
    // Started before the run: a Worker that starts resets V8's growth factor, so it could not probe after the run.
    const after = await probe();
    const sizes: number[] = [];
    const tasks: Task[] = Array.from({ length: 8 }, (_, r) => ({ strategy: 0, replication: r }));
    try {
      const start = await after.grow(1, 0);
      await runTasks(tasks, {
        workers: 1,
        workerFile: probeFile,
        seed: 1,
        models: [lossModel(1, 1, 1)],
        onResult: (_, r) => sizes.push((r as unknown as { newSpace: number }).newSpace),
        onFailure: () => {},
      });
      expect(sizes).toHaveLength(8);
      // Eight tasks keep 2 M objects alive: unheld, the worker's new space reaches its 8 MiB cap.
      expect(Math.max(...sizes)).toBe(sizes[0]);
      expect(sizes[0]).toBeLessThan(((2 * WORKER_YOUNG_MB) / 3) * MiB);
      expect(await after.grow(4)).toBeGreaterThan(start);
    } finally {
      await after.stop();
    }
  }, 60_000);
});
