import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { mergeShardFiles } from '../../runner/merge.js';
import { tempDir } from '../temp-dir.js';
import { encode } from '../../results/index.js';
import { join } from 'node:path';
import {
  runScenario,
  runScenarioDetailed,
  mergeShards,
  readShard,
  writeShardFile,
  resolveShard,
  shardIndices,
  MergeError,
  ShardError,
} from '../../runner/index.js';
import { comparable, lossModel, scenario, strategy, twoStrategies } from './fixture.js';

async function shardFiles(reps: number, count: number, seed = 2027): Promise<string[]> {
  const dir = tempDir('shards');
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const outcome = await runScenarioDetailed(twoStrategies(reps, seed), { workers: 1, shard: { index: i, count } });
    const file = join(dir, `shard-${i}.json`);
    writeShardFile(file, outcome.results, outcome.shard!, outcome.raw);
    files.push(file);
  }
  return files;
}

describe('mergeShards(shards)', () => {
  it('merges shards 0/3, 1/3 and 2/3 into exactly the single run', async () => {
    const single = await runScenario(twoStrategies(10), { workers: 2 });
    const files = await shardFiles(10, 3);
    const shards = await Promise.all(files.map(readShard));
    expect(shards.map((s) => s.replications_raw.baseline.map((r) => r.replication))).toEqual([
      [0, 3, 6, 9],
      [1, 4, 7],
      [2, 5, 8],
    ]);
    expect(comparable(mergeShards(shards, files))).toBe(comparable(single));
    expect(comparable(mergeShards([shards[2], shards[0], shards[1]]))).toBe(comparable(single));
    // The pathway's flows are part of what merges to the bit (turned away included: a loss model).
    const flows = mergeShards(shards).strategies.baseline.flows!;
    expect(flows.map((f) => `${f.from}->${f.to}`)).toContain('unit:acute->lost:turned_away');
    expect(flows).toEqual(single.strategies.baseline.flows);
  });

  it('refuses missing, repeated or foreign shards', async () => {
    const files = await shardFiles(4, 2);
    const [a, b] = await Promise.all(files.map(readShard));
    expect(() => mergeShards([a])).toThrow(/missing: 1\/2/);
    expect(() => mergeShards([a, a])).toThrow(/repeats shard 0\/2/);
    const [c] = await Promise.all((await shardFiles(4, 2, 99)).map(readShard));
    expect(() => mergeShards([c, b])).toThrow(MergeError);
    expect(() => mergeShards([c, b])).toThrow(/seed differs/);
  });
});

describe('resolveShard(spec, count, env)', () => {
  it('reads i/n, or the index from Kubernetes or Slurm with a count', () => {
    expect(resolveShard('1/3', undefined, {})).toEqual({ index: 1, count: 3 });
    expect(resolveShard('2', 4, {})).toEqual({ index: 2, count: 4 });
    expect(resolveShard(undefined, 5, { JOB_COMPLETION_INDEX: '4' })).toEqual({ index: 4, count: 5 });
    expect(resolveShard(undefined, 5, { SLURM_ARRAY_TASK_ID: '0' })).toEqual({ index: 0, count: 5 });
    expect(resolveShard(undefined, undefined, { SLURM_ARRAY_TASK_ID: '0' })).toBeNull();
  });
  it('rejects impossible shards with a clear message', () => {
    expect(() => resolveShard('3/3', undefined, {})).toThrow(/from 0 to 2/);
    expect(() => resolveShard('a/b', undefined, {})).toThrow(ShardError);
    expect(() => resolveShard('1', undefined, {})).toThrow(/shard count/);
    expect(() => resolveShard(undefined, 3, {})).toThrow(/JOB_COMPLETION_INDEX/);
    expect(() => resolveShard(undefined, 0, { JOB_COMPLETION_INDEX: '0' })).toThrow(/>= 1/);
    expect(() => resolveShard('0/1000000000', undefined, {})).toThrow(/at most 100000 shards/);
  });
});

