/**
 * Demand over the measured period, for the stability estimate: the arrival rate into
 * each unit in consecutive windows of about a month, so seasonality, population growth
 * and cohort moves are seen (a winter peak can fill a hospital that copes on average).
 * Cohorts evolve by the engine's daily expected flows (engine/population.ts), plus the
 * deaths in the pathway: each crisis ends in a death exit with the probability the
 * routing network gives (a large effect for a last-year-of-life cohort).
 */
import type { Model } from '../engine/index.js';
import { DAY, YEAR } from '../engine/index.js';
import { addRoute, solveTraffic } from './network.js';
import { routeProbs } from './routing.js';
import { CompileMemo } from './compile-memo.js';

export const WINDOW_DAYS = 30;

export interface Window {
  /** Minutes from t = 0. */
  from: number;
  to: number;
  /** Arrival rate per minute into each unit, per cohort: lam[cohort][unit]. */
  lam: number[][];
}

/** Per cohort: the chance that a crisis ends in a death exit, from the traffic equations. */
function deathPerCrisis(model: Model): number[] {
  const dead = new Set(model.deathExits.map((e) => -e - 1));
  return model.cohorts.map((_cohort, c) => {
    const ext = new Array<number>(model.units.length).fill(0);
    let direct = 0,
      total = 0;
    for (const s of model.sources) {
      if (s.cohort !== c) continue;
      total += 1;
      addRoute(ext, s.to[c], 1);
      for (const [d, p] of routeProbs(s.to[c])) if (dead.has(d)) direct += p;
    }
    if (total === 0) return 0;
    const lam = solveTraffic(
      model,
      model.cohorts.map((_, k) => (k === c ? ext : ext.map(() => 0))),
    )[c];
    let died = direct;
    model.units.forEach((u, i) => {
      for (const [d, p] of routeProbs(u.next[c])) if (dead.has(d)) died += lam[i] * p;
    });
    return Math.min(1, died / total);
  });
}

/** People per cohort at the start of each day from t = 0 to the end of the run. */
function peopleByDay(model: Model, days: number): number[][] {
  const pathway = deathPerCrisis(model);
  const out: number[][] = [];
  let people = model.cohorts.map((c) => c.people);
  const grow = model.population ? Math.exp(model.population.growth * DAY) - 1 : 0;
  for (let d = 0; d <= days; d++) {
    out.push(people);
    if (!model.population) continue;
    const next = people.map((n) => n + n * grow);
    model.cohorts.forEach((co, c) => {
      const n = people[c];
      const r = co.becomes.reduce((s, b) => s + b.rate, co.death);
      next[c] -= n * co.crisis * pathway[c] * DAY;
      if (r <= 0 || n <= 0) return;
      const out = n * (1 - Math.exp(-r * DAY));
      next[c] -= out;
      for (const b of co.becomes) next[b.to] += (out * b.rate) / r;
    });
    people = next.map((n) => Math.max(0, n));
  }
  return out;
}

function season(model: Model, t: number): number {
  const s = model.season;
  return s ? 1 + s.amplitude * Math.cos((2 * Math.PI * (t - s.peak)) / YEAR) : 1;
}

/**
 * Whether the arrival rates are the same at every moment of the run: no seasonal source in a
 * model with a season, and no source whose rate follows a cohort that changes size.
 */
function steadyDemand(model: Model): boolean {
  return model.sources.every((s) => !(s.seasonal && model.season) && (s.cohort < 0 || !model.population));
}

/** External arrival rates into each unit per cohort, from each source's rate times `weight(source)`. */
function externalRates(model: Model, people: number[], weight: (s: Model['sources'][number]) => number, ext: number[][]): void {
  for (const s of model.sources) {
    const f = weight(s);
    if (s.cohort >= 0) addRoute(ext[s.cohort], s.to[s.cohort], f * people[s.cohort] * model.cohorts[s.cohort].crisis);
    else {
      let prev = 0;
      s.cohortMix.forEach((cum, c) => {
        addRoute(ext[c], s.to[c], f * s.rate * (cum - prev));
        prev = cum;
      });
    }
  }
}

/**
 * Everything of a model that its demand windows are worked out from, as text: numbers that JSON
 * cannot tell apart (NaN and the infinities, -0 and 0) are written out.
 */
function demandKey(model: Model): string {
  const exact = (_: string, v: unknown) => (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0)) ? `#${v}` : v);
  return `demand:${JSON.stringify(
    [
      model.warmup,
      model.horizon,
      model.season ?? null,
      model.population ?? null,
      model.deathExits,
      model.cohorts.map((c) => [c.people, c.crisis, c.death, c.becomes]),
      model.sources.map((s) => [s.cohort, s.rate, s.seasonal, s.cohortMix, s.to]),
      model.units.map((u) => u.next),
    ],
    exact,
  )}`;
}

/**
 * The measured period cut into windows of about WINDOW_DAYS days, each with its arrival rates.
 * PERF: the strategies of a scenario mostly share their demand (a strategy that adds beds
 * changes no arrival rate), so a load works out each distinct demand once; the windows
 * returned are shared and must not be changed.
 */
export function demandWindows(model: Model, memo: CompileMemo = new CompileMemo()): readonly Window[] {
  return memo.get(
    demandKey(model),
    () => workOut(model),
    (ws) => ws.length * model.cohorts.length * model.units.length,
  );
}

function workOut(model: Model): Window[] {
  const start = model.warmup,
    end = model.warmup + model.horizon;
  const n = Math.max(1, Math.round(model.horizon / (WINDOW_DAYS * DAY)));
  const zeros = () => model.cohorts.map(() => new Array<number>(model.units.length).fill(0));
  const bounds = (w: number) => ({ from: start + (model.horizon * w) / n, to: start + (model.horizon * (w + 1)) / n });
  if (steadyDemand(model)) {
    // PERF: every window has the same rates, so they are worked out once and shared. Summed day
    // by day they differed in their last bits from window to window, and the load estimate solved
    // each window again: 3,704 windows, a fifth of a second, for benchmark model A.
    const ext = zeros();
    externalRates(
      model,
      model.cohorts.map((c) => c.people),
      () => 1,
      ext,
    );
    const lam = solveTraffic(model, ext);
    return Array.from({ length: n }, (_, w) => ({ ...bounds(w), lam }));
  }
  const people = peopleByDay(model, Math.ceil(end / DAY));
  const out: Window[] = [];
  for (let w = 0; w < n; w++) {
    const { from, to } = bounds(w);
    const ext = zeros();
    // Daily steps, each weighted by the part of the day inside the window.
    for (let t = Math.floor(from / DAY) * DAY; t < to; t += DAY) {
      const share = (Math.min(t + DAY, to) - Math.max(t, from)) / (to - from);
      if (share <= 0) continue;
      const mid = Math.max(t, from) / 2 + Math.min(t + DAY, to) / 2;
      const day = people[Math.min(people.length - 1, Math.floor(t / DAY))];
      externalRates(model, day, (s) => share * (s.seasonal ? season(model, mid) : 1), ext);
    }
    out.push({ from, to, lam: solveTraffic(model, ext) });
  }
  return out;
}
