/**
 * Progress of a run for the caller's progress bar: counts, failures and a rate measured on
 * the replications run now only, so a resumed run does not promise a speed it never had.
 */
import { performance } from 'node:perf_hooks';

export interface Progress {
  done: number;
  total: number;
  failed: number;
  /** Replications taken from the journal rather than run now. */
  resumed: number;
  seconds: number;
  /** Replications per second run now (not resumed). */
  rate: number;
  /** Seconds left at the current rate; null until known. */
  eta: number | null;
}

export class ProgressMeter {
  private readonly t0 = performance.now();
  /** Finished replications that count towards the current target. */
  private done = 0;
  private total = 0;
  private ranNow = 0;
  /** Replications taken from the journal. */
  resumed = 0;

  constructor(
    private readonly failed: () => number,
    private readonly onProgress?: (p: Progress) => void,
  ) {}

  /** Seconds since the run started. */
  get seconds(): number {
    return (performance.now() - this.t0) / 1000;
  }

  /** A round starts with `done` of `total` replications finished. */
  round(done: number, total: number): void {
    this.done = done;
    this.total = total;
    this.report();
  }

  /** A replication finished now. */
  ran(): void {
    this.done++;
    this.ranNow++;
    this.report();
  }

  report(): void {
    if (!this.onProgress) return;
    const seconds = this.seconds;
    const rate = seconds > 0 ? this.ranNow / seconds : 0;
    const failed = this.failed();
    const left = this.total - this.done - failed;
    this.onProgress({
      done: this.done,
      total: this.total,
      failed,
      resumed: this.resumed,
      seconds,
      rate,
      eta: rate > 0 ? left / rate : null,
    });
  }
}
