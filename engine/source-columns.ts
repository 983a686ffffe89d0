/**
 * The arrival sources of one replication as columns: rates, how each generates arrivals,
 * the candidate tokens that let a rate change replace a pending arrival, timetable positions
 * and the random streams.
 */
import { makeStream, type Stream } from './random.js';
import type { Model } from './model.js';

/** How a source generates arrivals: codes of `mode`. */
export const POISSON = 0,
  THINNED = 1,
  TIMETABLE = 2;

export class SourceColumns {
  readonly n: number;
  readonly rate: Float64Array;
  /** POISSON (homogeneous), THINNED (profile or season) or TIMETABLE. */
  readonly mode: Uint8Array;
  /** Population source: its cohort; -1 for a plain source. */
  readonly cohort: Int32Array;
  /** The rate candidates are drawn at (the maximum over the current day). */
  readonly max: Float64Array;
  /** Bumped when a rate change replaces the pending candidate, which then goes stale. */
  readonly token: Int32Array;
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
    this.token = new Int32Array(S);
    this.next = new Int32Array(S);
    this.base = new Float64Array(S);
    this.rng = sources.map((s) => makeStream(seed, rep, `arrivals:${s.name}`));
    this.cohortRng = sources.map((s) => makeStream(seed, rep, `cohort:${s.name}`));
    this.routeRng = sources.map((s) => makeStream(seed, rep, `route:source:${s.name}`));
    this.profileMax = Float64Array.from(sources, (s) => (s.profile ? s.profile.reduce((a, b) => Math.max(a, b), -Infinity) : 1));
  }
}
