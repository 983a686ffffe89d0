/**
 * Turns an error into what the user sees and the exit code: scenario diagnostics with
 * file:line:col (exit 2), usage problems found late (exit 2), anything else as one line
 * without a stack trace (exit 1). Set CARESIM_DEBUG=1 for the stack.
 */
import { readFileSync } from 'node:fs';
import { EXIT, type Io } from './io.js';

interface DiagnosticsError extends Error {
  code: string;
  diagnostics: unknown[];
}

const USAGE_CODES = new Set(['RESUME_MISMATCH', 'LOCKED', 'BAD_SHARD', 'MERGE_INVALID', 'RESULTS_INVALID', 'OUTPUT_INVALID', 'USAGE']);

export class CliUsageError extends Error {
  readonly code = 'USAGE';
}

/** Source text for diagnostics: files from disk, `<--set N>` from the overrides given. */
export function sourceLookup(set: readonly string[]): (file: string) => string | undefined {
  return (file) => {
    const m = /^<--set (\d+)>$/.exec(file);
    if (m) return set[Number(m[1]) - 1];
    try {
      return readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  };
}

export async function printDiagnostics(diags: unknown[], io: Io, set: readonly string[]): Promise<void> {
  const { formatDiagnostics } = await import('../scenarios/index.js');
  io.err(`${formatDiagnostics(diags as Parameters<typeof formatDiagnostics>[0], sourceLookup(set), { color: io.color }).trimEnd()}\n`);
}

export async function reportError(err: unknown, io: Io, set: readonly string[] = []): Promise<number> {
  const e = err as Partial<DiagnosticsError>;
  if (e && e.code === 'SCENARIO_INVALID' && Array.isArray(e.diagnostics)) {
    await printDiagnostics(e.diagnostics, io, set);
    return EXIT.usage;
  }
  const message = err instanceof Error ? err.message : String(err);
  if (e && typeof e.code === 'string' && USAGE_CODES.has(e.code)) {
    io.err(`caresim: ${message}\n`);
    return EXIT.usage;
  }
  io.err(`caresim: ${message}\n`);
  const hint = e && typeof e.code === 'string' ? DISK_HINTS[e.code] : undefined;
  if (hint) io.err(`  hint: ${hint}\n`);
  if (io.env.CARESIM_DEBUG && err instanceof Error && err.stack) io.err(`${err.stack}\n`);
  return EXIT.failed;
}

/** What to do when the machine, not the input, stopped a write (the system's message says which call failed). */
const DISK_HINTS: Record<string, string> = {
  // Every command has its own output options (`run` four, `fit` one): the hint names none of them.
  ENOSPC: 'the disk is full: free some space, or write the outputs to a folder on another disk',
  EDQUOT: 'your disk quota is used up: free some space, or write the outputs to a folder elsewhere',
};

/**
 * What a command that failed after some replications finished tells the user: where they are
 * kept and how to continue from them, also after choosing another --out (whose default journal
 * would be another file).
 */
export function keptWorkHint(journal: string): string {
  return `caresim: the replications finished before the failure are kept in ${journal}: continue with the same command and --resume (with another --out, add --journal ${journal})\n`;
}

/** What a command whose replications failed says of them; `usesRest` says what is made of the others ("the results use"). */
export function failedReplicationsHint(count: number, usesRest: string, journal: string): string {
  return `caresim: ${count} replication(s) failed after a retry; ${usesRest} the rest. The journal ${journal} is kept: --resume runs only the failed ones again.\n`;
}
