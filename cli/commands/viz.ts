/** `caresim report` and `caresim view`: the dashboard and the live viewer (viz/). */
import { existsSync, readFileSync } from 'node:fs';
import type { Results } from '../../engine/results.js';
import { EXIT, type Io } from '../io.js';
import { reportError } from '../failure.js';
import { libraryFile } from '../paths.js';

export async function reportCommand(args: { results: string; out: string }, io: Io): Promise<number> {
  try {
    if (!existsSync(args.results)) {
      io.err(`caresim: ${args.results}: no such file\n`);
      return EXIT.usage;
    }
    const results = JSON.parse(readFileSync(args.results, 'utf8')) as Results;
    if (results.format !== 'caresim-results/1') {
      io.err(`caresim: ${args.results} is not a caresim results file\n`);
      return EXIT.usage;
    }
    // Loaded on demand so that the other commands start without d3.
    const { writeReport } = await import('../../viz/node.js');
    await writeReport(results, args.out);
    io.err(`wrote ${args.out}\n`);
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
    const { startViewer } = await import('../../viz/node.js');
    const server = await startViewer({ file, port: args.port, open: args.open });
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
