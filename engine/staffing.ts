/**
 * Places drawn from staff. A staffed unit's `capacity` (or schedule) is its funded places;
 * the places it can use on day d are what its share of the staff group's contact time covers:
 *
 *   budget_d   = share x contact minutes of the group on day d / minutes a place needs a day
 *   places(t)  = floor(budget_d)                                      (funded places unlimited)
 *              = floor(funded(t) x min(1, budget_d / mean funded places of day d))   (otherwise)
 *
 * so a roster's shifts are filled in proportion and the staff hours a day's places use never
 * exceed the hours there are. A group with a roster of its own (`staff.<g>.roster`, a level
 * w(t) such as WTE on shift) spreads each day's contact time over the day in proportion to
 * it, and its units' places follow the staff on shift instead:
 *
 *   places(t)  = floor(min(funded(t), budget_d x w(t) / mean of w over day d))
 *
 * (no min when funded places are unlimited). Absence is drawn once a day per group from its own stream
 * (`staff:<group>`), so no other stream moves and every strategy sees the same absences.
 * A change of places goes through the engine's capacity change: nobody is evicted, and a
 * rise admits waiting patients at once.
 */
import type { Model } from './model.js';
import type { SimState } from './sim-state.js';
import { makeStream } from './random.js';
import { makeSampler, type Sampler } from './distributions.js';
import { release, emit } from './flow.js';
import { setCapacity } from './unit-counts.js';
import { DAY } from './calendar.js';

/** Guards floor() against 4.999999999 from a product that is 5 on paper. */
const EPS = 1e-9;

export class StaffState {
  readonly G: number;
  /** Staffed unit indices. */
  readonly units: number[];
  readonly absence: Sampler[];
  /** Whether any group's absence is random (drawn each day). */
  readonly random: boolean;
  /** Whether any staffed unit's funded places follow a schedule, whose mean over a day may differ from the day before's. */
  readonly scheduled: boolean;
  /** Today's available WTE and contact minutes per group. */
  readonly wte: Float64Array;
  readonly contact: Float64Array;
  /** Funded places now, per unit (Infinity: unlimited). */
  readonly funded: Float64Array;
  /** Mean funded places of each day, [day * U + u] (staffed units only). */
  readonly fundedDay: Float64Array;
  /** Places the whole establishment would cover with nobody absent, per unit. */
  readonly budgetFull: Float64Array;
  /** Funded places the staff cannot cover right now, and what the whole establishment could not. */
  readonly lostNow: Float64Array;
  /** Per group: its roster level now, and each day's mean level [day * G + g]; `rostered[g]` = 1 when it has a roster. */
  readonly rosterNow: Float64Array;
  readonly rosterDay: Float64Array;
  readonly rostered: Uint8Array;
  readonly anyRoster: boolean;
  /** Per unit: its staff group (-1: not staffed). */
  readonly groupOf: Int32Array;
  /** The last day whose absence has been drawn. */
  drawnDay = -1;
  // Areas over the measured period (minutes x value).
  last = 0;
  readonly wteArea: Float64Array;
  readonly contactArea: Float64Array;
  readonly lostArea: Float64Array;
  private readonly U: number;

  constructor(m: Model, seed: number | string, rep: number, days: number, initialCap: Float64Array) {
    const groups = m.staff ?? [];
    this.G = groups.length;
    this.U = m.units.length;
    this.units = m.units.flatMap((u, i) => (u.staffing ? [i] : []));
    this.absence = groups.map((g) => makeSampler(g.absence, makeStream(seed, rep, `staff:${g.name}`)));
    this.random = groups.some((g) => g.absence.kind !== 'fixed');
    this.scheduled = this.units.some((u) => m.units[u].schedule !== undefined);
    this.wte = new Float64Array(this.G);
    this.contact = new Float64Array(this.G);
    this.wteArea = new Float64Array(this.G);
    this.contactArea = new Float64Array(this.G);
    this.funded = Float64Array.from(initialCap);
    this.fundedDay = new Float64Array(days * this.U);
    this.budgetFull = new Float64Array(this.U);
    this.lostNow = new Float64Array(this.U);
    this.lostArea = new Float64Array(this.U);
    this.rosterNow = new Float64Array(this.G);
    this.rosterDay = new Float64Array(days * this.G);
    this.rostered = Uint8Array.from(groups, (g) => (g.roster ? 1 : 0));
    this.anyRoster = this.rostered.includes(1);
    groups.forEach((g, i) => {
      if (!g.roster) return;
      this.rosterNow[i] = meanOver(NaN, g.roster, 0, 1);
      for (let d = 0; d < days; d++) this.rosterDay[d * this.G + i] = meanOver(NaN, g.roster, d * DAY, (d + 1) * DAY);
    });
    this.groupOf = Int32Array.from(m.units, (u) => u.staffing?.group ?? -1);
    for (const u of this.units) {
      const unit = m.units[u],
        st = unit.staffing!,
        g = groups[st.group];
      this.budgetFull[u] = (st.share * g.establishment * (1 - g.leave) * g.contactPerWte) / st.perPlace;
      for (let d = 0; d < days; d++) this.fundedDay[d * this.U + u] = meanOver(unit.capacity, unit.schedule, d * DAY, (d + 1) * DAY);
    }
  }

