/**
 * Offered load of every unit from the whole expected stay, not the service time alone:
 * a place is held for the service, then any hand-off delay, then the wait for the
 * discharge window, then the wait for a place downstream (blocking after service). Each
 * is estimated per window of demand (demand.ts), so a winter peak is seen.
 *
 * Blocking: a patient bound for a unit with no queue waits in the current place for as
 * long as an arrival there would wait for a place, estimated as M/G/c (Allen–Cunneen)
 * from that unit's own whole stay; the network is solved by fixed-point iteration. A
 * unit with waiting places takes the patient into its queue, so nobody blocks for it
 * until it is overloaded; then (and for a no-queue unit at or above full load) the wait
 * has no bound and the upstream load is infinite. A destination with `if_full` re-routes
 * instead of blocking.
 */
import type { Model } from '../engine/index.js';
import { distMean, distVariance } from '../engine/index.js';
import { routeProbs } from './routing.js';
import { usableMeanCapacity } from './staff-check.js';
import { demandWindows } from './demand.js';
import { dischargeWaitMean } from './discharge-wait.js';
import { queueWaitMean, erlangB } from './erlang.js';
import { CompileMemo, numberKey } from './compile-memo.js';

export interface StayParts {
  service: number;
  handoff: number;
  window: number;
  blocking: number;
}

export interface WindowLoad {
  from: number;
  to: number;
  /** Arrivals per minute, work in place-minutes per minute (erlangs), places. */
  rate: number;
  work: number;
  places: number;
  rho: number;
}

export interface UnitLoad {
  /** Over the measured period: arrivals per minute, erlangs, time-average places, load. */
  rate: number;
  work: number;
  places: number;
  rho: number;
  /** Mean minutes per patient of each part of the stay, over the measured period. */
  parts: StayParts;
  /** The window with the highest load, and every window in time order. */
  peak: WindowLoad;
  windows: WindowLoad[];
  /** Destinations (unit indices) whose wait has no bound: patients for them fill this unit. */
  short: number[];
  /** Units downstream that patients of this unit wait for (blocking after service), when that wait is above 0. */
  waitsFor: number[];
}

const ITERATIONS = 60;

/** A window's fixed point: arrivals per minute, whole stays per cohort and waits for a place, per unit. */
interface Solved {
  rate: number[];
  stay: Float64Array[];
  wait: Float64Array;
}
/** Places from which a unit's Erlang B values are kept for the load's other strategies and windows. */
const LARGE = 64;

