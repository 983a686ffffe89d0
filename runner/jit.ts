/**
 * Where V8 compiles optimised code for the worker threads. By default V8 compiles on
 * helper threads next to the thread that runs the code. A run that keeps one worker per core
 * busy (`--workers` defaults to the core count) leaves those helper threads no idle core to
 * run on: every worker's warm-up compilation then competes with the other workers (on a
 * 2-core machine, two workers were a median 1.69x faster than one). Compiling on the worker's
 * own thread costs that worker the same time, but no one else's (1.83x; bench/RESULTS.md).
 * With fewer workers than cores the helper threads have a core of their own, and the worker
 * runs on while its code compiles: one worker on two cores was 2-7% faster that way.
 * V8 reads this flag when an isolate starts, so it applies to the workers started after it
 * is set and leaves the isolate already running (the caller's) as it is.
 */
import { setFlagsFromString } from 'node:v8';
import { availableParallelism } from 'node:os';

/** Whether `workers` worker threads compile on helper threads unless told: when a core is left over for them. */
export function backgroundByDefault(workers: number): boolean {
  return workers < availableParallelism();
}

let current: boolean | null = null;

/** Sets whether worker isolates started from now on compile on helper threads. */
export function backgroundCompile(on: boolean): void {
  if (current === on) return;
  setFlagsFromString(on ? '--concurrent-recompilation' : '--no-concurrent-recompilation');
  current = on;
}
