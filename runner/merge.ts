/**
 * Shard files and their merge. A shard's output is a normal results file (the summary of
 * its own replications) plus `shard` and `replications_raw`: every finished replication of
 * every strategy, as the engine returned it (NaN and Infinity as strings). Merging
 * re-summarises all raw replications in index order, which is exactly what a single run
 * does, so the merged file equals the single-run file byte for byte (apart from `run`).
 */
import { readFileSync } from 'node:fs';
import { withRunWarnings } from '../engine/run-warnings.js';
import { summarise } from '../engine/summarise.js';
import type { ReplicationResult } from '../engine/result.js';
import type { Results } from '../engine/results.js';
import { encode, revive } from './codec.js';
import type { RunOutcome } from './run-scenario.js';

export interface ShardResults extends Results {
  shard: { index: number; count: number };
  replications_raw: Record<string, ReplicationResult[]>;
}

export class MergeError extends Error {
  readonly code = 'MERGE_INVALID';
}

/** The text of a shard output file. */
export function shardFileText(outcome: RunOutcome): string {
  if (!outcome.shard) throw new MergeError('not a sharded run');
  const doc: ShardResults = { ...outcome.results, shard: { ...outcome.shard }, replications_raw: outcome.raw };
  return `${encode(doc)}\n`;
}

export function readShard(file: string): ShardResults {
  let doc: ShardResults;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8')) as ShardResults;
  } catch (err) {
    throw new MergeError(`${file}: cannot read a results file (${err instanceof Error ? err.message : String(err)})`);
  }
  if (doc.format !== 'caresim-results/1') throw new MergeError(`${file}: not a caresim results file`);
  if (!doc.shard || !doc.replications_raw) {
    throw new MergeError(`${file}: not a shard output (no replications_raw); write shards with caresim run --shard i/n --out FILE`);
  }
  doc.replications_raw = revive<Record<string, ReplicationResult[]>>(doc.replications_raw);
  return doc;
}

/** Combines shard outputs into the results of a single run over all replications. */
export function mergeShards(shards: readonly ShardResults[], files: readonly string[] = []): Results {
  if (shards.length === 0) throw new MergeError('no shard files given');
  const name = (i: number) => files[i] ?? `shard ${i + 1}`;
  const first = shards[0];
  const fields: [string, (s: ShardResults) => unknown][] = [
    ['scenario', (s) => s.scenario.hash], ['seed', (s) => s.seed], ['engine version', (s) => s.engine.version],
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
  const missing = [...Array(count).keys()].filter((i) => !seen.has(i));
  if (missing.length > 0) throw new MergeError(`shards missing: ${missing.map((i) => `${i}/${count}`).join(', ')}`);

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
