/**
 * The size of V8's young generation (the semi-spaces where new objects are made) in the
 * threads of a run. It counts in full in the process's resident memory, and V8 grows it
 * whenever as many bytes as it holds have survived collections since it last grew: in a
 * thread that runs for minutes that total only rises, so the young generation ends at its
 * ceiling (two semi-spaces of 16 MiB each) however little the thread needs. In a 10,000-
 * replication run of model B that was 32 MiB in the main thread and 16 in the worker,
 * a third of the growth over a short run. Two bounds, neither of which changes a number:
 *  - a worker's young generation is capped at WORKER_YOUNG_MB by its `resourceLimits`;
 *  - while workers run, no isolate's young generation grows (`holdYoungGenerations`): the
 *    main thread keeps the size its start-up gave it. V8 has no such limit for a thread
 *    already running, only the process-wide growth factor, which each new isolate resets to
 *    2 when it starts: so it is set again each time a worker has started (its first answer),
 *    and put back to V8's 2 when the last run holding it ends.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * A worker's young generation, MiB: V8 splits it into two 4 MiB semi-spaces and room for
 * large new objects. What a model B worker grows to in its first minute anyway, so a short
 * run does the same collections as before.
 */
export const WORKER_YOUNG_MB = 12;

/** Runs holding the growth factor at 1. */
let holders = 0;

/** From now until `release`, no young generation grows (call again after an isolate starts). */
function holdYoungGenerations(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

/** Counts a run that holds the young generations; its `release` lets them grow again once no run holds them. */
export function youngGenerationHold(): { hold(): void; release(): void } {
  let mine = false;
  return {
    hold() {
      if (!mine) holders++;
      mine = true;
      holdYoungGenerations();
    },
    release() {
      if (!mine) return;
      mine = false;
      if (--holders === 0) setFlagsFromString('--semi-space-growth-factor=2');
    },
  };
}
