/**
 * Shard files read for a merge without holding their replications: a first pass reads the
 * summary and header and notes each replication's index (the replication itself is
 * dropped as soon as it is parsed); a second pass hands the replications back one at a
 * time, in the order the file lists them, so `caresim merge` holds one replication per
 * shard, not all of them (runner/merge.ts).
 */
import { readLines } from './lines.js';
import { decode, revive } from '../results/index.js';
import { readJsonFile } from './results-file.js';
import { MergeError, checkShardDoc, checkShardPath, unreadableShard, type ShardResults } from './shard-file.js';
import type { ReplicationResult } from '../engine/index.js';

export interface ShardHead {
  file: string;
  /** The file's content; `replications_raw` holds lists only for a file read whole (not in the line layout). */
  doc: ShardResults;
  /** Per strategy, the replication indices in file order (the value as found, checked by the merge). */
  indices: Map<string, unknown[]>;
  /** Per strategy, in file order: the order `replications` yields them in. */
  order: string[];
  /** Read whole: the replications are in `doc` and are not read again. */
  whole: boolean;
}

const indexOf = (rep: unknown) => (rep && typeof rep === 'object' ? (rep as { replication?: unknown }).replication : undefined);

export async function readShardHead(file: string): Promise<ShardHead> {
  checkShardPath(file);
  const indices = new Map<string, unknown[]>();
  const note = (strategy: string, rep: unknown) => {
    let l = indices.get(strategy);
    if (!l) {
      l = [];
      indices.set(strategy, l);
    }
    l.push(indexOf(rep));
  };
  let doc: ShardResults;
  let whole: boolean;
  try {
    const read = await readJsonFile(file, {
      parser: (path) => (path[0] === 'replications_raw' ? decode : undefined),
      take: (path, value) => {
        if (path.length !== 3 || path[0] !== 'replications_raw') return false;
        note(String(path[1]), value);
        return true;
      },
    });
    doc = read.value as ShardResults;
    whole = read.whole;
    if (whole && doc && typeof doc === 'object' && doc.replications_raw) doc.replications_raw = revive(doc.replications_raw);
  } catch (err) {
    throw unreadableShard(file, err);
  }
  checkShardDoc(file, doc);
  const order = Object.keys(doc.replications_raw);
  // A file read whole is in memory anyway: sorted here, as merge always did.
  if (whole) {
    for (const name of order) {
      const list = doc.replications_raw[name];
      if (Array.isArray(list)) list.sort((a, b) => Number(indexOf(a)) - Number(indexOf(b)));
    }
  }
  // Lists written on one line, or a whole file, were not taken: their indices are in the document.
  for (const name of order) {
    const list = doc.replications_raw[name];
    if (Array.isArray(list)) for (const rep of list) note(name, rep);
  }
  return { file, doc, indices, order, whole };
}

/** The daily series every replication of this version carries for each unit. */
const DAILY_SERIES = ['occupancy', 'blocked', 'queue', 'capacity', 'admissions'] as const;

/**
 * A replication as merge folds it: kpis and units maps, and each unit's daily series. A shard
 * written by another build of caresim (same engine version, older layout) would otherwise
 * fail deep inside the summary with a bare TypeError.
 */
function checked(file: string, strategy: string, rep: ReplicationResult): { strategy: string; rep: ReplicationResult } {
  const where = `${file}: replication ${String(rep?.replication)} of ${strategy}`;
  const again = 'it was written by another build of caresim: run that shard again with this one';
  if (!rep || typeof rep !== 'object' || typeof rep.kpis !== 'object' || typeof rep.units !== 'object' || typeof rep.daily !== 'object')
    throw new MergeError(`${where} lacks its kpis, units or daily series; ${again}`);
  for (const [unit, d] of Object.entries(rep.daily)) {
    const missing = DAILY_SERIES.filter((k) => !d || !(ArrayBuffer.isView(d[k]) || Array.isArray(d[k])));
    if (missing.length > 0) throw new MergeError(`${where} lacks the daily ${missing.join(', ')} of unit ${unit}; ${again}`);
  }
  return { strategy, rep };
}

/**
 * The replications of a shard file, one at a time, in file order: each strategy's list
 * in turn. Follows the line layout the first pass (readShardHead) has already accepted.
 */
export async function* shardReplications(head: ShardHead): AsyncGenerator<{ strategy: string; rep: ReplicationResult }> {
  for await (const { strategy, rep } of fileReplications(head)) yield checked(head.file, strategy, rep);
}

async function* fileReplications(head: ShardHead): AsyncGenerator<{ strategy: string; rep: ReplicationResult }> {
  if (head.whole) {
    for (const strategy of head.order) for (const rep of head.doc.replications_raw[strategy] ?? []) yield { strategy, rep };
    return;
  }
  // Depth 1: the root; 2: inside replications_raw; 3: inside one strategy's list.
  let depth = 0;
  let inRaw = false;
  let strategy: string | null = null;
  for await (const raw of readLines(head.file)) {
    const line = depth > 0 && raw.startsWith(',') ? raw.slice(1) : raw;
    if (depth > 0 && (line === '}' || line === ']')) {
      if (depth === 3) strategy = null;
      if (depth === 2) inRaw = false;
      depth--;
      continue;
    }
    if (line.endsWith('{') || line.endsWith('[')) {
      depth++;
      if (depth === 2 && line === '"replications_raw":{') inRaw = true;
      else if (depth === 3 && inRaw) strategy = JSON.parse(line.slice(0, -2)) as string;
      else if (inRaw)
        throw new MergeError(`${head.file}: a replication spread over several lines; write shards with caresim run --shard i/n --out FILE`);
      continue;
    }
    if (depth === 3 && strategy !== null) {
      for (const rep of decode<ReplicationResult[]>(`[${line}]`)) yield { strategy, rep };
    } else if (depth === 2 && inRaw) {
      for (const [name, list] of Object.entries(decode<Record<string, ReplicationResult[]>>(`{${line}}`))) {
        for (const rep of list) yield { strategy: name, rep };
      }
    }
  }
}
