import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { runTasks, type Task } from '../../runner/pool.js';
import { lossModel } from './fixture.js';

const crashing = fileURLToPath(new URL('./fixtures/crashing-worker.mjs', import.meta.url));

describe('runTasks(tasks, { workers, workerFile })', () => {
  it('survives crashing and out-of-memory workers, retrying each failed task once', async () => {
    const tasks: Task[] = [0, 1, 2, 3, 4, 5, 6, 7].map((r) => ({ strategy: 0, replication: r }));
    const done: number[] = [];
    const failed: { replication: number; error: string }[] = [];
    const interrupted = await runTasks(tasks, {
      workers: 2,
      workerFile: crashing,
      seed: 1,
      models: [lossModel(1, 1, 1)],
      maxMemoryMb: 24,
      onResult: (t) => done.push(t.replication),
      onFailure: (t, error) => failed.push({ replication: t.replication, error }),
    });
    expect(interrupted).toBe(false);
    expect(done.sort((a, b) => a - b)).toEqual([0, 1, 5, 6, 7]);
    failed.sort((a, b) => a.replication - b.replication);
    expect(failed.map((f) => f.replication)).toEqual([2, 3, 4]);
    expect(failed[0].error).toMatch(/exited with code 7/);
    expect(failed[1].error).toMatch(/OUT_OF_MEMORY|memory/i);
    expect(failed[2].error).toBe('Error: boom');
  });

  it('stops dispatching when the signal aborts', async () => {
    const tasks: Task[] = Array.from({ length: 40 }, (_, r) => ({ strategy: 0, replication: r }));
    const ctl = new AbortController();
    let done = 0;
    const interrupted = await runTasks(tasks, {
      workers: 1,
      workerFile: crashing,
      seed: 1,
      models: [lossModel(1, 1, 1)],
      signal: ctl.signal,
      onResult: () => {
        if (++done === 1) ctl.abort();
      },
      onFailure: () => {},
    });
    expect(interrupted).toBe(true);
    expect(done).toBeLessThan(5);
  });
});

describe('runTasks(tasks) with a worker that cannot start', () => {
  it('fails every task instead of replacing workers forever', async () => {
    const broken = fileURLToPath(new URL('./fixtures/broken-worker.mjs', import.meta.url));
    const tasks: Task[] = Array.from({ length: 50 }, (_, r) => ({ strategy: 0, replication: r }));
    const failed: string[] = [];
    await runTasks(tasks, {
      workers: 2,
      workerFile: broken,
      seed: 1,
      models: [lossModel(1, 1, 1)],
      onResult: () => {
        throw new Error('no result expected');
      },
      onFailure: (_t, error) => failed.push(error),
    });
    expect(failed).toHaveLength(50);
    expect(failed.at(-1)).toMatch(/broken bundle/);
  });
});

describe('runTasks(tasks) when a result cannot be kept', () => {
  it('rejects with the error of the callback', async () => {
    const tasks: Task[] = [0, 1].map((r) => ({ strategy: 0, replication: r }));
    await expect(
      runTasks(tasks, {
        workers: 1,
        workerFile: crashing,
        seed: 1,
        models: [lossModel(1, 1, 1)],
        onResult: () => {
          throw new Error('ENOSPC: no space left on device');
        },
        onFailure: () => {},
      }),
    ).rejects.toThrow(/ENOSPC/);
  });
});
