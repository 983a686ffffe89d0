/**
 * The event loop: pop the next event, dispatch it, repeat until the horizon. Everything the
 * events do lives in flow.ts (patients and units), sources.ts (arrivals) and population.ts.
 * Pure: no I/O, no clock, no global randomness; the same model, seed and replication give
 * the same result everywhere.
 */
import { SimState } from './sim-state.js';
import {
  eventPayload,
  eventKind,
  EV_SERVICE_END,
  EV_HANDOFF_END,
  EV_DISCHARGE,
  EV_RENEGE,
  EV_CAPACITY,
  EV_WARMUP,
  EV_ROSTER,
  ID_MASK,
  P_RELEASE,
  P_STAT,
} from './events.js';
import { emit, touchSystem, serviceEnd, ready, attemptMove, renege, release } from './flow.js';
import { touch, setCapacity } from './unit-counts.js';
import { startSources, onArrival, refreshPopulationSources } from './sources.js';
import { recordPeople, evolvePopulation } from './population.js';
import { collect } from './collect.js';
import { recyclePatients } from './patients.js';
import { UnitStats } from './unit-stats.js';
import { recycleRings } from './unit-columns.js';
import { checkModel } from './check-model.js';
import { startStaff, staffDay, fundedChange, rosterChange } from './staffing.js';
import { DAY } from './calendar.js';
import type { Model, SimOptions } from './model.js';
import type { ReplicationResult } from './replication-result.js';

export function simulate(model: Model, opts: SimOptions): ReplicationResult {
  checkModel(model);
  const s = new SimState(model, opts);
  start(s);
  run(s);
  finish(s);
  const result = collect(s, opts.replication);
  // Nothing in the result refers to these columns: the next replication in this thread clears and reuses them.
  recyclePatients(s.pts);
  UnitStats.recycle(s.stats);
  recycleRings(s.units);
  return result;
}

function start(s: SimState): void {
  const q = s.q;
  if (s.staff) startStaff(s, s.staff);
  for (let u = 0; u < s.U; u++) if (s.m.units[u].schedule) scheduleCapacity(s, u, s.schedules.firstChange(u));
  if (s.staff) s.m.staff!.forEach((g, i) => g.roster && scheduleRoster(s, i, firstAfterZero(g.roster.at)));
  if (DAY < s.end) scheduleDay(s, DAY);
  if (s.m.warmup > 0) q.push(s.m.warmup, P_STAT, eventPayload(EV_WARMUP, 0));
  recordPeople(s);
  startSources(s);
}

function run(s: SimState): void {
  while (runDay(s));
}

/**
 * Runs events up to the next midnight and the midnight itself; false when the horizon came
 * first. PERF: the loop returns once a simulated day, so V8 compiles it as a function called
 * many times, with the feedback of whole days, rather than replacing it mid-loop the first
 * time it runs long (a one-replication run such as model A ran its 2 million events in code
 * compiled that way, whose quality moved with unrelated edits).
 */
function runDay(s: SimState): boolean {
  const q = s.q,
    end = s.end,
    sources = s.sources;
  for (;;) {
    // Three candidates: a source's pending arrival, the midnight and the heap's next event, in
    // (time, key) order; before() breaks a tie of times with the heap.
    const next = q.peekTime(),
      dayAt = s.dayAt,
      i = sources.first,
      at = i < 0 ? Infinity : sources.at[i];
    if (at <= next && at <= dayAt && at < end && (at < next || q.before(at, sources.key[i])) && (at < dayAt || sources.key[i] < s.dayKey)) {
      s.now = at;
      s.events++;
      onArrival(s, i);
      continue;
    }
    if (dayAt <= next && dayAt < end && (dayAt < next || q.before(dayAt, s.dayKey))) {
      s.now = dayAt;
      s.events++;
      newDay(s);
      return true;
    }
    if (!(next < end)) return false;
    q.pop();
    s.now = q.topTime;
    s.events++;
    const payload = q.topPayload,
      id = payload & ID_MASK;
    switch (eventKind(payload)) {
      case EV_SERVICE_END:
        serviceEnd(s, id);
        break;
      case EV_HANDOFF_END:
        ready(s, id);
        break;
      case EV_DISCHARGE:
        attemptMove(s, id);
        break;
      case EV_RENEGE:
        renege(s, id, q.topTag);
        break;
      case EV_CAPACITY:
        changeCapacity(s, id, q.topTag);
        break;
      case EV_WARMUP:
        endWarmup(s);
        break;
      case EV_ROSTER:
        changeRoster(s, id, q.topTag);
        break;
    }
  }
}

