/**
 * The merge of shard files (runner/shard-file.ts). Merging re-summarises all raw
 * replications in index order, which is exactly what a single run does, so the merged file
 * equals the single-run file byte for byte (apart from `run`). `mergeShardFiles` does it
 * from the files in bounded memory: shard i of n lists its replications in index order and
 * holds the indices r ≡ i (mod n), so taking, per strategy, the smallest next index over
 * one reader per shard gives the global index order, folded one replication at a time. Nothing in a shard file is
 * taken on trust: its numbers are checked against limits before anything is sized by them,
 * and every replication index is checked against the shard it claims to be (shard i of n
 * holds each r < replications with r ≡ i mod n exactly once, finished or listed as failed),
 * so a relabelled, emptied or doctored shard is refused instead of merged into a result
 * whose `replications` and Stat counts disagree.
 */
import { withRunWarnings, summarise, summariseFolds, StrategyFold, bandPlan, type Results } from '../results/index.js';
import type { ReplicationResult } from '../engine/index.js';
import { readShardHead, shardReplications, type ShardHead } from './shard-stream.js';
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
  if (!isWhole(shard.count, 1, MAX_SHARDS))
    throw new MergeError(`${name}: the shard count must be a whole number from 1 to ${MAX_SHARDS}, got ${JSON.stringify(shard.count)}`);
  if (!isWhole(shard.index, 0, shard.count - 1))
    throw new MergeError(
      `${name}: the shard index must be a whole number from 0 to ${shard.count - 1}, got ${JSON.stringify(shard.index)}`,
    );
  if (!isWhole(s.replications, 1, MAX_REPLICATIONS))
    throw new MergeError(
      `${name}: replications must be a whole number from 1 to ${MAX_REPLICATIONS}, got ${JSON.stringify(s.replications)}`,
    );
  if (!s.strategies || typeof s.strategies !== 'object') throw new MergeError(`${name}: no strategies`);
  for (const key of Object.keys(s.replications_raw)) {
    if (!Object.hasOwn(s.strategies, key)) throw new MergeError(`${name}: replications of a strategy the file does not have (${key})`);
    if (!Array.isArray(s.replications_raw[key])) throw new MergeError(`${name}: the replications of ${key} are not a list`);
  }
  if (s.failures !== undefined && !Array.isArray(s.failures)) throw new MergeError(`${name}: failures is not a list`);
  // Each failure is counted as its replication by checkIndices; one of no known strategy would be counted nowhere.
  (s.failures ?? []).forEach((f, i) => {
    if (!f || typeof f !== 'object' || typeof f.strategy !== 'string')
      throw new MergeError(`${name}: failure ${i + 1} is not a failed replication (${String(JSON.stringify(f)).slice(0, 80)})`);
    if (!Object.hasOwn(s.strategies, f.strategy))
      throw new MergeError(`${name}: failure ${i + 1} names a strategy the file does not have (${f.strategy})`);
  });
}

const list = (xs: number[]) => `${xs.slice(0, SHOWN).join(', ')}${xs.length > SHOWN ? ` and ${xs.length - SHOWN} more` : ''}`;

/** Every index of the claimed shard once, finished or failed; nothing else. `indicesOf` gives a strategy's finished ones. */
function checkIndices(s: ShardResults, name: string, indicesOf: (strategy: string) => Iterable<unknown>): void {
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
    for (const r of indicesOf(strategy)) note(r);
    for (const f of s.failures ?? []) if (f && f.strategy === strategy) note(f.replication);
    if (stray.length > 0)
      throw new MergeError(
        `${name} claims to be shard ${label} of ${s.replications} replications, but holds replication(s) ${list(stray)} of ${strategy}, which do not belong to it`,
      );
    if (twice.length > 0) throw new MergeError(`${name}: replication(s) ${list(twice)} of ${strategy} appear more than once`);
    if (seen.size !== expected) {
      const missing: number[] = [];
      for (let r = index; r < s.replications && missing.length <= SHOWN; r += count) if (!seen.has(r)) missing.push(r);
      throw new MergeError(
        `${name} claims to be shard ${label} of ${s.replications} replications, but lacks ${expected - seen.size} of ${strategy} (replication(s) ${list(missing)}${expected - seen.size > missing.length ? ', ...' : ''})`,
      );
    }
  }
}

