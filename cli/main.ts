/**
 * The caresim command line. The only place that writes to stderr and sets the exit code:
 * commands get an Io sink and return a code. Exit codes: 0 ok, 1 run failed, 2 bad usage or
 * invalid scenario, 130 interrupted (Ctrl-C or SIGTERM; finished replications stay in the journal).
 * `fit` is stopped by the signal itself (exit status 128 + its number), having written nothing.
 */
import { parseArgs } from './parse.js';
import { dispatch } from './dispatch.js';
import { EXIT, type Io } from './io.js';
import { npmHint } from './npm-hint.js';
import { ENGINE_VERSION } from '../results/index.js';

async function main(argv: string[]): Promise<number> {
  const interrupt = new AbortController();
  let listening = false;
  const listen = () => {
    if (listening) return;
    listening = true;
    // SIGTERM is how schedulers stop a job (Slurm's scancel and preemption, Kubernetes' pod
    // deletion, where caresim may run as PID 1 and an unhandled SIGTERM would be ignored):
    // it stops the run like Ctrl-C, keeping what finished in the journal.
    for (const sig of ['SIGINT', 'SIGTERM'] as const) {
      process.on(sig, () => {
        // The second signal does not wait for the run to wind down.
        if (interrupt.signal.aborted) process.exit(EXIT.interrupted);
        interrupt.abort();
      });
    }
  };
  const io: Io = {
    out: (t) => {
      process.stdout.write(t);
    },
    err: (t) => {
      process.stderr.write(npmHint(t, process.env));
    },
    tty: process.stderr.isTTY ? process.stderr : null,
    color: Boolean(process.stderr.isTTY) && !process.env.NO_COLOR,
    env: process.env,
    signal: interrupt.signal,
    version: ENGINE_VERSION,
  };
  let parsed = await parseArgs(argv, ENGINE_VERSION);
  for (;;) {
    if (parsed.kind === 'text') {
      io.out(`${parsed.text.trimEnd()}\n`);
      return EXIT.ok;
    }
    if (parsed.kind === 'usage') {
      const usage = parsed.help.split('\n')[0];
      io.err(`caresim: ${parsed.message}\n${usage ? `usage: ${usage}  (see --help)\n` : ''}`);
      return EXIT.usage;
    }
    // `fit` works on this thread without a pause (its bootstrap), where a handler would not run
    // until it ended: the system's own action stops it at once, and its outputs are written
    // whole at the end or not at all.
    if (parsed.command.cmd !== 'fit') listen();
    const result = await dispatch(parsed.command, io);
    if (typeof result === 'number') return result;
    parsed = await parseArgs(result.helpFor, ENGINE_VERSION);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`caresim: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT.failed;
  },
);
