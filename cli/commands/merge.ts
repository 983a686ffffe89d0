/** `caresim merge SHARD... --out F`: the single-run result from shard outputs. */
import { readShard, mergeShards, type ShardResults } from '../../runner/merge.js';
import { writeResultsFile } from '../../runner/results-file.js';
import type { ReplicationResult } from '../../engine/result.js';
import { EXIT, type Io } from '../io.js';
import { reportError } from '../failure.js';
import { formatSummary } from '../summary-table.js';
import { printRunWarnings } from '../run-warnings.js';
import { writeCsv } from '../csv.js';
import { checkOutputDir, checkOutputFile } from '../output-paths.js';

export async function mergeCommand(args: { files: string[]; out?: string; csv?: string; perRep: boolean; quiet: boolean }, io: Io): Promise<number> {
  try {
    checkOutputFile(args.out, '--out', 'results.json');
    checkOutputDir(args.csv, '--csv');
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