const indexOf = (rep: unknown) => (rep && typeof rep === 'object' ? (rep as { replication?: unknown }).replication : undefined);

/** Combines shard outputs into the results of a single run over all replications. */
export function mergeShards(shards: readonly ShardResults[], files: readonly string[] = []): Results {
  checkShards(shards, files, (s, strategy) => (s.replications_raw[strategy] ?? []).map(indexOf));
  const first = shards[0];
  const names = Object.keys(first.strategies);
  return withDraws(
    first,
    withRunWarnings(
      summarise(
        names.map((n) => {
          const st = first.strategies[n];
          return {
            name: n,
            description: st.description,
            set: st.set,
            sweep: st.sweep,
            changes: st.changes,
            reps: shards.flatMap((s) => s.replications_raw[n] ?? []).sort((a, b) => a.replication - b.replication),
          };
        }),
        mergedMeta(shards),
      ),
      // Every shard ran the same scenario (checkShards): its warnings are the first's.
      first.scenario_warnings ?? [],
    ),
    shards,
  );
}

/**
 * As `mergeShards`, from the shard files, holding one replication per shard at a time;
 * `onReplication` hears each one, per strategy in index order (for --per-rep CSV).
 */
export async function mergeShardFiles(
  files: readonly string[],
  onReplication?: (strategy: string, rep: ReplicationResult) => void,
): Promise<Results> {
  const heads: ShardHead[] = [];
  for (const file of files) heads.push(await readShardHead(file));
  const shards = heads.map((h) => h.doc);
  checkShards(shards, files, (s, strategy) => heads[shards.indexOf(s)].indices.get(strategy) ?? []);
  const names = Object.keys(shards[0].strategies);
  for (const h of heads) {
    // The readers below go through each file once, strategy after strategy, each in index order.
    const order = h.order.map((n) => names.indexOf(n));
    if (order.some((o, i) => i > 0 && o <= order[i - 1]))
      throw new MergeError(`${h.file}: replications_raw does not list the strategies in the order of strategies`);
    for (const [strategy, list] of h.indices) {
      if (list.some((r, i) => i > 0 && Number(r) <= Number(list[i - 1])))
        throw new MergeError(`${h.file}: the replications of ${strategy} are not in index order`);
    }
  }
  const readers = heads.map((h) => shardReplications(h));
  const next = await Promise.all(readers.map((r) => r.next()));
  // The plan of the run the shards came from: every index it was asked for, failed ones included (runner/ledger.ts).
  const failedOf = (name: string) => shards.flatMap((s) => (s.failures ?? []).filter((f) => f.strategy === name).map((f) => f.replication));
  const folds = names.map(
    (name) =>
      new StrategyFold(
        planOf(
          heads.flatMap((h) => (h.indices.get(name) ?? []).map(Number)),
          failedOf(name),
        ),
      ),
  );
  for (const [s, name] of names.entries()) {
    for (;;) {
      // The smallest next index of this strategy over the shards: global index order.
      let pick = -1;
      next.forEach((h, i) => {
        if (h.done || h.value.strategy !== name) return;
        if (pick < 0 || h.value.rep.replication < (next[pick].value as { rep: ReplicationResult }).rep.replication) pick = i;
      });
      if (pick < 0) break;
      const { rep } = next[pick].value as { rep: ReplicationResult };
      folds[s].add(rep);
      onReplication?.(name, rep);
      next[pick] = await readers[pick].next();
    }
  }
  const first = shards[0];
  return withDraws(
    first,
    withRunWarnings(
      summariseFolds(
        names.map((n, s) => ({
          name: n,
          description: first.strategies[n].description,
          set: first.strategies[n].set,
          sweep: first.strategies[n].sweep,
          changes: first.strategies[n].changes,
          fold: folds[s],
        })),
        mergedMeta(shards),
      ),
      // Every shard ran the same scenario (checkShards): its warnings are the first's.
      first.scenario_warnings ?? [],
    ),
    shards,
  );
}

