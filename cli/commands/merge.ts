/** `caresim merge SHARD... --out F`: the single-run result from shard outputs. */
import { existsSync, realpathSync } from 'node:fs';
import { readShard, mergeShards, MergeError, type ShardResults } from '../../runner/merge.js';
import { writeResultsFile } from '../../runner/results-file.js';
import { checkOutput, checkOutputFolder } from '../../runner/atomic.js';
import type { ReplicationResult } from '../../engine/result.js';
import { EXIT, type Io } from '../io.js';
import { reportError } from '../failure.js';
import { formatSummary } from '../summary-table.js';
import { printRunWarnings } from '../run-warnings.js';
import { writeCsv } from '../csv.js';

/** The file a path names, links followed; a path that does not exist yet names itself. */
const identity = (file: string) => (existsSync(file) ? realpathSync(file) : file);

/**
 * Refuses an --out that is one of the inputs before anything is read: writing the merged
 * file over a shard would destroy that shard's replications (the work of a whole job).
 */
function checkFiles(files: readonly string[], out: string | undefined, csv: string | undefined): void {
  const seen = new Map<string, string>();
  for (const file of files) {
    const id = identity(file);
    if (seen.has(id)) throw new MergeError(`${file} is given twice${seen.get(id) !== file ? ` (as ${seen.get(id)} too)` : ''}: give each shard file once`);
    seen.set(id, file);
  }
  if (out && seen.has(identity(out))) {
    throw new MergeError(`--out ${out} is one of the shard files: writing there would destroy that shard; give --out another file`);
  }
  if (out) checkOutput(out, '--out');
  if (csv) checkOutputFolder(csv, '--csv');
}

export async function mergeCommand(args: { files: string[]; out?: string; csv?: string; perRep: boolean; quiet: boolean }, io: Io): Promise<number> {
  try {
    checkFiles(args.files, args.out, args.csv);
    // One shard after the other: each is read as a stream, line by line.
    const shards: ShardResults[] = [];
    for (const file of args.files) shards.push(await readShard(file));
    const results = mergeShards(shards, args.files);
    if (args.out) writeResultsFile(args.out, results);
    if (args.csv) {
      let raw: Record<string, ReplicationResult[]> | undefined;
      if (args.perRep) {
        raw = {};
        for (const name of Object.keys(results.strategies)) {
          raw[name] = shards.flatMap((s) => s.replications_raw[name] ?? []).sort((a, b) => a.replication - b.replication);
        }
      }
      writeCsv(args.csv, results, raw);
    }
    if (!args.quiet) io.out(formatSummary(results));
    printRunWarnings(results, io);
    if (results.failures && results.failures.length > 0) return EXIT.failed;
    return EXIT.ok;
  } catch (err) {
    return reportError(err, io);
  }
}
