/**
 * Sharding across machines: shard i of n runs the replications whose index r satisfies
 * r ≡ i (mod n). The index comes from `--shard i/n`, or from the array-job index the
 * scheduler sets (Kubernetes Indexed Job: JOB_COMPLETION_INDEX; Slurm job array:
 * SLURM_ARRAY_TASK_ID) together with `--shards n`.
 */
export interface Shard {
  index: number;
  count: number;
}

export class ShardError extends Error {
  readonly code = 'BAD_SHARD';
  override readonly name = 'ShardError';
}

/** More shards than any cluster run needs; a larger count is a typo or a forged file. */
export const MAX_SHARDS = 100_000;

const INDEX_VARS = ['JOB_COMPLETION_INDEX', 'SLURM_ARRAY_TASK_ID'] as const;

/** Shard `index` of `count`, both whole and in range; `source` names where they came from. */
export function checkShard(index: number, count: number, source: string): Shard {
  if (!Number.isInteger(count) || count < 1) throw new ShardError(`${source}: the shard count must be a whole number >= 1, got ${count}`);
  if (count > MAX_SHARDS) throw new ShardError(`${source}: at most ${MAX_SHARDS} shards, got ${count}`);
  if (!Number.isInteger(index) || index < 0 || index >= count) {
    throw new ShardError(`${source}: the shard index must be a whole number from 0 to ${count - 1}, got ${index}`);
  }
  return { index, count };
}

/** `--shard i/n` (or `i` with `count`), else an index from the environment with `count`. */
export function resolveShard(spec: string | undefined, count: number | undefined, env: Record<string, string | undefined>): Shard | null {
  if (spec !== undefined) {
    const m = /^\s*(\d+)\s*(?:\/\s*(\d+)\s*)?$/.exec(spec);
    if (!m) throw new ShardError(`--shard: expected i/n (e.g. 0/4), got "${spec}"`);
    const n = m[2] !== undefined ? Number(m[2]) : count;
    if (n === undefined) throw new ShardError(`--shard ${spec}: give the shard count too, as --shard ${spec}/n or --shards n`);
    return checkShard(Number(m[1]), n, '--shard');
  }
  if (count === undefined) return null;
  for (const name of INDEX_VARS) {
    const v = env[name];
    if (v !== undefined && v !== '') {
      if (!/^\d+$/.test(v.trim())) throw new ShardError(`${name}="${v}" is not a shard index`);
      return checkShard(Number(v), count, name);
    }
  }
  throw new ShardError(`--shards ${count}: no shard index; use --shard i/${count} or set JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID`);
}

export const shardLabel = (s: Shard) => `${s.index}/${s.count}`;

/** The replication indices 0..reps-1 that belong to the shard (all of them without one). */
export function shardIndices(reps: number, shard: Shard | null): number[] {
  const out: number[] = [];
  for (let r = 0; r < reps; r++) if (!shard || r % shard.count === shard.index) out.push(r);
  return out;
}
