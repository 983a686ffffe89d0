/**
 * Shard files: a normal results file (the summary of the shard's own replications) plus
 * `shard` and `replications_raw`, every finished replication of every strategy as the
 * engine returned it (NaN and Infinity as strings, results/codec.ts). Written and read in
 * the line layout (runner/json-lines.ts), one replication a line, so a shard of thousands
 * of replications never has to be one string.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from './atomic.js';
import { writeJsonLines } from './json-lines.js';
import { readJsonFile, resultsLayout } from './results-file.js';
import { fileStart } from './lines.js';
import { decode, isJournalText, revive, type Results } from '../results/index.js';
import type { ReplicationResult } from '../engine/index.js';
import type { Shard } from './shard.js';

export interface ShardResults extends Results {
  shard: Shard;
  replications_raw: Record<string, ReplicationResult[]>;
}

export class MergeError extends Error {
  readonly code = 'MERGE_INVALID';
  override readonly name = 'MergeError';
}

const shardLayout = (path: readonly (string | number)[]) => (path[0] === 'replications_raw' ? path.length < 3 : resultsLayout(path));

/**
 * Writes a shard file; `raw` lists, per strategy, its finished replications in index order
 * (any iterable: each is written as it is reached, so they need not all be in memory).
 */
export function writeShardFile(file: string, results: Results, shard: Shard, raw: Record<string, Iterable<ReplicationResult>>): void {
  const doc = { ...results, shard: { index: shard.index, count: shard.count }, replications_raw: raw };
  writeAtomic(file, (put) => writeJsonLines(doc, put, { open: shardLayout, special: 'string' }));
}

const journalGiven = (file: string) =>
  new MergeError(
    `${file} is the journal of an unfinished run, not a shard file: finish that run with --resume (the same caresim run command), which writes the shard file`,
  );

/** What can be said of a shard file before reading it: a journal, missing, a folder, empty. */
export function checkShardPath(file: string): void {
  if (file.endsWith('.journal.ndjson')) throw journalGiven(file);
  const st = statSync(file, { throwIfNoEntry: false });
  if (!st) throw new MergeError(`${file}: no such file`);
  if (st.isDirectory())
    throw new MergeError(`${file} is a folder, not a shard file: give the shard files themselves (e.g. ${join(file, 'shard-0.json')})`);
  if (st.size === 0)
    throw new MergeError(
      `${file} is empty: its shard did not finish writing, or the copy failed; rerun that shard (caresim run --shard i/n --out FILE --resume) or copy it again`,
    );
  // A journal kept under another name (`--journal`, a copy) is known by its header line.
  if (isJournalText(fileStart(file, 4096))) throw journalGiven(file);
}

/** The reader's failure, in words a user can act on. */
export function unreadableShard(file: string, err: unknown): MergeError {
  return new MergeError(
    `${file}: cannot read it as a shard file (${err instanceof Error ? err.message : String(err)}); if it was cut short in copying, copy it again, or rerun that shard`,
  );
}

/** What the file turned out to be: a shard output, or what else (a journal, a plain results file). */
export function checkShardDoc(file: string, doc: ShardResults): void {
  if (doc && typeof doc === 'object' && 'header' in doc) throw journalGiven(file);
  if (!doc || typeof doc !== 'object' || doc.format !== 'caresim-results/1') throw new MergeError(`${file}: not a caresim results file`);
  if (!doc.shard || typeof doc.shard !== 'object' || !doc.replications_raw || typeof doc.replications_raw !== 'object') {
    throw new MergeError(`${file}: not a shard output (no replications_raw); write shards with caresim run --shard i/n --out FILE`);
  }
}

/** Reads a shard file: the replications line by line, NaN and Infinity restored in them. */
export async function readShard(file: string): Promise<ShardResults> {
  checkShardPath(file);
  let doc: ShardResults;
  try {
    const read = await readJsonFile(file, { parser: (path) => (path[0] === 'replications_raw' ? decode : undefined) });
    doc = read.value as ShardResults;
    if (read.whole && doc && typeof doc === 'object' && doc.replications_raw) doc.replications_raw = revive(doc.replications_raw);
  } catch (err) {
    throw unreadableShard(file, err);
  }
  checkShardDoc(file, doc);
  return doc;
}
