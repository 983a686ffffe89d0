/**
 * All mutable state of one replication, built once from the model, in column groups: units,
 * their statistics, sources, cohorts and capacity schedules, each an object holding typed
 * (or parallel) arrays indexed by unit, source or cohort. Nothing here allocates per event.
 * PERF: hot functions read a group into a local once (`const units = s.units`).
 */
import { EventQueue } from './event-queue.js';
import { patientsForNextRun, type Patients } from './patients.js';
import { UnitStats } from './unit-stats.js';
import { UnitColumns } from './unit-columns.js';
import { SourceColumns } from './source-columns.js';
import { CohortColumns } from './cohort-columns.js';
import { ScheduleColumns } from './schedule-columns.js';
import { DAY } from './calendar.js';
import { StaffState } from './staffing.js';
import { EdStats } from './ed-stats.js';
import { FlowCounts } from './flow-counts.js';
import type { Model, SimOptions, TraceEvent } from './model.js';

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
  /** The next midnight and its queue key (Infinity: none before the end); see simulator.ts. */
  dayAt = Infinity;
  dayKey = 0;
  readonly days: number;
  readonly end: number;
  readonly q = new EventQueue(4096);
  readonly pts: Patients;

  readonly units: UnitColumns;
  readonly stats: UnitStats;
  readonly sources: SourceColumns;
  readonly cohorts: CohortColumns;
  readonly schedules: ScheduleColumns;
  /** Staff behind unit places (null: no unit draws its places from staff). */
  readonly staff: StaffState | null;
  /** Time in the emergency department of every attendance (units with role `ed`). */
  readonly ed: EdStats;
  /** Patients moving along each edge of the pathway after warm-up (flow-counts.ts). */
  readonly flows: FlowCounts;

  // System
  sysLast = 0;
  sysArea = 0;
  entered = 0;
  left = 0;
  journeys = 0;
  tisSum = 0;
  waits12h = 0;
  readonly exitCount: Float64Array;
  readonly isDeathExit: Uint8Array;

  constructor(model: Model, opts: SimOptions) {
    const { seed, replication: rep } = opts;
    this.m = model;
    this.trace = opts.trace ?? null;
    this.pts = patientsForNextRun(this, opts.maxPatients);
    this.monitor = model.monitor;
    const U = (this.U = model.units.length);
    const E = (this.E = model.exits.length);
    this.C = model.cohorts.length;
    this.end = model.warmup + model.horizon;
    this.days = Math.ceil(this.end / DAY);
    this.measuring = model.warmup <= 0;
    this.schedules = new ScheduleColumns(model);
    this.units = new UnitColumns(model, seed, rep, this.schedules.initial);
    this.stats = UnitStats.forRun(U, this.days);
    this.sources = new SourceColumns(model, seed, rep);
    this.cohorts = new CohortColumns(model, this.days);
    this.ed = new EdStats(model);
    this.flows = new FlowCounts(model);
    this.staff = model.units.some((u) => u.staffing) ? new StaffState(model, seed, rep, this.days, this.units.cap) : null;
    this.exitCount = new Float64Array(E);
    this.isDeathExit = new Uint8Array(E);
    for (const e of model.deathExits) this.isDeathExit[e] = 1;
  }
}
