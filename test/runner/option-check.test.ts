import { describe, expect, it } from 'vitest';
import { availableParallelism } from 'node:os';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runScenario, runScenarioDetailed, OptionError, RunInterruptedError, ShardError, OutputError } from '../../runner/index.js';
import { twoStrategies } from './fixture.js';

const scratch = join('test-artifacts', 'option-check');
const mm1 = join('scenarios', 'library', 'mm1.yaml');

/** The message a run with these options is refused with (it must be refused before any worker starts). */
async function refusal(opts: Record<string, unknown> | null, src: unknown = twoStrategies(4)): Promise<Error> {
  let err: unknown;
  try {
    await runScenario(src as never, opts as never);
  } catch (e) {
    err = e;
  }
  expect(err, JSON.stringify(opts)).toBeInstanceOf(Error);
  return err as Error;
}

describe('runScenario(src, options) refuses what a script got wrong, naming the option', () => {
  it('replications: whole numbers from 1 to 100,000, or auto', async () => {
    for (const reps of [-1, 0, 1.5, Number.NaN, Number.POSITIVE_INFINITY, 'abc', '']) {
      const e = await refusal({ reps, workers: 0 });
      expect(e).toBeInstanceOf(OptionError);
      expect(e.name).toBe('OptionError');
      expect(e.message).toMatch(/^reps: expected a whole number from 1 to 100,000 per strategy/);
    }
    expect((await refusal({ reps: 1e9, workers: 0 })).message).toMatch(/^reps: at most 100,000 per strategy .*got "1000000000"$/);
    expect((await refusal({ reps: '3', workers: 0 })).message).toBe('reps: expected a number, got the text "3"');
    expect((await refusal({ reps: 'auto', maxReps: 5, workers: 0 })).message).toMatch(
      /^maxReps: expected a whole number from 10 to 100,000/,
    );
  });

  it('workers: 0 to 4 per core, a number', async () => {
    const most = 4 * availableParallelism();
    for (const workers of ['x', Number.NaN, -2, 1.5]) {
      expect((await refusal({ workers, reps: 2 })).message).toMatch(
        new RegExp(`^workers: expected a whole number from 0 to ${most} \\(4 per core`),
      );
    }
    expect((await refusal({ workers: most + 1, reps: 2 })).message).toMatch(new RegExp(`^workers: at most ${most} \\(4 per core`));
  });

  it('the seed, the overrides, the shard index, the memory budget, the precision target and the files', async () => {
    for (const seed of [Number.NaN, { a: 1 }, '  '])
      expect((await refusal({ seed, workers: 0 })).message).toMatch(/^seed: expected a number or a word/);
    expect((await refusal({ set: 'a=b', workers: 0 }, mm1)).message).toMatch(/^set: expected a list of PATH=EXPR texts .*got "a=b"$/);
    expect((await refusal({ set: ['units.a.capacity=2', 'oops'], workers: 0 }, mm1)).message).toMatch(/got "oops"$/);
    const shard = await refusal({ shard: { index: 5, count: 2 }, workers: 0 });
    expect(shard).toBeInstanceOf(ShardError);
    // Named for a script's logs (`ShardError: ...`), as OptionError is.
    expect(shard.name).toBe('ShardError');
    expect(shard.message).toBe('shard: the shard index must be a whole number from 0 to 1, got 5');
    expect((await refusal({ maxMemoryMb: -5 })).message).toMatch(/^maxMemoryMb: expected a whole number of at least 16, got "-5"$/);
    expect((await refusal({ precisionTarget: 5, workers: 0 })).message).toMatch(
      /^precisionTarget: expected a relative CI half-width between 0 and 1/,
    );
    expect((await refusal({ journal: 7, workers: 0 })).message).toBe('journal: expected a file path, got "7"');
    expect((await refusal({ workerFile: join(scratch, 'no-such-worker.js') })).message).toMatch(
      /^workerFile: no such file .*no-such-worker\.js/,
    );
  });

  it('the shard as numbers, switches as true or false, callbacks as functions, the signal and warm workers as theirs', async () => {
    for (const shard of [{ index: '1', count: '2' }, { index: null, count: 2 }, 'x']) {
      expect((await refusal({ shard, workers: 0 })).message).toBe(
        `shard: expected { index, count } as numbers (e.g. { index: 0, count: 4 }), got ${JSON.stringify(shard)}`,
      );
    }
    for (const k of ['resume', 'fresh', 'keepRaw', 'holdJournal', 'backgroundCompile']) {
      expect((await refusal({ [k]: 'false', workers: 0 })).message).toBe(`${k}: expected true or false, got "false"`);
    }
    expect((await refusal({ resume: true, fresh: true, workers: 0 })).message).toBe('resume and fresh contradict each other: give one');
    expect((await refusal({ onProgress: 'x', workers: 0 })).message).toBe('onProgress: expected a function, got "x"');
    expect((await refusal({ signal: {}, workers: 0 })).message).toMatch(/^signal: expected an AbortSignal/);
    expect((await refusal({ warm: {}, workers: 0 })).message).toMatch(/^warm: expected workers from startWorkers/);
    expect((await refusal({ set: ['replications=3'], workers: 0 })).message).toMatch(/^set: overrides apply to a scenario file/);
    expect((await refusal({ workerFile: scratch })).message).toMatch(/^workerFile: no such file/);
    await expect(runScenarioDetailed(twoStrategies(4), null as never)).rejects.toThrow(
      new OptionError('options: expected an object, got "null"'),
    );
  });

  it('something that is neither a file path nor a loaded scenario', async () => {
    for (const [src, got] of [
      [{}, 'an object without strategies'],
      [42, '"42"'],
      [null, '"null"'],
      [{ strategies: [{ name: 'a' }] }, 'an object without strategies'],
    ] as const) {
      const e = await refusal({ workers: 0 }, src);
      expect(e).toBeInstanceOf(OptionError);
      expect(e.message).toBe(`expected a scenario file's path or a loaded scenario (loadScenario(file)), got ${got}`);
    }
  });

  it('a journal whose folder would have to be made where a file is', async () => {
    mkdirSync(scratch, { recursive: true });
    const file = join(scratch, 'res.json');
    writeFileSync(file, '{}');
    const e = await refusal({ workers: 0, journal: join(file, 'sub', 'j.ndjson') });
    expect(e).toBeInstanceOf(OutputError);
    expect(e.name).toBe('OutputError');
    expect(e.message).toBe(`cannot write ${join(file, 'sub', 'j.ndjson')}: ${file} is a file, where a folder must be`);
  });

  it('a journal whose folder is a link to a folder that does not exist', async () => {
    mkdirSync(scratch, { recursive: true });
    const link = join(scratch, 'gone');
    rmSync(link, { force: true });
    symlinkSync(join('no-such-folder', 'x'), link);
    const e = await refusal({ workers: 0, journal: join(link, 'j.ndjson') });
    expect(e).toBeInstanceOf(OutputError);
    expect(e.message).toBe(
      `cannot write ${join(link, 'j.ndjson')}: ${link} is a link to ${join('no-such-folder', 'x')}, which does not exist; make that folder or remove the link`,
    );
  });
});

