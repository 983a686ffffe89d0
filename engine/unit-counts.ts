/**
 * Every change to a unit count that a time-weighted statistic integrates (places in use,
 * capacity, queue length, finished patients holding a place, patients blocked for the unit)
 * goes through these functions, and each integrates the unit's statistics up to now first
 * ("touch"): a count changed untouched would credit its new value to the time before the
 * change. Touching twice in one instant costs nothing (dt = 0), so no caller has to know
 * whether someone touched already.
 */
import type { SimState } from './sim-state.js';

/**
 * Integrates unit u's time-weighted statistics up to now.
 * PERF: only the test is here, so that V8 inlines it at each of the dozen call sites without
 * spending its inlining budget (the integration is the larger part, and runs at most once per
 * unit and instant: later touches in the same instant find nothing to add).
 */
export function touch(s: SimState, u: number): void {
  if (s.now > s.stats.last[u] && s.monitor) integrate(s, u);
}

/** Adds the time since unit u's last touch to its areas (the caller checked that time has passed). */
function integrate(s: SimState, u: number): void {
  const st = s.stats;
  const dt = s.now - st.last[u];
  const units = s.units;
  const occ = units.places[u],
    cap = units.cap[u],
    ql = units.qlen[u],
    done = units.doneN[u];
  const listed = ql + units.blockedN[u];
  // PERF: a count of 0 adds nothing (the areas start at +0 and every term is >= +0, so the
  // sums keep the same bits), and many are 0 all run long: the queue of a unit without one,
  // the finished patients of a unit nobody waits to leave.
  if (occ !== 0) st.occArea[u] += occ * dt;
  if (ql !== 0) st.queueArea[u] += ql * dt;
  if (done !== 0) st.blockedArea[u] += done * dt;
  if (listed !== 0) st.listArea[u] += listed * dt;
  if (occ >= cap) st.fullTime[u] += dt;
  st.last[u] = s.now;
}

/** A patient takes a place in u. */
export function takePlace(s: SimState, u: number): void {
  touch(s, u);
  s.units.places[u]++;
}

/** A patient whose service had ended gives up its place in u. */
export function freeDonePlace(s: SimState, u: number): void {
  touch(s, u);
  const units = s.units;
  units.places[u]--;
  units.doneN[u]--;
}

/** A patient's service in u ends; it keeps the place until it can leave. */
export function endService(s: SimState, u: number): void {
  touch(s, u);
  s.units.doneN[u]++;
}

/** A patient whose service in u had ended starts another stay in the same place. */
export function restartService(s: SimState, u: number): void {
  touch(s, u);
  s.units.doneN[u]--;
}

/** Patient p (with its current token) joins u's queue. */
export function joinQueue(s: SimState, u: number, p: number, token: number): void {
  touch(s, u);
  s.units.qlen[u]++;
  s.units.queues[u].push(p, token);
}

/** The patient at the head of u's queue leaves it for a place; returns its id. */
export function shiftQueue(s: SimState, u: number): number {
  touch(s, u);
  s.units.qlen[u]--;
  return s.units.queues[u].shift();
}

/** A queued patient leaves u's queue out of turn (reneging; its ring entry goes stale). */
export function dropFromQueue(s: SimState, u: number): void {
  touch(s, u);
  s.units.qlen[u]--;
}

/** Patient p, holding a place elsewhere, waits for a place (or a waiting place) in u. */
export function blockFor(s: SimState, u: number, p: number): void {
  touch(s, u);
  s.units.blockedN[u]++;
  s.units.waiting[u].push(p, 0);
}

/** The longest-blocked patient waiting for u stops waiting; returns its id. */
export function shiftBlocked(s: SimState, u: number): number {
  touch(s, u);
  s.units.blockedN[u]--;
  return s.units.waiting[u].shift();
}

/** Unit u's capacity becomes `cap` now. */
export function setCapacity(s: SimState, u: number, cap: number): void {
  touch(s, u);
  s.stats.capacityChange(u, s.units.cap[u], s.now);
  s.units.cap[u] = cap;
}
