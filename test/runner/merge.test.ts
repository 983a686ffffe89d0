import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { tempDir } from '../temp-dir.js';
import { encode } from '../../runner/codec.js';
import { join } from 'node:path';
import { runScenario, runScenarioDetailed, mergeShards, readShard, writeShardFile, resolveShard, shardIndices, MergeError, ShardError } from '../../runner/index.js';
import { comparable, twoStrategies } from './fixture.js';

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
    expect(shards.map((s) => s.replications_raw.baseline.map((r) => r.replication))).toEqual([[0, 3, 6, 9], [1, 4, 7], [2, 5, 8]]);
    expect(comparable(mergeShards(shards, files))).toBe(comparable(single));
    expect(comparable(mergeShards([shards[2], shards[0], shards[1]]))).toBe(comparable(single));
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
    expect(() => mergeShards([relabelled, other])).toThrow(/claims to be shard 1\/2 of 4 replications, but holds replication\(s\) 0, 2 of baseline/);
    const emptied = { ...b, replications_raw: { baseline: [], 'more-beds': [] } };
    expect(() => mergeShards([a, emptied])).toThrow(/claims to be shard 1\/2 of 4 replications, but lacks 2 of baseline \(replication\(s\) 1, 3\)/);
    const doubled = { ...b, replications_raw: { ...b.replications_raw, baseline: [...b.replications_raw.baseline, b.replications_raw.baseline[0]] } };
    expect(() => mergeShards([a, doubled])).toThrow(/replication\(s\) 1 of baseline appear more than once/);
  });

  it('refuses absurd header numbers before sizing anything by them', async () => {
    const files = await shardFiles(2, 2);
    const [a, b] = await Promise.all(files.map(readShard));
    expect(() => mergeShards([{ ...a, shard: { index: 0, count: 1e9 } }, b])).toThrow(/shard count must be a whole number from 1 to 100000, got 1000000000/);
    expect(() => mergeShards([{ ...a, replications: 1e12 }, b])).toThrow(/replications must be a whole number/);
    expect(() => mergeShards([a, { ...b, shard: { index: 2.5, count: 2 } }])).toThrow(/shard index/);
  });

  it('refuses a failure entry that is not a failed replication of the file (null, another strategy, outside the shard)', async () => {
    const files = await shardFiles(4, 2);
    const [a, b] = await Promise.all(files.map(readShard));
    const forged = (failures: unknown[]) => ({ ...a, failures } as unknown as typeof a);
    expect(() => mergeShards([forged([null]), b], ['a.json', 'b.json'])).toThrow(/a\.json: failure 1 is not a failed replication/);
    expect(() => mergeShards([forged([{ strategy: 'nope', replication: 0, error: 'x' }]), b], ['a.json', 'b.json']))
      .toThrow(/a\.json: failure 1 names a strategy the file does not have \(nope\)/);
    expect(() => mergeShards([forged([{ strategy: 'baseline', replication: 99, error: 'x' }]), b]))
      .toThrow(/holds replication\(s\) 99 of baseline, which do not belong to it/);
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
    await expect(readShard(cut)).rejects.toThrow(/cut\.json: cannot read it as a shard file \(.*\); if it was cut short in copying, copy it again, or rerun that shard/);
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
