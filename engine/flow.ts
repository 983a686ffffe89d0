/**
 * How patients move through units: arrive, queue, get a place, finish service, wait for a
 * hand-off or a discharge window, move on or stay blocked. Blocking after service is the
 * heart of the model: a patient whose next unit is full keeps its place (and is listed in
 * that unit's `waiting` ring); when the next unit frees a place, the longest-waiting patient
 * moves, which frees its own place upstream and cascades in the same instant. No polling.
 */
import { QUEUED, SERVING, DONE, BLOCKED, QUEUE_FIRST, LONGEST_WAITING_FIRST } from './codes.js';
import type { SimState } from './sim-state.js';
import { eventPayload, EV_SERVICE_END, EV_HANDOFF_END, EV_DISCHARGE, EV_RENEGE, P_RELEASE, P_RENEGE } from './events.js';
import { nextDischargeTime, TWELVE_HOURS } from './calendar.js';
import { SimulationError } from './errors.js';
import { edDeparture } from './ed-stats.js';
import {
  takePlace,
  freeDonePlace,
  endService,
  restartService,
  joinQueue,
  shiftQueue,
  dropFromQueue,
  blockFor,
  shiftBlocked,
} from './unit-counts.js';
import type { Route, TraceEvent } from './model.js';
import type { Stream } from './random.js';
import type { Sampler } from './distributions.js';

/** Reports a step to the trace callback; callers check `s.trace` first so untraced runs pay one branch. */
export function emit(s: SimState, what: TraceEvent['what'], p: number, u: number, detail?: string | number): void {
  const unit = u >= 0 ? s.m.units[u].name : '';
  s.trace!(detail === undefined ? { time: s.now, what, patient: p, unit } : { time: s.now, what, patient: p, unit, detail });
}

export function touchSystem(s: SimState): void {
  s.sysArea += s.pts.live * (s.now - s.sysLast);
  s.sysLast = s.now;
}

/** Draws an index from cumulative probabilities; a single choice uses no random number. */
export function pickIndex(cum: number[], rng: Stream): number {
  if (cum.length === 1) return 0;
  const u = rng.next();
  let i = 0;
  while (i < cum.length - 1 && u >= cum[i]) i++;
  return i;
}

/** Draws a destination code from a route. */
export function pick(route: Route, rng: Stream): number {
  return route.dest[pickIndex(route.cum, rng)];
}

function sample(s: SimState, f: Sampler, u: number, p: number): number {
  const x = f.next();
  if (!(x >= 0 && x < Infinity)) {
    throw new SimulationError('BAD_SAMPLE', `a duration sample was ${x}`, { time: s.now, unit: s.m.units[u].name, patient: p });
  }
  return x;
}

/** A new patient of cohort c enters the system. */
export function enter(s: SimState, c: number): number {
  touchSystem(s);
  const p = s.pts.alloc(c);
  s.entered++;
  if (s.cohorts.tracked) s.cohorts.changeInSystem(c, s.now, 1);
  return p;
}

/** The patient leaves the system by exit e (>= 0), or is lost/reneges without overflow (-1). */
export function leave(s: SimState, p: number, e: number): void {
  touchSystem(s);
  const P = s.pts,
    c = P.cohort[p];
  if (s.trace) emit(s, e >= 0 ? 'exit' : 'lost', p, P.unit[p], e >= 0 ? s.m.exits[e] : undefined);
  s.left++;
  if (e >= 0) {
    if (s.measuring) {
      s.exitCount[e]++;
      s.journeys++;
      s.tisSum += s.now - P.born[p];
    }
    if (s.isDeathExit[e] && s.cohorts.tracked) {
      const cohorts = s.cohorts;
      cohorts.people[c] = Math.max(0, cohorts.people[c] - 1);
      cohorts.flows.pathwayDeaths[c]++;
    }
  }
  if (s.cohorts.tracked) s.cohorts.changeInSystem(c, s.now, -1);
  P.release(p);
}

function noteArrival(s: SimState, p: number, u: number): void {
  if (s.trace) emit(s, 'arrive', p, u);
  s.pts.arrived[p] = s.now;
  if (s.units.isFront[u]) s.pts.front[p] = s.now;
  if (s.measuring) s.stats.arrivals[u]++;
}

