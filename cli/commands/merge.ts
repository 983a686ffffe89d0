/** `caresim merge SHARD... --out F`: the single-run result from shard outputs. */
import { existsSync, realpathSync } from 'node:fs';
import { mergeShardFiles, MergeError } from '../../runner/index.js';
import { writeResultsFile } from '../../runner/index.js';
import { checkOutput } from '../../runner/index.js';
import { EXIT, type Io } from '../io.js';
import { reportError } from '../failure.js';
import { formatSummary } from '../summary-table.js';
import { economicCase } from '../verdict-lines.js';
import { adjustVerdicts, type Adjust } from '../adjust.js';
import { printRunWarnings } from '../run-warnings.js';
import { writeCsv, type ReplicationScalars } from '../csv.js';
import { checkDistinctPaths, checkOutputDir } from '../output-paths.js';

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
    if (seen.has(id))
      throw new MergeError(`${file} is given twice${seen.get(id) !== file ? ` (as ${seen.get(id)} too)` : ''}: give each shard file once`);
    seen.set(id, file);
  }
  if (out && seen.has(identity(out))) {
    throw new MergeError(`--out ${out} is one of the shard files: writing there would destroy that shard; give --out another file`);
  }
  if (out) checkOutput(out, '--out');
  checkOutputDir(csv, '--csv');
}

export async function mergeCommand(
  args: { files: string[]; out?: string; csv?: string; xlsx?: string; perRep: boolean; quiet: boolean; adjust?: Adjust },
  io: Io,
): Promise<number> {
  try {
    checkFiles(args.files, args.out, args.csv);
    if (args.xlsx) checkOutput(args.xlsx, '--xlsx', 'results.xlsx');
    checkDistinctPaths(
      args.files.map((f) => ['a shard file', f] as [string, string]),
      [
        ['--out', args.out],
        ['--xlsx', args.xlsx],
      ],
      args.csv,
    );
    // The shards are read as streams, one replication per shard at a time; --per-rep keeps
    // only each replication's scalars for its CSV rows.
    const scalars: Record<string, ReplicationScalars[]> | undefined = (args.csv || args.xlsx) && args.perRep ? {} : undefined;
    const results = await mergeShardFiles(
      args.files,
      scalars &&
        ((strategy, rep) => {
          (scalars[strategy] ??= []).push({ replication: rep.replication, kpis: rep.kpis, units: rep.units });
        }),
    );
    adjustVerdicts(results, args.adjust, io);
    if (args.out) writeResultsFile(args.out, results);
    // In the order of the strategies, a strategy without finished replications included.
    const perRep = scalars && Object.fromEntries(Object.keys(results.strategies).map((name) => [name, scalars[name] ?? []]));
    if (args.csv) writeCsv(args.csv, results, perRep, (t) => io.err(t));
    if (args.xlsx) {
      const { writeXlsx } = await import('../xlsx.js');
      await writeXlsx(args.xlsx, results, perRep);
    }
    if (!args.quiet) io.out(formatSummary(results, await economicCase(results)));
    printRunWarnings(results, io);
    if (results.failures && results.failures.length > 0) return EXIT.failed;
    return EXIT.ok;
  } catch (err) {
    return reportError(err, io);
  }
}