describe('shardIndices(reps, shard)', () => {
  it('partitions the replications', () => {
    const all = [0, 1, 2].flatMap((i) => shardIndices(11, { index: i, count: 3 })).sort((x, y) => x - y);
    expect(all).toEqual(shardIndices(11, null));
    expect(shardIndices(5, { index: 1, count: 2 })).toEqual([1, 3]);
  });
});

describe('runScenario(loaded, { reps: "auto", shard })', () => {
  it('refuses to shard an auto run', async () => {
    await expect(runScenario(twoStrategies('auto'), { workers: 0, shard: { index: 0, count: 2 } })).rejects.toBeInstanceOf(ShardError);
  });
});

describe('mergeShards(shards) on doctored shard files', () => {
  it('refuses a relabelled shard and an emptied one, naming the indices', async () => {
    const files = await shardFiles(4, 2);
    const [a, b] = await Promise.all(files.map(readShard));
    const relabelled = { ...a, shard: { index: 1, count: 2 } };
    const other = { ...b, shard: { index: 0, count: 2 } };
    expect(() => mergeShards([relabelled, other])).toThrow(MergeError);
    expect(() => mergeShards([relabelled, other])).toThrow(
      /claims to be shard 1\/2 of 4 replications, but holds replication\(s\) 0, 2 of baseline/,
    );
    const emptied = { ...b, replications_raw: { baseline: [], 'more-beds': [] } };
    expect(() => mergeShards([a, emptied])).toThrow(
      /claims to be shard 1\/2 of 4 replications, but lacks 2 of baseline \(replication\(s\) 1, 3\)/,
    );
    const doubled = {
      ...b,
      replications_raw: { ...b.replications_raw, baseline: [...b.replications_raw.baseline, b.replications_raw.baseline[0]] },
    };
    expect(() => mergeShards([a, doubled])).toThrow(/replication\(s\) 1 of baseline appear more than once/);
  });

  it('refuses absurd header numbers before sizing anything by them', async () => {
    const files = await shardFiles(2, 2);
    const [a, b] = await Promise.all(files.map(readShard));
    expect(() => mergeShards([{ ...a, shard: { index: 0, count: 1e9 } }, b])).toThrow(
      /shard count must be a whole number from 1 to 100000, got 1000000000/,
    );
    expect(() => mergeShards([{ ...a, replications: 1e12 }, b])).toThrow(/replications must be a whole number/);
    expect(() => mergeShards([a, { ...b, shard: { index: 2.5, count: 2 } }])).toThrow(/shard index/);
  });

  it('refuses a failure entry that is not a failed replication of the file (null, another strategy, outside the shard)', async () => {
    const files = await shardFiles(4, 2);
    const [a, b] = await Promise.all(files.map(readShard));
    const forged = (failures: unknown[]) => ({ ...a, failures }) as unknown as typeof a;
    expect(() => mergeShards([forged([null]), b], ['a.json', 'b.json'])).toThrow(/a\.json: failure 1 is not a failed replication/);
    expect(() => mergeShards([forged([{ strategy: 'nope', replication: 0, error: 'x' }]), b], ['a.json', 'b.json'])).toThrow(
      /a\.json: failure 1 names a strategy the file does not have \(nope\)/,
    );
    expect(() => mergeShards([forged([{ strategy: 'baseline', replication: 99, error: 'x' }]), b])).toThrow(
      /holds replication\(s\) 99 of baseline, which do not belong to it/,
    );
  });

  it('readShard(file) names an empty file, a folder, a missing file and a cut-short one plainly, with what to do', async () => {
    const [a] = await shardFiles(2, 2);
    const dir = tempDir('shards');
    const empty = join(dir, 'empty.json');
    writeFileSync(empty, '');
    await expect(readShard(empty)).rejects.toThrow(/empty\.json is empty: .*rerun that shard/);
    await expect(readShard(dir)).rejects.toThrow(/is a folder, not a shard file/);
    await expect(readShard(join(dir, 'none.json'))).rejects.toThrow(/none\.json: no such file$/);
    const cut = join(dir, 'cut.json');
    writeFileSync(cut, readFileSync(a, 'utf8').slice(0, 3000));
    await expect(readShard(cut)).rejects.toThrow(
      /cut\.json: cannot read it as a shard file \(.*\); if it was cut short in copying, copy it again, or rerun that shard/,
    );
  });

  it('reads a shard file written on one line by an earlier caresim, and refuses a non-shard file', async () => {
    const files = await shardFiles(4, 2);
    const [a, b] = await Promise.all(files.map(readShard));
    const oneLine = join(tempDir('shards'), 'one-line.json');
    writeFileSync(oneLine, `${encode(b)}\n`);
    const again = await readShard(oneLine);
    expect(comparable(mergeShards([a, again]))).toBe(comparable(mergeShards([a, b])));
    writeFileSync(oneLine, `${JSON.stringify({ format: 'caresim-results/1' })}\n`);
    await expect(readShard(oneLine)).rejects.toThrow(/not a shard output/);
  });
});