  /** Places of staffed unit u on `day` with funded places `funded` and a budget of places. */
  places(u: number, day: number, funded: number, budget: number): number {
    const g = this.groupOf[u];
    if (this.rostered[g]) {
      const mean = this.rosterDay[day * this.G + g];
      const onShift = mean > 0 ? (budget * this.rosterNow[g]) / mean : 0;
      return Math.floor(Math.min(funded, onShift) + EPS);
    }
    if (funded === Infinity) return Math.floor(budget + EPS);
    const mean = this.fundedDay[day * this.U + u];
    return mean > 0 ? Math.floor(funded * Math.min(1, budget / mean) + EPS) : 0;
  }

  /** Integrates the staff areas up to now (called before anything they depend on changes). */
  advance(now: number, s: SimState): void {
    const dt = now - this.last;
    if (dt <= 0) return;
    if (s.measuring) {
      for (let g = 0; g < this.G; g++) {
        this.wteArea[g] += this.wte[g] * dt;
        this.contactArea[g] += this.contact[g] * dt;
      }
      for (const u of this.units) this.lostArea[u] += this.lostNow[u] * dt;
    }
    this.last = now;
  }

  /** Forgets the warm-up. */
  reset(now: number, s: SimState): void {
    this.advance(now, s);
    this.wteArea.fill(0);
    this.contactArea.fill(0);
    this.lostArea.fill(0);
  }
}

/** Time-average of a capacity (or its schedule) over [from, to). */
function meanOver(capacity: number, schedule: { at: number[]; cap: number[] } | undefined, from: number, to: number): number {
  if (!schedule) return capacity;
  let area = 0,
    i = 0;
  while (i + 1 < schedule.at.length && schedule.at[i + 1] <= from) i++;
  for (let t = from; t < to; i++) {
    const next = i + 1 < schedule.at.length ? Math.min(to, schedule.at[i + 1]) : to;
    area += schedule.cap[i] * (next - t);
    t = next;
  }
  return area / (to - from);
}

/**
 * Draws today's absence of every group (one draw each, in group order) and sets WTE and
 * contact time, once a day: a funded change at midnight (a roster) may come first, in the
 * same instant, and then uses the new day's staff too.
 */
function drawDay(s: SimState, st: StaffState): void {
  const day = dayOf(s);
  if (day <= st.drawnDay) return;
  st.drawnDay = day;
  const groups = s.m.staff!;
  for (let g = 0; g < st.G; g++) {
    const grp = groups[g];
    const a = Math.min(1, Math.max(0, st.absence[g].next()));
    st.wte[g] = grp.wte * Math.max(0, 1 - grp.leave - a);
    st.contact[g] = st.wte[g] * grp.contactPerWte;
  }
}

/** Unit u's places now, from its funded places and today's staff. */
function capNow(s: SimState, st: StaffState, u: number): number {
  const sf = s.m.units[u].staffing!;
  const budget = (sf.share * st.contact[sf.group]) / sf.perPlace;
  const day = dayOf(s);
  const c = st.places(u, day, st.funded[u], budget);
  const full = st.places(u, day, st.funded[u], st.budgetFull[u]);
  st.lostNow[u] = Math.max(0, full - c);
  return c;
}

function dayOf(s: SimState): number {
  return Math.min(Math.floor(s.now / DAY), s.days - 1);
}

/** t = 0: day 0's staff and the places they give. Nothing has run yet, so no statistics move. */
export function startStaff(s: SimState, st: StaffState): void {
  drawDay(s, st);
  for (const u of st.units) s.units.cap[u] = capNow(s, st, u);
}

/** A new day: new absence, new places (only units whose places change are touched). */
export function staffDay(s: SimState, st: StaffState): void {
  // Places also move at midnight when the day's mean roster level or mean funded places
  // differ from the day before's (weekends, winter beds), even with nobody's absence drawn.
  if (!st.random && !st.anyRoster && !st.scheduled) return;
  st.advance(s.now, s);
  if (st.random) drawDay(s, st);
  for (const u of st.units) setCap(s, u, capNow(s, st, u));
}

/** Group g's roster moves to `level` (a shift starts or ends): its units' places follow. */
export function rosterChange(s: SimState, st: StaffState, g: number, level: number): void {
  st.advance(s.now, s);
  if (st.random) drawDay(s, st);
  st.rosterNow[g] = level;
  for (const u of st.units) if (st.groupOf[u] === g) setCap(s, u, capNow(s, st, u));
}

/** Unit u's funded places change (its schedule); returns the places to use. */
export function fundedChange(s: SimState, st: StaffState, u: number, funded: number): number {
  if (!s.m.units[u].staffing) return funded;
  st.advance(s.now, s);
  if (st.random) drawDay(s, st);
  st.funded[u] = funded;
  return capNow(s, st, u);
}

function setCap(s: SimState, u: number, c: number): void {
  if (c === s.units.cap[u]) return;
  setCapacity(s, u, c);
  if (s.trace) emit(s, 'capacity', -1, u, c);
  release(s, u);
}
