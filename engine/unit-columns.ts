/**
 * The units of one replication as columns: the counts the flow changes (places in use,
 * capacity, queue length, finished patients still holding a place), the queues, and each
 * unit's settings and samplers bound to their random streams. Counts that statistics
 * integrate change only through unit-counts.ts, which touches the statistics first.
 * PERF: per-unit settings copied into typed columns, read on every admission and move.
 */
import { Ring } from './ring.js';
import { makeStream, type Stream } from './random.js';
import { makeSampler, type Sampler } from './distributions.js';
import type { Model, Route } from './model.js';
import { LONGEST_WAITING_FIRST, QUEUE_FIRST, BLOCKED_FIRST } from './codes.js';

/** Rings larger than this (entries) are not kept for the next replication (see recycleRings). */
const KEEP_RING = 1 << 18;
let spareQueues: Ring[] = [],
  spareWaiting: Ring[] = [];

/**
 * PERF: unit u's rings are the last replication's (in this thread) cleared, when there is one:
 * model B's acute queue doubled its way up to 16,384 entries in every replication, allocations
 * outside V8's heap. Capacity only sizes arrays, so results do not depend on it.
 */
function ring(spare: Ring[], u: number, capacity: number): Ring {
  const r = spare[u];
  if (r === undefined) return new Ring(capacity);
  r.clear();
  return r;
}

/** A finished replication's rings, for the next replication in this thread (huge ones are dropped). */
export function recycleRings(units: UnitColumns): void {
  const keep = (r: Ring) => r.capacity <= KEEP_RING;
  spareQueues = units.queues.every(keep) ? units.queues : [];
  spareWaiting = units.waiting.every(keep) ? units.waiting : [];
}

export class UnitColumns {
  /** Places in use (blocked patients included). */
  readonly places: Float64Array;
  /** Places available now (a capacity schedule changes it). */
  readonly cap: Float64Array;
  readonly qmax: Float64Array;
  /** Patients queued at the unit (live; the ring may also hold stale entries). */
  readonly qlen: Float64Array;
  /** Patients in a place whose service has ended (hand-off, discharge window, blocked). */
  readonly doneN: Float64Array;
  readonly queues: Ring[];
  /** Patients blocked elsewhere, waiting for a place (or a waiting place) here. */
  readonly waiting: Ring[];
  /** waiting[u].length as a column: touch() reads it at every change without three dependent loads. */
  readonly blockedN: Float64Array;
  readonly isFront: Uint8Array;
  readonly isBeds: Uint8Array;
  readonly isAcute: Uint8Array;
  readonly target: Float64Array;
  readonly fullTo: Int32Array;
  readonly overflowTo: Int32Array;
  /** LONGEST_WAITING_FIRST, QUEUE_FIRST or BLOCKED_FIRST. */
  readonly prio: Uint8Array;
  readonly hasDischarge: Uint8Array;
  /** [unit][cohort]: length of stay or service time. */
  readonly service: Sampler[][];
  readonly next: Route[][];
  readonly routeRng: Stream[];
  /** [unit][dest + E]: hand-off delay sampler or null. */
  readonly handoff: (Sampler | null)[][];
  readonly patience: (Sampler | null)[];
  readonly dischargeRng: Stream[];

  constructor(model: Model, seed: number | string, rep: number, initialCapacity: Float64Array) {
    const units = model.units,
      U = units.length,
      E = model.exits.length;
    this.places = new Float64Array(U);
    this.cap = Float64Array.from(initialCapacity);
    this.qmax = Float64Array.from(units, (u) => u.queue);
    this.qlen = new Float64Array(U);
    this.doneN = new Float64Array(U);
    this.blockedN = new Float64Array(U);
    this.queues = units.map((_, u) => ring(spareQueues, u, 64));
    this.waiting = units.map((_, u) => ring(spareWaiting, u, 16));
    spareQueues = [];
    spareWaiting = [];
    this.isFront = Uint8Array.from(units, (u) => (u.kind === 'front' ? 1 : 0));
    this.isBeds = Uint8Array.from(units, (u) => (u.kind === 'beds' ? 1 : 0));
    this.isAcute = Uint8Array.from(units, (u) => (u.role === 'acute' ? 1 : 0));
    this.target = Float64Array.from(units, (u) => u.target);
    this.fullTo = Int32Array.from(units, (u) => u.full);
    this.overflowTo = Int32Array.from(units, (u) => u.overflow);
    this.prio = Uint8Array.from(units, (u) =>
      u.priority === 'queue-first' ? QUEUE_FIRST : u.priority === 'blocked-first' ? BLOCKED_FIRST : LONGEST_WAITING_FIRST,
    );
    this.hasDischarge = Uint8Array.from(units, (u) => (u.discharge ? 1 : 0));
    this.service = units.map((u) => {
      const rng = makeStream(seed, rep, `los:${u.name}`);
      return u.service.map((d) => makeSampler(d, rng));
    });
    this.next = units.map((u) => u.next);
    this.routeRng = units.map((u) => makeStream(seed, rep, `route:${u.name}`));
    this.handoff = units.map((u) => {
      const rng = makeStream(seed, rep, `handoff:${u.name}`);
      const row: (Sampler | null)[] = new Array(U + E).fill(null);
      for (const [code, d] of Object.entries(u.handoff)) row[Number(code) + E] = makeSampler(d, rng);
      return row;
    });
    this.patience = units.map((u) => (u.patience ? makeSampler(u.patience, makeStream(seed, rep, `patience:${u.name}`)) : null));
    this.dischargeRng = units.map((u) => makeStream(seed, rep, `discharge:${u.name}`));
  }
}
