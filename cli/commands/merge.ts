/** `caresim merge SHARD... --out F`: the single-run result from shard outputs. */
import { mergeShardFiles } from '../../runner/merge.js';
import { writeResultsFile } from '../../runner/results-file.js';
import { EXIT, type Io } from '../io.js';
import { reportError } from '../failure.js';
import { formatSummary } from '../summary-table.js';
import { writeCsv, type ReplicationScalars } from '../csv.js';

export async function mergeCommand(args: { files: string[]; out?: string; csv?: string; perRep: boolean; quiet: boolean }, io: Io): Promise<number> {
  try {
    // The shards are read as streams, one replication per shard at a time; --per-rep keeps
    // only each replication's scalars for its CSV rows.
    const scalars: Record<string, ReplicationScalars[]> | undefined = args.csv && args.perRep ? {} : undefined;
    const results = await mergeShardFiles(args.files, scalars && ((strategy, rep) => {
      (scalars[strategy] ??= []).push({ replication: rep.replication, kpis: rep.kpis, units: rep.units });
    }));
    if (args.out) writeResultsFile(args.out, results);
    if (args.csv) {
      // In the order of the strategies, a strategy without finished replications included.
      const perRep = scalars && Object.fromEntries(Object.keys(results.strategies).map((name) => [name, scalars[name] ?? []]));
      writeCsv(args.csv, results, perRep);
    }
    if (!args.quiet) io.out(formatSummary(results));
    if (results.failures && results.failures.length > 0) return EXIT.failed;
    return EXIT.ok;
  } catch (err) {
    return reportError(err, io);
  }
}
