/**
 * Where V8 compiles optimised code for the worker threads. By default V8 compiles on
 * helper threads next to the thread that runs the code. A run keeps one worker per core busy
 * (`--workers` defaults to the core count), so those helper threads have no idle core to run
 * on: every worker's warm-up compilation then competes with the other workers (on a 2-core
 * machine, two workers were a median 1.69x faster than one). Compiling on the worker's own
 * thread costs that worker the same time, but no one else's (1.83x; bench/RESULTS.md).
 * V8 reads this flag when an isolate starts, so it applies to the workers started after it
 * is set and leaves the isolate already running (the caller's) as it is.
 */
import { setFlagsFromString } from 'node:v8';

let current: boolean | null = null;

/** Sets whether worker isolates started from now on compile on helper threads. */
export function backgroundCompile(on: boolean): void {
  if (current === on) return;
  setFlagsFromString(on ? '--concurrent-recompilation' : '--no-concurrent-recompilation');
  current = on;
}
