/**
 * Checks of the routing network as a whole, on the compiled model: units patients can
 * never leave, units nobody reaches, and the traffic equations the stability check
 * (stability.ts) starts from.
 */
import type { Model, Route, Schedule } from '../engine/index.js';
import type { Diagnostics, Loc } from './errors.js';
import type { SMap } from './tree.js';
import { child } from './tree.js';
import { distMean } from '../engine/index.js';
import { routeProbs, routeShares } from './routing.js';
import { DAY } from '../engine/index.js';
import { MAX_ARRIVALS, MAX_PATIENTS } from '../engine/index.js';

function edges(model: Model, u: number, c: number): number[] {
  const unit = model.units[u];
  const out = [...routeProbs(unit.next[c]).entries()].filter(([, p]) => p > 0).map(([d]) => d);
  if (unit.full >= 0) out.push(unit.full);
  if (unit.patience) out.push(unit.overflow >= 0 ? unit.overflow : -1);
  for (const alt of Object.values(unit.ifFull ?? {})) out.push(alt);
  return out;
}

/** Reports units some cohort can never leave (error) and units nobody reaches (warning). */
export function checkNetwork(
  model: Model,
  diags: Diagnostics,
  unitLoc: Map<string, Loc>,
  label: string,
  warned: Set<string> = new Set(),
): boolean {
  const n = model.units.length;
  let ok = true;
  const at = (u: number) => unitLoc.get(model.units[u].name) ?? { file: '<scenario>', line: 1, col: 1 };
  // Each unit's destinations per cohort, made once: both walks below ask for them many times.
  const out = model.cohorts.map((_, c) => model.units.map((_, u) => edges(model, u, c)));
  for (let c = 0; c < model.cohorts.length; c++) {
    // Fixed point: a unit can exit if some destination is an exit or a unit that can.
    const canExit = new Array<boolean>(n).fill(false);
    for (let changed = true; changed;) {
      changed = false;
      for (let u = 0; u < n; u++) {
        if (canExit[u]) continue;
        if (out[c][u].some((d) => d < 0 || canExit[d])) {
          canExit[u] = true;
          changed = true;
        }
      }
    }
    for (let u = 0; u < n; u++) {
      if (canExit[u]) continue;
      ok = false;
      const who = model.cohorts.length > 1 ? ` of cohort \`${model.cohorts[c].name}\`` : '';
      diags.error(
        'no-exit',
        at(u),
        `units.${model.units[u].name}.next`,
        `patients${who} in \`${model.units[u].name}\` can never reach an exit${label}`,
        {
          expected: 'every route to lead, sooner or later, to an exit such as `home` or `death`',
          hint: 'give one destination on the loop a share that leaves, e.g. `home: 10%`',
        },
      );
    }
  }
  const reached = new Array<boolean>(n).fill(false);
  const stack: number[] = [];
  const visit = (d: number) => {
    if (d >= 0 && !reached[d]) {
      reached[d] = true;
      stack.push(d);
    }
  };
  for (const s of model.sources) for (const r of s.to) for (const [d, p] of routeProbs(r)) if (p > 0) visit(d);
  while (stack.length) {
    const u = stack.pop()!;
    for (let c = 0; c < model.cohorts.length; c++) out[c][u].forEach(visit);
  }
  for (let u = 0; u < n; u++) {
    if (!reached[u] && !warned.has(`unreachable:${model.units[u].name}`)) {
      warned.add(`unreachable:${model.units[u].name}`);
      diags.warn('unreachable-unit', at(u), `units.${model.units[u].name}`, `no patient ever reaches \`${model.units[u].name}\`${label}`, {
        expected: 'each unit to be a destination of an arrival stream or of another unit',
        hint: 'route patients to it, or remove it',
      });
    }
  }
  return ok;
}

/** The checks of a whole model that can refuse it, its network and its load: whether it passed them. */
export function checkWhole(
  model: Model,
  root: SMap,
  unitLoc: Map<string, Loc>,
  diags: Diagnostics,
  label: string,
  warned: Set<string>,
): boolean {
  return (
    checkNetwork(model, diags, unitLoc, label, warned) && checkLoad(model, diags, unitLoc, label, child(root, 'arrivals')?.loc ?? root.loc)
  );
}

/**
 * Index of the step of a schedule in force at t: the last breakpoint at or before t (the first
 * when t is before them all). PERF: found by halving, as a roster over years has thousands.
 */