/** Arrival from outside (a source, a divert or a renege overflow): `full` rules apply. */
export function arriveOutside(s: SimState, p: number, u: number, hops: number): void {
  noteArrival(s, p, u);
  const units = s.units;
  if (units.places[u] < units.cap[u]) {
    admit(s, p, u);
    return;
  }
  if (units.qlen[u] < units.qmax[u]) {
    s.pts.since[p] = s.now;
    enqueue(s, p, u);
    return;
  }
  const divert = units.fullTo[u];
  if (s.measuring) s.stats.lost[u]++;
  if (divert >= 0 && hops < s.U) {
    if (s.measuring) {
      s.stats.diverted[u]++;
      s.flows.fromUnit(u, divert);
    }
    if (s.trace) emit(s, 'divert', p, u, s.m.units[divert].name);
    arriveOutside(s, p, divert, hops + 1);
  } else {
    if (s.measuring) s.flows.lostAt(u, s.flows.turnedAway);
    s.pts.unit[p] = u; // so the trace names the unit that turned the patient away
    leave(s, p, -1);
  }
}

/** Joins u's queue; the caller has set `since` to when the patient started waiting for u. */
function enqueue(s: SimState, p: number, u: number): void {
  const P = s.pts;
  P.status[p] = QUEUED;
  P.unit[p] = u;
  const tok = ++P.token[p];
  joinQueue(s, u, p, tok);
  if (s.trace) emit(s, 'queue', p, u);
  const pat = s.units.patience[u];
  if (pat !== null) s.q.push(s.now + sample(s, pat, u, p), P_RENEGE, eventPayload(EV_RENEGE, p), tok);
}

function admit(s: SimState, p: number, u: number): void {
  const P = s.pts,
    c = P.cohort[p],
    units = s.units;
  takePlace(s, u);
  P.status[p] = SERVING;
  P.unit[p] = u;
  P.admitted[p] = s.now;
  if (s.trace) emit(s, 'admit', p, u);
  // Counted in the warm-up too, for the daily series; reset() zeroes it when measuring starts.
  s.stats.admitted[u]++;
  if (s.measuring) {
    const st = s.stats,
      w = s.now - P.arrived[p];
    st.recordWait(u, w);
    const target = units.target[u];
    if (target > 0 && w <= target) st.withinTarget[u]++;
    if (units.isAcute[u]) {
      s.cohorts.admissions[c]++;
      if (P.front[p] >= 0 && s.now - P.front[p] > TWELVE_HOURS) s.waits12h++;
    }
  }
  if (units.isBeds[u] && s.cohorts.tracked) s.cohorts.changeInBeds(c, s.now, 1);
  s.q.push(s.now + sample(s, units.service[u][c], u, p), P_RELEASE, eventPayload(EV_SERVICE_END, p));
}

/** Leaves the place held in u (stats only; the caller refills it with release()). */
function depart(s: SimState, p: number, u: number): void {
  const P = s.pts;
  if (s.trace) emit(s, 'depart', p, u);
  if (s.measuring && s.ed.isEd[u]) edDeparture(s, p, u);
  freeDonePlace(s, u);
  if (s.measuring) {
    s.stats.losSum[u] += s.now - P.admitted[p];
    s.stats.departures[u]++;
  }
  if (s.units.isBeds[u] && s.cohorts.tracked) s.cohorts.changeInBeds(P.cohort[p], s.now, -1);
}

export function serviceEnd(s: SimState, p: number): void {
  const P = s.pts,
    u = P.unit[p],
    units = s.units;
  endService(s, u);
  P.status[p] = DONE;
  const d = pick(units.next[u][P.cohort[p]], units.routeRng[u]);
  P.dest[p] = d;
  if (s.trace) emit(s, 'service-end', p, u, d >= 0 ? s.m.units[d].name : s.m.exits[-d - 1]);
  const h = units.handoff[u][d + s.E];
  if (h !== null && s.trace) emit(s, 'handoff', p, u);
  if (h !== null) s.q.push(s.now + sample(s, h, u, p), P_RELEASE, eventPayload(EV_HANDOFF_END, p));
  else ready(s, p);
}

/** Service and hand-off are over: leave now, or at the unit's next discharge time. */
export function ready(s: SimState, p: number): void {
  const u = s.pts.unit[p];
  if (s.units.hasDischarge[u] && s.pts.dest[p] !== u) {
    const rule = s.m.units[u].discharge!;
    const t = nextDischargeTime(s.now, rule, s.m.weekOffset, s.units.dischargeRng[u]);
    if (t > s.now) {
      if (s.trace) emit(s, 'discharge-wait', p, u, t);
      s.q.push(t, P_RELEASE, eventPayload(EV_DISCHARGE, p));
      return;
    }
  }
  attemptMove(s, p);
}

