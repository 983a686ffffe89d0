/**
 * All mutable state of one replication, built once from the model: unit columns, queues,
 * samplers bound to their random streams, statistics. Nothing here allocates per event.
 */
import { EventQueue } from './event-queue.js';
import { patientsForNextRun, type Patients } from './patients.js';
import { Ring } from './ring.js';
import { UnitStats } from './unit-stats.js';
import { makeStream, type Stream } from './random.js';
import { makeSampler, type Sampler } from './distributions.js';
import { DAY } from './calendar.js';
import { StaffState } from './staffing.js';
import { EdStats } from './ed-stats.js';
import type { Model, Route, RunOptions, TraceEvent } from './model.js';

/** Event kinds, stored in the top bits of the payload: payload = kind << 24 | id. */
export const EV_ARRIVAL = 0, EV_SERVICE_END = 1, EV_HANDOFF_END = 2, EV_DISCHARGE = 3,
  EV_RENEGE = 4, EV_CAPACITY = 5, EV_DAY = 6, EV_WARMUP = 7;
export const ID_MASK = 0xffffff;
/** Named priorities: at one instant, places are released before they are sought. */
export const P_RELEASE = 0, P_STAT = 1, P_ARRIVAL = 2, P_RENEGE = 3;

export class SimState {
  readonly m: Model;
  readonly U: number;
  readonly E: number;
  readonly C: number;
  now = 0;
  events = 0;
  readonly trace: ((e: TraceEvent) => void) | null;
  readonly monitor: boolean;
  measuring: boolean;
  day = 0;
  readonly days: number;
  readonly end: number;
  readonly q = new EventQueue(4096);
  readonly pts: Patients;

  // Units
  readonly places: Float64Array;
  readonly cap: Float64Array;
  readonly qmax: Float64Array;
  /** Patients queued at the unit (live; the ring may also hold stale entries). */
  readonly qlen: Float64Array;
  /** Patients in a place whose service has ended (hand-off, discharge window, blocked). */
  readonly doneN: Float64Array;
  readonly queues: Ring[];
  /** Patients blocked elsewhere, waiting for a place (or a waiting place) here. */
  readonly waiting: Ring[];
  readonly isFront: Uint8Array;
  readonly isBeds: Uint8Array;
  readonly isAcute: Uint8Array;
  // PERF: per-unit settings copied into typed columns, read on every admission and move.
  readonly target: Float64Array;
  readonly fullTo: Int32Array;
  readonly overflowTo: Int32Array;
  /** 0 = longest waiting first, 1 = queue first, 2 = blocked first. */
  readonly prio: Uint8Array;
  readonly hasDischarge: Uint8Array;
  readonly service: Sampler[][];
  readonly next: Route[][];
  readonly routeRng: Stream[];
  /** [unit][dest + E]: hand-off delay sampler or null. */
  readonly handoff: (Sampler | null)[][];
  readonly patience: (Sampler | null)[];
  readonly dischargeRng: Stream[];
  readonly stats: UnitStats;
  /** Staff behind unit places (null: no unit draws its places from staff). */
  readonly staff: StaffState | null;
  /** Time in the emergency department of every attendance (units with role `ed`). */
  readonly ed: EdStats;

  // System
  sysLast = 0; sysArea = 0; entered = 0; left = 0;
  journeys = 0; tisSum = 0; waits12h = 0;
  readonly exitCount: Float64Array;
  readonly isDeathExit: Uint8Array;

  // Sources
  readonly srcRate: Float64Array;
  /** 0 = homogeneous Poisson, 1 = thinned (profile or season), 2 = timetable. */
  readonly srcMode: Uint8Array;
  readonly srcCohort: Int32Array;
  readonly srcMax: Float64Array;
  readonly srcToken: Int32Array;
  /** Timetables: next index into `times`, and the start of the current period. */
  readonly srcNext: Int32Array;
  readonly srcBase: Float64Array;
  readonly srcRng: Stream[];
  readonly srcCohortRng: Stream[];
  readonly srcRouteRng: Stream[];
  readonly profileMax: Float64Array;