describe('runScenario(src, { signal }) stopped before the end', () => {
  it('rejects with an AbortError saying how many finished, where runScenarioDetailed says interrupted', async () => {
    const signal = AbortSignal.abort();
    const e = await refusal({ workers: 0, signal });
    expect(e).toBeInstanceOf(RunInterruptedError);
    expect(e.name).toBe('AbortError');
    expect(e.message).toBe(
      'the run was interrupted after 0 finished replication(s); without a journal they are not kept (runScenarioDetailed returns them, with interrupted: true)',
    );
    const detailed = await runScenarioDetailed(twoStrategies(4), { workers: 0, signal });
    expect(detailed.interrupted).toBe(true);
    expect(detailed.finished).toBe(0);
  });
});

describe('a `set` text may have spaces around its `=`, as the scenario reader of overrides allows', () => {
  it('runScenario takes `PATH = EXPR` and applies it as `PATH=EXPR` (the same results), and still refuses a text without `=`', async () => {
    const opts = { reps: 2, workers: 0, seed: 3 };
    const spaced = await runScenario(mm1, { ...opts, set: ['units.server.capacity = 2'] });
    const tight = await runScenario(mm1, { ...opts, set: ['units.server.capacity=2'] });
    const plain = await runScenario(mm1, opts);
    const occupancy = (r: typeof plain) => r.strategies.baseline.units.server.occupancy_mean!.mean;
    expect(occupancy(spaced)).toBe(occupancy(tight));
    expect(occupancy(spaced)).not.toBe(occupancy(plain));
    expect((await refusal({ set: ['units.server capacity 2'], workers: 0 }, mm1)).message).toMatch(/got "units.server capacity 2"$/);
  });
});
