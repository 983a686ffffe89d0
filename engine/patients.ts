/**
 * Patients as integer ids into struct-of-arrays columns, recycled through a free list.
 * Memory grows with the patients in the system at once, never with history.
 * PERF: typed columns, no object per patient.
 */
import { SimulationError } from './errors.js';
import { ID_MASK } from './events.js';
import { FREE, QUEUED } from './codes.js';

/** Event payloads carry a patient id in ID_BITS bits. */
export const MAX_PATIENTS = ID_MASK;

/**
 * Bytes a patient takes in the columns (ten columns and the free list), times 1.5 for the
 * moment of growth when the old and the doubled columns both exist: what a memory budget
 * divides by to give the most patients it allows.
 */
export const PATIENT_BYTES = Math.ceil(1.5 * (1 + 4 * 5 + 8 * 5));

/**
 * PERF: the size the last replication in this thread grew to. The next one starts there
 * instead of doubling its way up again (model B's overloaded queue made growth about 9% of
 * the run). It only sizes arrays: ids are handed out the same way at any capacity, so
 * results do not depend on it. Capped so that one huge run does not make every later small
 * one allocate tens of megabytes.
 */
let sizeHint = 1024;
/**
 * PERF: the last finished replication's columns, handed to the next one cleared instead of
 * allocating fresh ones: an overloaded model's columns are megabytes a replication, garbage
 * outside V8's heap that a worker would otherwise hold by the tens of megabytes between
 * collections. Cleared columns read exactly as new ones, so results do not depend on it.
 */
let spare: Patients | null = null;
export function patientsForNextRun(clock: Clock, max = MAX_PATIENTS): Patients {
  const limit = Math.max(1, Math.min(Math.floor(max), MAX_PATIENTS));
  const reused = spare;
  spare = null;
  if (reused && reused.reuse(limit, clock)) return reused;
  return new Patients(clock, Math.min(sizeHint, limit), limit);
}
/** A finished replication's columns, for the next replication in this thread. */
export function recyclePatients(p: Patients): void {
  p.stopClock();
  spare = p;
}
/** What tells the columns the simulated time (a new patient's birth, the error when they cannot grow). */
export interface Clock {
  readonly now: number;
}
/**
 * The clock of columns between replications: it keeps no finished replication alive, and a
 * patient made before the next replication gives its clock would be born at NaN, which every
 * time in the system it enters shows.
 */
const STOPPED: Clock = { now: NaN };

export class Patients {
  capacity: number;
  status: Uint8Array;
  cohort: Int32Array;
  /** Current unit (holding a place or queued there), -1 when none. */
  unit: Int32Array;
  /** Chosen destination code after service (see Route). */
  dest: Int32Array;
  /** Token, bumped at each enqueue: stale queue entries and renege events are recognised by it. */
  token: Int32Array;
  /** Entered the system; arrived at the current unit; got a place; arrived at a front unit (-1 never). */
  born: Float64Array;
  arrived: Float64Array;
  admitted: Float64Array;
  front: Float64Array;
  /**
   * When the patient started waiting for the unit it queues at or is blocked for: the time it
   * was blocked, or it joined the queue if it never was. Freed places go in this order.
   */
  since: Float64Array;
  private freeIds: Int32Array;
  private nFree = 0;
  private next = 0;
  live = 0;

  /**
   * PERF: the time comes from the clock, not as an argument of alloc(): a number passed to a
   * call V8 does not inline is boxed, and model A's arrivals made 16 MB of garbage a run that way.
   */
  constructor(
    private clock: Clock,
    capacity = 1024,
    private max = MAX_PATIENTS,
  ) {
    this.capacity = capacity;
    this.status = new Uint8Array(capacity);
    this.cohort = new Int32Array(capacity);
    this.unit = new Int32Array(capacity);
    this.dest = new Int32Array(capacity);
    this.token = new Int32Array(capacity);
    this.born = new Float64Array(capacity);
    this.arrived = new Float64Array(capacity);
    this.admitted = new Float64Array(capacity);
    this.front = new Float64Array(capacity);
    this.since = new Float64Array(capacity);
    this.freeIds = new Int32Array(capacity);
  }

  /** Clears every column for a new replication with at most `max` patients; false when the columns are larger than that. */
  reuse(max: number, clock: Clock): boolean {
    // Columns a huge run grew to are not kept for every later one (see sizeHint).
    if (this.capacity > max || this.capacity > 1 << 18) return false;
    this.max = max;
    this.clock = clock;
    for (const a of [
      this.status,
      this.cohort,
      this.unit,
      this.dest,
      this.token,
      this.born,
      this.arrived,
      this.admitted,
      this.front,
      this.since,
      this.freeIds,
    ])
      a.fill(0);
    this.nFree = 0;
    this.next = 0;
    this.live = 0;
    return true;
  }

  /** Columns waiting for their next replication hold no clock of a finished one. */
  stopClock(): void {
    this.clock = STOPPED;
  }

  /** A new patient of `cohort`, born now. */
  alloc(cohort: number): number {
    let p: number;
    if (this.nFree > 0) p = this.freeIds[--this.nFree];
    else {
      if (this.next === this.capacity) this.grow();
      p = this.next++;
    }
    this.status[p] = QUEUED;
    this.cohort[p] = cohort;
    this.unit[p] = -1;
    this.born[p] = this.clock.now;
    this.front[p] = -1;
    this.live++;
    return p;
  }

  release(p: number): void {
    this.status[p] = FREE;
    this.unit[p] = -1;
    this.token[p]++;
    this.freeIds[this.nFree++] = p;
    this.live--;
  }

  private grow(): void {
    // Event payloads carry a patient id in ID_BITS bits (see events.ts).
    if (this.capacity >= this.max) {
      const why = this.max < MAX_PATIENTS ? ' (the limit the memory budget allows)' : '';
      throw new SimulationError('TOO_MANY_PATIENTS', `more than ${this.max} patients in the system at once${why}: is a unit overloaded?`, {
        time: this.clock.now,
      });
    }
    const cap = Math.min(this.capacity * 2, this.max);
    const g = <T extends Uint8Array | Int32Array | Float64Array>(a: T): T => {
      const b = new (a.constructor as new (n: number) => T)(cap);
      b.set(a);
      return b;
    };
    this.status = g(this.status);
    this.cohort = g(this.cohort);
    this.unit = g(this.unit);
    this.dest = g(this.dest);
    this.token = g(this.token);
    this.born = g(this.born);
    this.arrived = g(this.arrived);
    this.admitted = g(this.admitted);
    this.front = g(this.front);
    this.since = g(this.since);
    this.freeIds = g(this.freeIds);
    this.capacity = cap;
    if (cap > sizeHint) sizeHint = Math.min(cap, 1 << 18);
  }
}
