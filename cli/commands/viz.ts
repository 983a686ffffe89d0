/** `caresim report` and `caresim view`: the dashboard and the live viewer (viz/). */
import { existsSync } from 'node:fs';
import { attachedInputs, checkDistinctPaths, checkOutputDir, checkOutputFile } from '../output-paths.js';
import { EXIT, type Io } from '../io.js';
import { CliUsageError, reportError } from '../failure.js';
import { libraryFile } from '../paths.js';
import { writeFileAtomic } from '../../runner/index.js';

export async function reportCommand(
  args: { results: string; out?: string; csv?: string; xlsx?: string; optimise?: string; sensitivity?: string },
  io: Io,
): Promise<number> {
  try {
    // Loaded on demand so that the other commands start without d3.
    const { readResultsFile, reportPage, readAttachments } = await import('../../viz/index.js');
    const results = readResultsFile(args.results);
    const { attached, warnings } = readAttachments(args, results.scenario);
    for (const w of warnings) io.err(`caresim: warning: ${w}\n`);
    checkOutputFile(args.out, '--out', 'report.html');
    checkOutputDir(args.csv, '--csv');
    checkOutputFile(args.xlsx, '--xlsx', 'results.xlsx');
    checkDistinctPaths(
      [['the results file', args.results], ...attachedInputs(args)],
      [
        ['--out', args.out],
        ['--xlsx', args.xlsx],
      ],
      args.csv,
    );
    if (args.out) writeFileAtomic(args.out, await reportPage(results, attached), '--out', 'report.html');
    if (args.csv) (await import('../csv.js')).writeCsv(args.csv, results, undefined, (t) => io.err(t));
    if (args.xlsx) await (await import('../xlsx.js')).writeXlsx(args.xlsx, results);
    io.err(`wrote ${[args.out, args.csv && `${args.csv}/`, args.xlsx].filter(Boolean).join(', ')}\n`);
    return EXIT.ok;
  } catch (err) {
    return reportError(err, io);
  }
}

/** Serves until Ctrl-C, then closes the server. */
export async function viewCommand(args: { file?: string; port?: number; open: boolean }, io: Io): Promise<number> {
  try {
    const file = args.file ?? libraryFile('ics-default.yaml') ?? libraryFile('example-ics.yaml');
    if (!file || !existsSync(file)) {
      io.err(`caresim: ${args.file ?? 'the default scenario'}: no such file\n`);
      return EXIT.usage;
    }
    const { startViewer } = await import('../../viz/index.js');
    const server = await startViewer({ file, port: args.port, open: args.open }).catch((e: NodeJS.ErrnoException) => {
      if (e.code === 'EADDRINUSE' || e.code === 'EACCES') {
        throw new CliUsageError(
          `port ${args.port} ${e.code === 'EADDRINUSE' ? 'is in use' : 'is not allowed for this user'}; choose another with --port, or --port 0 for any free port`,
        );
      }
      throw e;
    });
    io.err(`caresim viewer on ${server.url} (Ctrl-C to stop)\n`);
    await new Promise<void>((resolve) => {
      if (!io.signal || io.signal.aborted) return resolve();
      io.signal.addEventListener('abort', () => resolve(), { once: true });
    });
    await server.close();
    return EXIT.ok;
  } catch (err) {
    return reportError(err, io);
  }
}