describe('mergeShardFiles(files, onReplication)', () => {
  it('gives exactly mergeShards of the files read whole, and hears each replication per strategy in index order', async () => {
    const files = await shardFiles(10, 3);
    const shards = await Promise.all(files.map(readShard));
    const heard: string[] = [];
    const merged = await mergeShardFiles([files[1], files[2], files[0]], (s, rep) => heard.push(`${s}:${rep.replication}`));
    expect(comparable(merged)).toBe(comparable(mergeShards(shards, files)));
    const order = Array.from({ length: 10 }, (_, r) => r);
    expect(heard).toEqual([...order.map((r) => `baseline:${r}`), ...order.map((r) => `more-beds:${r}`)]);
  });

  it('reads a file in another layout whole, in any order, as mergeShards does', async () => {
    const files = await shardFiles(6, 2);
    const [a, b] = await Promise.all(files.map(readShard));
    const oneLine = join(tempDir('shards'), 'one-line-reversed.json');
    writeFileSync(
      oneLine,
      `${encode({ ...b, replications_raw: { baseline: [...b.replications_raw.baseline].reverse(), 'more-beds': b.replications_raw['more-beds'] } })}\n`,
    );
    expect(comparable(await mergeShardFiles([files[0], oneLine]))).toBe(comparable(mergeShards([a, b])));
  });

  it('refuses a shard file whose replications are not in index order', async () => {
    const files = await shardFiles(6, 2);
    const text = readFileSync(files[0], 'utf8');
    const swapped = text.replace(/\n("baseline":\[\n)(\{[^\n]*\n),(\{[^\n]*\n)/, (_, open, a, b) => `\n${open}${b},${a}`);
    expect(swapped).not.toBe(text);
    writeFileSync(files[0], swapped);
    await expect(mergeShardFiles(files)).rejects.toThrow(MergeError);
    await expect(mergeShardFiles(files)).rejects.toThrow(/baseline are not in index order/);
  });

  it("holds one replication per shard at a time, not the shards' replications", async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const heap = () => {
      gc();
      gc();
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    // 2,000 days of daily series: about 64 KB a replication, some 100 MB in the two files.
    const sc = scenario([strategy('baseline', lossModel(2, 0.5, 1, 2000, 0))], 1600);
    const dir = tempDir('merge-memory');
    const files: string[] = [];
    for (let i = 0; i < 2; i++) {
      const outcome = await runScenarioDetailed(sc, { workers: 0, shard: { index: i, count: 2 } });
      files.push(join(dir, `big-${i}.json`));
      writeShardFile(files[i], outcome.results, outcome.shard!, outcome.raw);
    }
    const before = heap();
    const at: Record<number, number> = {};
    let heard = 0;
    const merged = await mergeShardFiles(files, () => {
      if (++heard % 400 === 0) at[heard] = heap() - before;
    });
    expect(heard).toBe(1600);
    expect(Object.values(merged.strategies.baseline.kpis)[0].n).toBeGreaterThan(0);
    // Holding the shards' replications would be some 100 MB. What stays: the readers' buffers
    // (4 MB each), the daily band estimators, and a few numbers a replication.
    expect(Math.max(...Object.values(at))).toBeLessThan(40 * 1024 * 1024);
    expect(at[1600] - at[400]).toBeLessThan(4 * 1024 * 1024);
  }, 600_000);
});