/**
 * Schedules breakpoint i of unit u's capacity schedule (its index travels in the event's
 * tag, so each change schedules the next in O(1): an hourly roster over decades has
 * hundreds of thousands of breakpoints).
 */
function scheduleCapacity(s: SimState, u: number, i: number): void {
  const at = s.schedules.at[u];
  if (i < at.length && at[i] < s.end) s.q.push(at[i], P_RELEASE, eventPayload(EV_CAPACITY, u), i);
}

/** Lowering capacity never evicts: places above the new capacity empty as patients leave. */
function changeCapacity(s: SimState, u: number, i: number): void {
  const funded = s.schedules.level[u][i];
  const cap = s.staff ? fundedChange(s, s.staff, u, funded) : funded;
  setCapacity(s, u, cap);
  if (s.trace) emit(s, 'capacity', -1, u, cap);
  scheduleCapacity(s, u, i + 1);
  release(s, u);
}

/** Schedules breakpoint i of staff group g's roster, as scheduleCapacity does for a unit. */
function scheduleRoster(s: SimState, g: number, i: number): void {
  const at = s.m.staff![g].roster!.at;
  if (i < at.length && at[i] < s.end) s.q.push(at[i], P_RELEASE, eventPayload(EV_ROSTER, g), i);
}

function changeRoster(s: SimState, g: number, i: number): void {
  rosterChange(s, s.staff!, g, s.m.staff![g].roster!.cap[i]);
  scheduleRoster(s, g, i + 1);
}

function firstAfterZero(at: readonly number[]): number {
  let i = 0;
  while (i < at.length && at[i] <= 0) i++;
  return i;
}

function touchAll(s: SimState): void {
  for (let u = 0; u < s.U; u++) touch(s, u);
  touchSystem(s);
  if (s.cohorts.tracked) for (let c = 0; c < s.C; c++) s.cohorts.touch(c, s.now);
}

function newDay(s: SimState): void {
  touchAll(s);
  s.stats.closeDay(s.day, s.now, s.units.cap);
  s.day++;
  if (s.staff) staffDay(s, s.staff);
  if (s.m.population) {
    evolvePopulation(s);
    refreshPopulationSources(s);
  }
  recordPeople(s);
  s.dayAt = Infinity;
  if (s.now + DAY < s.end) scheduleDay(s, s.now + DAY);
}

/**
 * PERF: midnight is not a heap event (2,000 a replication in a 2,000-day run): the loop
 * compares it with the heap's next event. It takes an insertion number from the queue as a
 * pushed event would, so it leaves in exactly the (time, priority, seq) order the heap gave it.
 */
function scheduleDay(s: SimState, at: number): void {
  s.dayAt = at;
  s.dayKey = s.q.reserve(P_STAT);
}

function endWarmup(s: SimState): void {
  touchAll(s);
  s.stats.reset(s.now, s.units.cap);
  s.sysArea = 0;
  const cohorts = s.cohorts;
  cohorts.systemArea.fill(0);
  cohorts.bedArea.fill(0);
  s.measuring = true;
  insideNow(s, s.flows.insideStart);
  if (s.staff) s.staff.reset(s.now, s);
  s.ed.reset();
  // People-days of the day already started count from here on.
  if (s.now % DAY !== 0) for (let c = 0; c < s.C; c++) cohorts.peopleDays[c] += cohorts.people[c] * (1 - (s.now % DAY) / DAY);
}

function finish(s: SimState): void {
  s.now = s.end;
  touchAll(s);
  if (s.staff) s.staff.advance(s.now, s);
  if (s.day < s.days) s.stats.closeDay(s.day, s.now, s.units.cap);
  insideNow(s, s.flows.insideEnd);
}

/** Patients inside each unit now, holding a place (blocked ones included) or queueing: the stock of the flow balance. */
function insideNow(s: SimState, out: Float64Array): void {
  const units = s.units;
  for (let u = 0; u < s.U; u++) out[u] = units.places[u] + units.qlen[u];
}
