import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { once } from 'node:events';
import type { Worker } from 'node:worker_threads';
import { WarmWorkers, startWorkers } from '../../runner/warm-workers.js';
import { runScenario, runScenarioDetailed } from '../../runner/index.js';
import { defaultWorkerFile } from '../../runner/worker-file.js';
import type { FromWorker } from '../../engine/index.js';
import { comparable, lossModel, twoStrategies } from './fixture.js';

const broken = fileURLToPath(new URL('./fixtures/broken-worker.mjs', import.meta.url));

describe('new WarmWorkers(file, count, maxMemoryMb, compileInBackground)', () => {
  it('take() hands over live Workers that run replications, then none; close() stops the ones not taken', async () => {
    const warm = new WarmWorkers(defaultWorkerFile(), 2, undefined, false);
    const first = warm.take();
    expect(first).toBeDefined();
    const w = first!.worker;
    try {
      // The warm Worker serves the replication protocol like one the dispatcher starts.
      const answers: FromWorker[] = [];
      const result = new Promise<void>((resolve) =>
        w.on('message', (m: FromWorker) => {
          answers.push(m);
          if (m.type !== 'ready') resolve();
        }),
      );
      w.postMessage({ type: 'model', strategy: 0, model: lossModel(3, 2, 1, 20, 2) });
      w.postMessage({ type: 'run', strategy: 0, replication: 0, seed: 1 });
      await result;
      expect(answers.at(-1)).toMatchObject({ type: 'result', strategy: 0, replication: 0 });
      const second = warm.take()!.worker;
      expect(second).not.toBe(w);
      const exited = once(second, 'exit');
      await second.terminate();
      await exited;
      expect(warm.take()).toBeUndefined();
    } finally {
      await w.terminate();
    }
    const spare = new WarmWorkers(defaultWorkerFile(), 1, undefined, false);
    const stopped = new Promise<number>((resolve) => {
      // Reach the spare's Worker through take's absence: close() must end it, which 'exit' shows.
      const inner = (spare as unknown as { spare: { worker: Worker }[] }).spare[0].worker;
      inner.once('exit', resolve);
    });
    spare.close();
    expect(typeof (await stopped)).toBe('number');
    expect(spare.take()).toBeUndefined();
  });

  it('take() skips a Worker that died before it was taken (a broken bundle)', async () => {
    const warm = new WarmWorkers(broken, 1, undefined, false);
    const inner = (warm as unknown as { spare: { worker: Worker }[] }).spare[0].worker;
    // events.once would reject on the 'error' that comes first: wait for 'exit' alone.
    await new Promise((resolve) => inner.once('exit', resolve));
    expect(warm.take()).toBeUndefined();
  });
});

describe('runScenarioDetailed(loaded, { warm })', () => {
  it('runs on the workers started ahead, to the same results, and stops the ones it did not need', async () => {
    const sc = twoStrategies(3);
    const plain = await runScenario(sc, { workers: 2 });
    const warm = startWorkers({ workers: 3, reps: 3 })!;
    const spare = (warm as unknown as { spare: { worker: Worker }[] }).spare.map((w) => w.worker);
    expect(spare).toHaveLength(3);
    const exits = spare.map((w) => new Promise((resolve) => w.once('exit', resolve)));
    const take = warm.take.bind(warm);
    const taken: Worker[] = [];
    warm.take = () => {
      const t = take();
      if (t) taken.push(t.worker);
      return t;
    };
    const run = await runScenarioDetailed(sc, { workers: 2, warm });
    expect(comparable(run.results)).toBe(comparable(plain));
    // Two were taken by the run (and stopped when it ended), the third stopped unused.
    expect(taken).toEqual(spare.slice(0, 2));
    expect(take()).toBeUndefined();
    await Promise.all(exits);
  });
});