/** Per unit: the estimated offered load (null for units without a place limit). */
export function estimateLoads(model: Model, memo: CompileMemo = new CompileMemo()): (UnitLoad | null)[] {
  const n = model.units.length,
    K = model.cohorts.length;
  const P = model.units.map((u) => u.next.map((r) => [...routeProbs(r)].filter(([, p]) => p > 0)));
  // PERF: a discharge rule's mean wait walks 2,016 ready times of the week; the strategies of a
  // load mostly share their rules, so each distinct rule is worked out once (a tenth of the estimate).
  const win = model.units.map((u) => {
    const rule = u.discharge;
    return rule ? memo.get(`discharge:${rule.open.join(',')}|${numberKey(rule.weekend)}`, () => dischargeWaitMean(rule)) : 0;
  });
  // Service plus expected hand-off plus discharge window, per unit and cohort: no load dependence.
  const fixed = model.units.map((u, i) =>
    u.service.map((d, c) => {
      let h = 0;
      for (const [dest, p] of P[i][c]) {
        const hd = u.handoff[String(dest)];
        if (hd) h += p * distMean(hd);
      }
      return { service: distMean(d), handoff: h, window: win[i] };
    }),
  );
  const blocks = (u: number, d: number) => d >= 0 && model.units[u].ifFull?.[String(d)] === undefined;
  // The destinations each unit's patients would wait for in their place, per cohort, and their
  // probabilities, as two flat lists (worked out once: the fixed point below asks at every round).
  const waitsIn = P.map((byCohort, u) => byCohort.map((dests) => dests.filter(([d]) => blocks(u, d))));
  const waitDests = waitsIn.map((byCohort) => byCohort.map((dests) => dests.map(([d]) => d))),
    waitProbs = waitsIn.map((byCohort) => byCohort.map((dests) => dests.map(([, p]) => p)));
  // PERF: windows with the same demand and places (every window of a model without seasons,
  // population change or capacity changes) have the same fixed point: solve it once. Such
  // windows share one array of rates (demand.ts), so the rates are told apart by identity: two
  // arrays with the same numbers are only solved twice.
  const solved = new Map<readonly number[][], Map<string, Solved>>();
  // Erlang B of a large unit is a loop over its places (2,000 for an acute hospital); the
  // strategies of a load ask for the same ones many times over.
  const loss = (c: number, a: number) => (c < LARGE ? erlangB(c, a) : memo.get(`erlangB:${c}|${numberKey(a)}`, () => erlangB(c, a)));
  const windows = demandWindows(model, memo).map((w) => {
    const places = model.units.map((_, u) => usableMeanCapacity(model, u, w.from, w.to));
    const key = places.join(',');
    const sameRates = solved.get(w.lam) ?? new Map<string, Solved>();
    solved.set(w.lam, sameRates);
    const hit = sameRates.get(key);
    if (hit) return { w, places, ...hit };
    const rate = model.units.map((_, u) => w.lam.reduce((s, l) => s + l[u], 0));
    // PERF: float arrays for the numbers the rounds rewrite: a plain array made of zeros holds
    // small integers until a fraction arrives and changes its shape, and optimised code that met
    // both shapes was thrown away and compiled again (a tenth of a cold `caresim check`).
    const wait = new Float64Array(n);
    // A unit's wait depends on this window's work only (its places, rate and cs2 are fixed), and
    // most units' work stops moving after a few rounds: the last Erlang C (a loop over every
    // place, 2,000 for an acute hospital) is reused while the work is the same number.
    const lastWork = new Float64Array(n).fill(NaN),
      lastWait = new Float64Array(n);
    // The squared coefficient of variation of each unit's service in this window: fixed, so made once.
    const cs2 = model.units.map((unit, d) => {
      let m2 = 0,
        s1 = 0;
      for (let c = 0; c < K; c++) {
        const l = w.lam[c][d];
        if (l <= 0) continue;
        const sd = unit.service[c];
        s1 += l * distMean(sd);
        m2 += l * (distVariance(sd) + distMean(sd) ** 2);
      }
      return s1 > 0 ? (m2 * rate[d]) / (s1 * s1) - 1 : 1;
    });
    // PERF: one array of stays per window, rewritten at each round (the last round's is the
    // answer), and plain loops: the rounds were a tenth of a load's allocation.
    const stay = fixed.map((byCohort) => new Float64Array(byCohort.length));
    for (let it = 0; it < ITERATIONS; it++) {
      for (let u = 0; u < n; u++) {
        const fu = fixed[u],
          su = stay[u];
        for (let c = 0; c < fu.length; c++) {
          const f = fu[c],
            ds = waitDests[u][c],
            ps = waitProbs[u][c];
          let b = 0;
          for (let j = 0; j < ds.length; j++) if (wait[ds[j]] > 0) b += ps[j] * wait[ds[j]];
          su[c] = f.service + f.handoff + f.window + b;
        }
      }
      let changed = false;
      for (let d = 0; d < n; d++) {
        const unit = model.units[d];
        if (!Number.isFinite(places[d]) || rate[d] <= 0) continue;
        let work = 0;
        for (let c = 0; c < K; c++) {
          const l = w.lam[c][d];
          if (l <= 0) continue;
          work += l * stay[d][c];
        }
        // An unlimited queue always takes the patient in: the wait is spent there, not upstream.
        let next: number;
        if (unit.queue !== 0) next = Number.isFinite(unit.queue) && work >= places[d] ? Infinity : 0;
        else if (work === lastWork[d]) next = lastWait[d];
        else {
          next = queueWaitMean(places[d], work, work / rate[d], cs2[d], loss);
          lastWork[d] = work;
          lastWait[d] = next;
        }
        if (Math.abs(next - wait[d]) > 1e-9 * Math.max(1, next) && !(next === Infinity && wait[d] === Infinity)) changed = true;
        wait[d] = next;
      }
      if (!changed) break;
    }
    sameRates.set(key, { rate, stay, wait });
    return { w, places, rate, stay, wait };
  });
  return model.units.map((_, u) => {
    const total = usableMeanCapacity(model, u, model.warmup, model.warmup + model.horizon);
    if (!Number.isFinite(total)) return null;
    let rate = 0,
      work = 0,
      peak: WindowLoad | null = null;
    const wins: WindowLoad[] = [];
    const parts: StayParts = { service: 0, handoff: 0, window: 0, blocking: 0 };
    const short = new Set<number>(),
      waitsFor = new Set<number>();
    for (const { w, places, rate: r, stay, wait } of windows) {
      const len = (w.to - w.from) / model.horizon;
      let wk = 0;
      for (let c = 0; c < K; c++) {
        const l = w.lam[c][u];
        if (l <= 0) continue;
        wk += l * stay[u][c];
        const f = fixed[u][c];
        parts.service += len * l * f.service;
        parts.handoff += len * l * f.handoff;
        parts.window += len * l * f.window;
        // The stay's own sum taken off whole: subtracted part by part, a stay without blocking left
        // a rounding residue (3.95e-16 days) that the warning printed as a wait downstream.
        parts.blocking += len * l * (stay[u][c] - (f.service + f.handoff + f.window));
        for (const d of waitDests[u][c]) {
          if (!(wait[d] > 0)) continue;
          waitsFor.add(d);
          if (wait[d] === Infinity) short.add(d);
        }
      }
      rate += len * r[u];
      work += len * wk;
      const rho = places[u] > 0 ? wk / places[u] : wk > 0 ? Infinity : 0;
      const wl = { from: w.from, to: w.to, rate: r[u], work: wk, places: places[u], rho };
      wins.push(wl);
      if (!peak || rho > peak.rho) peak = wl;
    }
    if (rate > 0) for (const k of Object.keys(parts) as (keyof StayParts)[]) parts[k] /= rate;
    const rho = total > 0 ? work / total : work > 0 ? Infinity : 0;
    return { rate, work, places: total, rho, parts, peak: peak!, windows: wins, short: [...short], waitsFor: [...waitsFor] };
  });
}
