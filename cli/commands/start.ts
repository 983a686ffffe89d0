/** `caresim start` (npm start): the default ICS, results and dashboard in out/. */
import type { Io } from '../io.js';
import { EXIT } from '../io.js';
import { libraryFile } from '../paths.js';
import { runCommand } from './run.js';

export async function startCommand(args: { workers?: number }, io: Io): Promise<number> {
  const file = libraryFile('ics-default.yaml') ?? libraryFile('example-ics.yaml');
  if (!file) {
    io.err('caresim: no default scenario found in scenarios/library\n');
    return EXIT.failed;
  }
  return runCommand(
    {
      cmd: 'run',
      file,
      workers: args.workers,
      out: 'out/results.json',
      report: 'out/report.html',
      perRep: false,
      set: [],
      resume: false,
      fresh: true,
      quiet: false,
    },
    io,
  );
}
