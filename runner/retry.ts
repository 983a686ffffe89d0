/**
 * The runner's one retry policy, for both ways a replication can fail: it threw or its
 * Worker died under it. A replication is a pure function of (model, seed, index), so a
 * failure that repeats is the model's own (an impossible value, a queue that outgrows the
 * memory budget) and running it a third time would only fail a third time; a failure that
 * does not repeat was the machine's (a Worker killed from outside). So each replication
 * runs at most twice; after that it is reported and the run goes on without it.
 *
 * A dead Worker is replaced, but a bundle whose Workers die before saying they are ready
 * is broken, not unlucky: after three such Workers in a row nothing can run, and replacing
 * them again would loop forever.
 */
export const RETRY = {
  /** Runs of one replication, the first included. */
  attempts: 2,
  /** Workers in a row that die before answering at all before every remaining replication fails. */
  stillbornWorkers: 3,
} as const;

/** A replication with the runs it has had so far. */
export interface Attempt {
  attempts: number;
}

/** Counts a failed run of `task`; true when the policy gives it another. */
export function retryAfterFailure(task: Attempt): boolean {
  task.attempts++;
  return task.attempts < RETRY.attempts;
}

/** Whether this many stillborn Workers in a row mean the worker bundle cannot run. */
export function workersCannotRun(stillbornInARow: number): boolean {
  return stillbornInARow >= RETRY.stillbornWorkers;
}

/** How a failure reads in the results file: the error's class and message. */
export function failureText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