export function attemptMove(s: SimState, p: number, reroute = true): void {
  const P = s.pts,
    u = P.unit[p],
    d = P.dest[p],
    units = s.units;
  if (d === u) {
    stayOn(s, p, u);
  } else if (d < 0) {
    if (s.measuring) s.flows.fromUnit(u, d);
    depart(s, p, u);
    leave(s, p, -d - 1);
    release(s, u);
  } else if (units.places[d] < units.cap[d]) {
    if (s.measuring) s.flows.fromUnit(u, d);
    depart(s, p, u);
    noteArrival(s, p, d);
    admit(s, p, d);
    release(s, u);
  } else if (units.qlen[d] < units.qmax[d]) {
    if (s.measuring) s.flows.fromUnit(u, d);
    depart(s, p, u);
    noteArrival(s, p, d);
    P.since[p] = s.now;
    enqueue(s, p, d);
    release(s, u);
  } else if (reroute && s.m.units[u].ifFull?.[d] !== undefined) {
    // One re-route only: if the alternative is full too, the patient waits for it.
    const alt = s.m.units[u].ifFull[d];
    if (s.trace) emit(s, 'divert', p, u, alt >= 0 ? s.m.units[alt].name : s.m.exits[-alt - 1]);
    P.dest[p] = alt;
    attemptMove(s, p, false);
  } else {
    P.status[p] = BLOCKED;
    P.since[p] = s.now;
    blockFor(s, d, p);
    if (s.trace) emit(s, 'blocked', p, u, s.m.units[d].name);
  }
}

/**
 * The next unit is the one the patient is in: its next stay starts in the place it holds.
 * Moving out and back in would make it wait for its own place while holding it, which
 * deadlocks a unit without a queue once every place is held that way. It is one stay as far
 * as the unit's counts go (no new arrival or admission; los_mean runs to the final departure),
 * and the discharge window does not apply: nobody leaves.
 */
function stayOn(s: SimState, p: number, u: number): void {
  restartService(s, u);
  s.pts.status[p] = SERVING;
  s.q.push(s.now + sample(s, s.units.service[u][s.pts.cohort[p]], u, p), P_RELEASE, eventPayload(EV_SERVICE_END, p));
}

/** Drops stale queue entries (patients who reneged) from the head of u's queue. */
function cleanHead(s: SimState, u: number): void {
  const Q = s.units.queues[u],
    P = s.pts;
  while (Q.length > 0) {
    const p = Q.headId();
    if (P.status[p] === QUEUED && P.unit[p] === u && P.token[p] === Q.headToken()) return;
    Q.shift();
  }
}

/**
 * A blocked patient takes the waiting place that just freed in u. It keeps `since`, the time
 * it was blocked: it has been waiting for u since then, so it keeps its turn in the queue.
 */
function blockedToQueue(s: SimState, u: number): void {
  const units = s.units;
  if (units.blockedN[u] === 0 || units.qlen[u] >= units.qmax[u]) return;
  const b = shiftBlocked(s, u),
    from = s.pts.unit[b];
  if (s.measuring) s.flows.delayedFromUnit(from, u);
  depart(s, b, from);
  noteArrival(s, b, u);
  enqueue(s, b, u);
  release(s, from);
}

/** Fills free places in u from its queue and from patients blocked upstream. */
export function release(s: SimState, u: number): void {
  const P = s.pts,
    units = s.units,
    W = units.waiting[u],
    Q = units.queues[u];
  while (units.places[u] < units.cap[u]) {
    cleanHead(s, u);
    const hasQ = Q.length > 0,
      hasW = W.length > 0;
    if (!hasQ && !hasW) return;
    const rule = units.prio[u];
    const fromQueue =
      !hasW || (hasQ && (rule === QUEUE_FIRST || (rule === LONGEST_WAITING_FIRST && P.since[Q.headId()] <= P.since[W.headId()])));
    if (fromQueue) {
      const p = shiftQueue(s, u);
      admit(s, p, u);
      blockedToQueue(s, u);
    } else {
      const b = shiftBlocked(s, u),
        from = P.unit[b];
      if (s.measuring) s.flows.delayedFromUnit(from, u);
      depart(s, b, from);
      noteArrival(s, b, u);
      admit(s, b, u);
      release(s, from);
    }
  }
}

/** Patience ran out while queued at a team: leave the queue, go to the overflow unit. */
export function renege(s: SimState, p: number, tok: number): void {
  const P = s.pts;
  if (P.status[p] !== QUEUED || P.token[p] !== tok) return; // reached in time: stale event
  const u = P.unit[p],
    o = s.units.overflowTo[u];
  dropFromQueue(s, u);
  P.token[p]++;
  P.unit[p] = -1;
  if (s.measuring) {
    s.stats.reneged[u]++;
    if (o >= 0) s.flows.fromUnit(u, o);
    else s.flows.lostAt(u, s.flows.leftWaiting);
  }
  if (s.trace) emit(s, 'renege', p, u);
  blockedToQueue(s, u);
  if (o >= 0) arriveOutside(s, p, o, 0);
  else {
    P.unit[p] = u;
    leave(s, p, -1);
  } // the trace names the team the patient left
}