/** The band plan of the replications a merge folds and the run's failed ones (none if an index repeats: the fold then keeps every sampled value). */
function planOf(indices: readonly number[], failed: readonly number[]) {
  const set = new Set(indices);
  if (set.size !== indices.length) return undefined;
  for (const i of failed) set.add(i);
  return bandPlan(set);
}

/** Every shard holds the draws of all replications (they depend on the seed alone): keep the first's. */
function withDraws(first: ShardResults, r: Results, shards: readonly ShardResults[]): Results {
  if (first.draws) r.draws = { ...first.draws, ...mergedKpis(shards) };
  return r;
}

/** Each shard filled its own replications' baseline KPIs (null elsewhere): one table with every shard's. */
function mergedKpis(shards: readonly ShardResults[]): { kpis?: Record<string, (number | null)[]> } {
  const tables = shards.map((s) => s.draws?.kpis).filter((k) => k !== undefined);
  if (tables.length < shards.length) return {};
  const out: Record<string, (number | null)[]> = {};
  for (const [k, first] of Object.entries(tables[0])) {
    out[k] = first.map((_, r) => tables.map((t) => t[k]?.[r] ?? null).find((v) => v !== null) ?? null);
  }
  return { kpis: out };
}

function mergedMeta(shards: readonly ShardResults[]) {
  const first = shards[0];
  const names = Object.keys(first.strategies);
  const failures = shards
    .flatMap((s) => s.failures ?? [])
    .sort((a, b) => names.indexOf(a.strategy) - names.indexOf(b.strategy) || a.replication - b.replication);
  return {
    scenario: first.scenario,
    engineVersion: first.engine.version,
    seed: first.seed,
    replications: first.replications,
    horizonDays: first.horizon_days,
    warmupDays: first.warmup_days,
    startDate: first.start_date,
    sweep: first.sweep,
    labels: first.labels,
    failures,
  };
}

/** Refuses shards that are not one complete set from one run. */
function checkShards(
  shards: readonly ShardResults[],
  files: readonly string[],
  indicesOf: (s: ShardResults, strategy: string) => Iterable<unknown>,
): void {
  if (shards.length === 0) throw new MergeError('no shard files given');
  const name = (i: number) => files[i] ?? `shard ${i + 1}`;
  shards.forEach((s, i) => checkHeader(s, name(i)));
  const first = shards[0];
  const fields: [string, (s: ShardResults) => unknown][] = [
    ['format', (s) => s.format],
    ['scenario', (s) => s.scenario?.hash],
    ['seed', (s) => s.seed],
    ['engine version', (s) => s.engine?.version],
    ['replications', (s) => s.replications],
    ['shard count', (s) => s.shard.count],
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
    if (seen.has(s.shard.index))
      throw new MergeError(`${name(i)} repeats shard ${s.shard.index}/${count} (also in ${name(seen.get(s.shard.index)!)})`);
    seen.set(s.shard.index, i);
  });
  const missing: number[] = [];
  for (let i = 0; i < count; i++) if (!seen.has(i)) missing.push(i);
  if (missing.length > 0)
    throw new MergeError(
      `shards missing: ${missing
        .slice(0, SHOWN)
        .map((i) => `${i}/${count}`)
        .join(', ')}${missing.length > SHOWN ? ` and ${missing.length - SHOWN} more` : ''}`,
    );
  shards.forEach((s, i) => checkIndices(s, name(i), (strategy) => indicesOf(s, strategy)));
}
