/**
 * The arrival sources of one replication as columns: rates, how each generates arrivals,
 * each source's pending arrival (replaced in place by a rate change), timetable positions
 * and the random streams.
 */
import { makeStream, type Stream } from './random.js';
import type { Model } from './model.js';
import { POISSON, THINNED, TIMETABLE } from './codes.js';

export class SourceColumns {
  readonly n: number;
  readonly rate: Float64Array;
  /** POISSON (homogeneous), THINNED (profile or season) or TIMETABLE. */
  readonly mode: Uint8Array;
  /** Population source: its cohort; -1 for a plain source. */
  readonly cohort: Int32Array;
  /** The rate candidates are drawn at (the maximum over the current day). */
  readonly max: Float64Array;
  /**
   * The pending arrival of each source, kept beside the heap rather than in it (see
   * simulator.ts): its time (Infinity when none) and the queue key reserved when it was drawn,
   * so it leaves in exactly the (time, priority, insertion) order the heap would give it.
   * A rate change replaces it in place. `first`: the source whose arrival is earliest, -1 if none.
   */
  readonly at: Float64Array;
  readonly key: Float64Array;
  first = -1;
  /** Timetables: next index into `times`, and the start of the current period. */
  readonly next: Int32Array;
  readonly base: Float64Array;
  readonly rng: Stream[];
  readonly cohortRng: Stream[];
  readonly routeRng: Stream[];
  readonly profileMax: Float64Array;

  constructor(model: Model, seed: number | string, rep: number) {
    const sources = model.sources,
      S = (this.n = sources.length);
    this.rate = Float64Array.from(sources, (s) => s.rate);
    this.mode = Uint8Array.from(sources, (s) => (s.timetable ? TIMETABLE : s.profile || (s.seasonal && model.season) ? THINNED : POISSON));
    this.cohort = Int32Array.from(sources, (s) => s.cohort);
    this.max = new Float64Array(S);
    this.at = new Float64Array(S).fill(Infinity);
    this.key = new Float64Array(S);
    this.next = new Int32Array(S);
    this.base = new Float64Array(S);
    this.rng = sources.map((s) => makeStream(seed, rep, `arrivals:${s.name}`));
    this.cohortRng = sources.map((s) => makeStream(seed, rep, `cohort:${s.name}`));
    this.routeRng = sources.map((s) => makeStream(seed, rep, `route:source:${s.name}`));
    this.profileMax = Float64Array.from(sources, (s) => (s.profile ? s.profile.reduce((a, b) => Math.max(a, b), -Infinity) : 1));
  }
}
