/**
 * What a command may touch of the outside world, handed in by cli/main.ts (the only place
 * that owns stdout, stderr and the exit code). Tests pass a recording Io instead.
 */
export interface Io {
  /** stdout: results meant for the user or for a pipe. */
  out(text: string): void;
  /** stderr: diagnostics, warnings, progress. */
  err(text: string): void;
  /** The stderr stream for a live progress bar; null when stderr is not a terminal. */
  tty: NodeJS.WriteStream | null;
  color: boolean;
  env: Record<string, string | undefined>;
  /** Aborted on Ctrl-C. */
  signal?: AbortSignal;
  version: string;
}

/** Exit codes (ARCHITECTURE §7). 130 = interrupted by Ctrl-C, as shells report it. */
export const EXIT = { ok: 0, failed: 1, usage: 2, interrupted: 130 } as const;
