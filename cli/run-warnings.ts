/** Prints the warnings of a finished run (results `warnings`) on stderr, one block each. */
import type { Results } from '../results/index.js';
import type { Io } from './io.js';

export function printRunWarnings(results: Results, io: Io): void {
  for (const w of results.warnings ?? []) io.err(`warning[${w.code}] ${w.message}\n`);
}