export function stepAt(schedule: Schedule, t: number): number {
  let lo = 0,
    hi = schedule.at.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (schedule.at[mid] <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Time-average capacity over [from, to). */
export function meanCapacity(capacity: number, schedule: Schedule | undefined, from: number, to: number): number {
  if (!schedule) return capacity;
  const at = schedule.at,
    n = at.length;
  // From the step in force at `from`: the ones before it add nothing, and the load estimate asks
  // for every month of a roster with thousands of breakpoints.
  const lo = stepAt(schedule, from);
  let sum = 0;
  for (let i = lo; i < n && at[i] < to; i++) {
    const a = Math.max(from, at[i]),
      b = Math.min(to, i + 1 < n ? at[i + 1] : Infinity);
    if (b > a) sum += (b - a) * schedule.cap[i];
  }
  return to > from ? sum / (to - from) : capacity;
}

/** Arrival rate per minute into each unit, per cohort, from the traffic equations. */
export function trafficRates(model: Model): number[][] {
  const k = model.cohorts.length;
  const ext = Array.from({ length: k }, () => new Array<number>(model.units.length).fill(0));
  for (const s of model.sources) {
    if (s.cohort >= 0) {
      const co = model.cohorts[s.cohort];
      addRoute(ext[s.cohort], s.to[s.cohort], co.people * co.crisis);
    } else {
      let prev = 0;
      s.cohortMix.forEach((cum, c) => {
        addRoute(ext[c], s.to[c], s.rate * (cum - prev));
        prev = cum;
      });
    }
  }
  return solveTraffic(model, ext);
}

/** Adds `rate` x each unit's share of route `r` into `into`. */
export function addRoute(into: number[], r: Route, rate: number): void {
  const { dests, probs } = routeShares(r);
  for (let j = 0; j < dests.length; j++) into[dests[j]] += rate * probs[j];
}

/** Solves lambda = ext + lambda P per cohort (blocking ignored), by fixed-point iteration. */
export function solveTraffic(model: Model, ext: number[][]): number[][] {
  const n = model.units.length;
  return ext.map((a, c) => {
    const routes = model.units.map((u) => routeShares(u.next[c]));
    // PERF: two float buffers in turn, not a new array a round (a load of the default ICS solves
    // this a few hundred times: the demand of each window of each strategy); plain arrays of
    // rates hold small integers or fractions by their values, and optimised code that met both
    // shapes was thrown away and compiled again.
    const ext0 = Float64Array.from(a);
    let lam = Float64Array.from(a),
      nx = new Float64Array(n);
    for (let it = 0; it < 5000; it++) {
      nx.set(ext0);
      for (let u = 0; u < n; u++) {
        const l = lam[u],
          { dests, probs } = routes[u];
        for (let j = 0; j < dests.length; j++) nx[dests[j]] += l * probs[j];
      }
      let diff = 0;
      for (let i = 0; i < n; i++) diff = Math.max(diff, Math.abs(nx[i] - lam[i]) / Math.max(1e-12, Math.abs(nx[i])));
      const done = nx;
      nx = lam;
      lam = done;
      if (diff < 1e-10) break;
    }
    return Array.from(lam);
  });
}

/**
 * Refuses a model whose expected number of patients in the system at once (arrival rate x
 * mean stay, summed over units: Little's law, queues not counted, so a lower bound) cannot
 * fit the engine's patient table. Without this a rate such as 1e308/day passes the other
 * checks and every replication runs out of room after minutes of work.
 */
export function checkLoad(model: Model, diags: Diagnostics, unitLoc: Map<string, Loc>, label: string, arrivalsLoc: Loc): boolean {
  const lam = trafficRates(model);
  let total = 0,
    worst = -1,
    worstLoad = -1;
  model.units.forEach((unit, u) => {
    let load = 0,
      rate = 0;
    // A stay with no finite mean (a heavy tail) says nothing about the typical count: left out.
    lam.forEach((l, c) => {
      const m = distMean(unit.service[c]);
      if (Number.isFinite(m)) load += l[u] * m;
      rate += l[u];
    });
    if (!(load <= Number.MAX_VALUE)) load = Infinity;
    // An overloaded unit's queue grows by the excess arrivals over the run, up to its
    // waiting places; in service it holds at most its places.
    // Not Math.max(...cap): an hourly roster over decades overflows the call stack. PERF: an
    // index, not for-of: this runs a few times a load, never optimised, and the unoptimised
    // iterator makes an object per step (a roster's year of shifts: 5% of a load's allocation).
    let places = unit.capacity;
    const cap = unit.schedule?.cap ?? [];
    for (let i = 0; i < cap.length; i++) if (cap[i] > places) places = cap[i];
    if (load > places) {
      const excess = rate * (1 - places / load) * (model.warmup + model.horizon);
      load = places + Math.min(unit.queue, excess);
    }
    total += load;
    if (load > worstLoad) {
      worstLoad = load;
      worst = u;
    }
  });
  let arrivals = 0;
  for (const s of model.sources) {
    arrivals += s.cohort >= 0 ? model.cohorts[s.cohort].people * model.cohorts[s.cohort].crisis : s.rate;
  }
  arrivals *= model.warmup + model.horizon;
  if (!(arrivals <= MAX_ARRIVALS)) {
    diags.error(
      'too-many-arrivals',
      arrivalsLoc,
      'arrivals',
      Number.isFinite(arrivals)
        ? `about ${Number(arrivals.toPrecision(3)).toLocaleString('en-GB')} arrivals in one replication${label}, more than caresim can simulate`
        : `more arrivals in one replication${label} than caresim can simulate`,
      {
        expected: `at most ${MAX_ARRIVALS.toLocaleString('en-GB')} arrivals per replication (warm-up and horizon)`,
        hint: 'check the arrival rates, population sizes and crisis rates for a unit slip (e.g. `/minute` for `/day`), or shorten the horizon',
      },
    );
    return false;
  }
  if (total <= MAX_PATIENTS) return true;
  const unit = model.units[worst];
  const rate = lam.reduce((a, l) => a + l[worst], 0);
  const f = (x: number) => (Number.isFinite(x) ? Number(x.toPrecision(3)).toLocaleString('en-GB') : 'uncountably many');
  diags.error(
    'too-many-patients',
    unitLoc.get(unit.name) ?? { file: '<scenario>', line: 1, col: 1 },
    `units.${unit.name}`,
    `about ${f(total)} patients would be in the system at once by the end of the run${label} (\`${unit.name}\` alone: ${f(worstLoad)}, from ${f(rate * DAY)} arrivals a day)`,
    {
      expected: `at most ${MAX_PATIENTS.toLocaleString('en-GB')} patients in the system at once (caresim's patient table)`,
      hint: 'check the arrival rates, population sizes and crisis rates for a unit slip (e.g. `/minute` for `/day`)',
    },
  );
  return false;
}
