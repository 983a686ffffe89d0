/**
 * The merge of shard files (runner/shard-file.ts). Merging re-summarises all raw
 * replications in index order, which is exactly what a single run does, so the merged file
 * equals the single-run file byte for byte (apart from `run`). Nothing in a shard file is
 * taken on trust: its numbers are checked against limits before anything is sized by them,
 * and every replication index is checked against the shard it claims to be (shard i of n
 * holds each r < replications with r ≡ i mod n exactly once, finished or listed as failed),
 * so a relabelled, emptied or doctored shard is refused instead of merged into a result
 * whose `replications` and Stat counts disagree.
 */
import { withRunWarnings } from '../engine/run-warnings.js';
import { summarise } from '../engine/summarise.js';
import type { Results } from '../engine/results.js';
import { MAX_SHARDS } from './shard.js';
import { MergeError, type ShardResults } from './shard-file.js';

export { MergeError, readShard, writeShardFile, type ShardResults } from './shard-file.js';

/** More replications than any run can have (the runner's own limit is far lower). */
const MAX_REPLICATIONS = 1e9;
/** How many missing or stray indices a message lists. */
const SHOWN = 5;

const isWhole = (v: unknown, min: number, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** The header numbers, before anything is allocated or counted by them. */
function checkHeader(s: ShardResults, name: string): void {
  const { shard } = s;
  if (!isWhole(shard.count, 1, MAX_SHARDS)) throw new MergeError(`${name}: the shard count must be a whole number from 1 to ${MAX_SHARDS}, got ${JSON.stringify(shard.count)}`);
  if (!isWhole(shard.index, 0, shard.count - 1)) throw new MergeError(`${name}: the shard index must be a whole number from 0 to ${shard.count - 1}, got ${JSON.stringify(shard.index)}`);
  if (!isWhole(s.replications, 1, MAX_REPLICATIONS)) throw new MergeError(`${name}: replications must be a whole number from 1 to ${MAX_REPLICATIONS}, got ${JSON.stringify(s.replications)}`);
  if (!s.strategies || typeof s.strategies !== 'object') throw new MergeError(`${name}: no strategies`);
  for (const key of Object.keys(s.replications_raw)) {
    if (!Object.hasOwn(s.strategies, key)) throw new MergeError(`${name}: replications of a strategy the file does not have (${key})`);
    if (!Array.isArray(s.replications_raw[key])) throw new MergeError(`${name}: the replications of ${key} are not a list`);
  }
  if (s.failures !== undefined && !Array.isArray(s.failures)) throw new MergeError(`${name}: failures is not a list`);
  // Each failure is counted as its replication by checkIndices; one of no known strategy would be counted nowhere.
  (s.failures ?? []).forEach((f, i) => {
    if (!f || typeof f !== 'object' || typeof f.strategy !== 'string') throw new MergeError(`${name}: failure ${i + 1} is not a failed replication (${String(JSON.stringify(f)).slice(0, 80)})`);
    if (!Object.hasOwn(s.strategies, f.strategy)) throw new MergeError(`${name}: failure ${i + 1} names a strategy the file does not have (${f.strategy})`);
  });
}

const list = (xs: number[]) => `${xs.slice(0, SHOWN).join(', ')}${xs.length > SHOWN ? ` and ${xs.length - SHOWN} more` : ''}`;

/** Every index of the claimed shard once, finished or failed; nothing else. */
function checkIndices(s: ShardResults, name: string): void {
  const { index, count } = s.shard;
  const label = `${index}/${count}`;
  // How many indices r < replications have r mod count = index.
  const expected = index < s.replications ? Math.floor((s.replications - 1 - index) / count) + 1 : 0;
  for (const strategy of Object.keys(s.strategies)) {
    const seen = new Set<number>();
    const stray: number[] = [];
    const twice: number[] = [];
    const note = (r: unknown) => {
      if (!isWhole(r, 0, s.replications - 1) || r % count !== index) stray.push(Number(r));
      else if (seen.has(r)) twice.push(r);
      else seen.add(r);
    };
    for (const rep of s.replications_raw[strategy] ?? []) note(rep && typeof rep === 'object' ? rep.replication : undefined);
    for (const f of s.failures ?? []) if (f && f.strategy === strategy) note(f.replication);
    if (stray.length > 0) throw new MergeError(`${name} claims to be shard ${label} of ${s.replications} replications, but holds replication(s) ${list(stray)} of ${strategy}, which do not belong to it`);
    if (twice.length > 0) throw new MergeError(`${name}: replication(s) ${list(twice)} of ${strategy} appear more than once`);
    if (seen.size !== expected) {
      const missing: number[] = [];
      for (let r = index; r < s.replications && missing.length <= SHOWN; r += count) if (!seen.has(r)) missing.push(r);
      throw new MergeError(`${name} claims to be shard ${label} of ${s.replications} replications, but lacks ${expected - seen.size} of ${strategy} (replication(s) ${list(missing)}${expected - seen.size > missing.length ? ', ...' : ''})`);
    }
  }
}

/** Combines shard outputs into the results of a single run over all replications. */
export function mergeShards(shards: readonly ShardResults[], files: readonly string[] = []): Results {
  if (shards.length === 0) throw new MergeError('no shard files given');
  const name = (i: number) => files[i] ?? `shard ${i + 1}`;
  shards.forEach((s, i) => checkHeader(s, name(i)));
  const first = shards[0];
  const fields: [string, (s: ShardResults) => unknown][] = [
    ['format', (s) => s.format], ['scenario', (s) => s.scenario?.hash], ['seed', (s) => s.seed], ['engine version', (s) => s.engine?.version],
    ['replications', (s) => s.replications], ['shard count', (s) => s.shard.count],
    ['strategies', (s) => Object.keys(s.strategies).join(',')],
  ];
  shards.forEach((s, i) => {
    for (const [what, get] of fields) {
      if (JSON.stringify(get(s)) !== JSON.stringify(get(first))) {
        throw new MergeError(`${name(i)} and ${name(0)} come from different runs: the ${what} differs`);
      }
    }
  });
  const count = first.shard.count;
  const seen = new Map<number, number>();
  shards.forEach((s, i) => {
    if (seen.has(s.shard.index)) throw new MergeError(`${name(i)} repeats shard ${s.shard.index}/${count} (also in ${name(seen.get(s.shard.index)!)})`);
    seen.set(s.shard.index, i);
  });
  const missing: number[] = [];
  for (let i = 0; i < count; i++) if (!seen.has(i)) missing.push(i);
  if (missing.length > 0) throw new MergeError(`shards missing: ${missing.slice(0, SHOWN).map((i) => `${i}/${count}`).join(', ')}${missing.length > SHOWN ? ` and ${missing.length - SHOWN} more` : ''}`);
  shards.forEach((s, i) => checkIndices(s, name(i)));

  const names = Object.keys(first.strategies);
  const failures = shards.flatMap((s) => s.failures ?? [])
    .sort((a, b) => names.indexOf(a.strategy) - names.indexOf(b.strategy) || a.replication - b.replication);
  return withRunWarnings(summarise(
    names.map((n) => {
      const st = first.strategies[n];
      return {
        name: n, description: st.description, set: st.set, sweep: st.sweep,
        reps: shards.flatMap((s) => s.replications_raw[n] ?? []).sort((a, b) => a.replication - b.replication),
      };
    }),
    {
      scenario: first.scenario, engineVersion: first.engine.version, seed: first.seed, replications: first.replications,
      horizonDays: first.horizon_days, warmupDays: first.warmup_days, startDate: first.start_date,
      sweep: first.sweep, failures,
    },
  ));
}