  // Cohorts (population outcomes)
  readonly tracksCohorts: boolean;
  readonly people: Float64Array;
  readonly cohLast: Float64Array;
  readonly cohInSys: Float64Array; readonly cohInBeds: Float64Array;
  readonly cohSysArea: Float64Array; readonly cohBedArea: Float64Array;
  readonly cohCrises: Float64Array; readonly cohAdmissions: Float64Array;
  readonly cohPeopleDays: Float64Array;
  readonly cohFlows: { growth: Float64Array; deaths: Float64Array; movedIn: Float64Array; movedOut: Float64Array; pathwayDeaths: Float64Array };
  readonly peopleDaily: Float64Array;

  constructor(model: Model, opts: RunOptions) {
    const { seed, replication: rep } = opts;
    this.m = model;
    this.trace = opts.trace ?? null;
    this.pts = patientsForNextRun(opts.maxPatients);
    this.monitor = model.monitor;
    const U = (this.U = model.units.length);
    const E = (this.E = model.exits.length);
    const C = (this.C = model.cohorts.length);
    this.end = model.warmup + model.horizon;
    this.days = Math.ceil(this.end / DAY);
    this.measuring = model.warmup <= 0;
    const units = model.units;
    const col = (f: (i: number) => number) => Float64Array.from({ length: U }, (_, i) => f(i));
    this.places = new Float64Array(U);
    this.cap = col((i) => (units[i].schedule ? capAt(units[i].schedule!, 0) : units[i].capacity));
    this.qmax = col((i) => units[i].queue);
    this.qlen = new Float64Array(U);
    this.doneN = new Float64Array(U);
    this.queues = units.map(() => new Ring(64));
    this.waiting = units.map(() => new Ring(16));
    this.isFront = Uint8Array.from(units, (u) => (u.kind === 'front' ? 1 : 0));
    this.isBeds = Uint8Array.from(units, (u) => (u.kind === 'beds' ? 1 : 0));
    this.isAcute = Uint8Array.from(units, (u) => (u.role === 'acute' ? 1 : 0));
    this.target = col((i) => units[i].target);
    this.fullTo = Int32Array.from(units, (u) => u.full);
    this.overflowTo = Int32Array.from(units, (u) => u.overflow);
    this.prio = Uint8Array.from(units, (u) => (u.priority === 'queue-first' ? 1 : u.priority === 'blocked-first' ? 2 : 0));
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
    this.stats = new UnitStats(U, this.days);
    this.ed = new EdStats(model);
    this.staff = units.some((u) => u.staffing) ? new StaffState(model, seed, rep, this.days, this.cap) : null;
    this.exitCount = new Float64Array(E);
    this.isDeathExit = new Uint8Array(E);
    for (const e of model.deathExits) this.isDeathExit[e] = 1;

    const S = model.sources.length;
    this.srcRate = Float64Array.from(model.sources, (s) => s.rate);
    this.srcMode = Uint8Array.from(model.sources, (s) => (s.timetable ? 2 : s.profile || (s.seasonal && model.season) ? 1 : 0));
    this.srcCohort = Int32Array.from(model.sources, (s) => s.cohort);
    this.srcMax = new Float64Array(S);
    this.srcToken = new Int32Array(S);
    this.srcNext = new Int32Array(S);
    this.srcBase = new Float64Array(S);
    this.srcRng = model.sources.map((s) => makeStream(seed, rep, `arrivals:${s.name}`));
    this.srcCohortRng = model.sources.map((s) => makeStream(seed, rep, `cohort:${s.name}`));
    this.srcRouteRng = model.sources.map((s) => makeStream(seed, rep, `route:source:${s.name}`));
    this.profileMax = Float64Array.from(model.sources, (s) => (s.profile ? s.profile.reduce((a, b) => Math.max(a, b), -Infinity) : 1));

    this.tracksCohorts = model.population !== null;
    this.people = Float64Array.from(model.cohorts, (c) => c.people);
    const cf = () => new Float64Array(C);
    this.cohLast = cf(); this.cohInSys = cf(); this.cohInBeds = cf(); this.cohSysArea = cf();
    this.cohBedArea = cf(); this.cohCrises = cf(); this.cohAdmissions = cf(); this.cohPeopleDays = cf();
    this.cohFlows = { growth: cf(), deaths: cf(), movedIn: cf(), movedOut: cf(), pathwayDeaths: cf() };
    this.peopleDaily = new Float64Array(C * this.days);
  }
}

export function capAt(s: { at: number[]; cap: number[] }, t: number): number {
  let c = s.cap[0];
  for (let i = 0; i < s.at.length && s.at[i] <= t; i++) c = s.cap[i];
  return c;
}
