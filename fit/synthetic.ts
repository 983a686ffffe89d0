/**
 * Synthetic extracts with known generating distributions, for the worked example, the tests
 * and the benchmark; seeded, never real patients. Acute admissions arrive as a Poisson
 * stream with a weekday and hour-of-day profile and yearly seasonality; each stay has a
 * lognormal treatment time (by cohort), a hand-off to its destination, and some go on to a
 * rehab unit (gamma stays). Stays not over at the end of the extract have no discharge date.
 */
import { makeStream, type Stream } from '../engine/index.js';
import { makeSampler } from '../engine/index.js';
import type { Dist } from '../engine/index.js';
import { DAY } from '../engine/index.js';
import { dayNumber, isoDate, weekday } from './dates.js';

export interface StayGenOptions {
  seed: number | string;
  /** First day (YYYY-MM-DD) and number of days of the extract. */
  start: string;
  days: number;
  /** Acute admissions per day (mean over the week and the year). */
  rate: number;
}

/** The generating values, written into the README and checked by the tests. */
export const TRUTH = {
  weekday: [1.2, 1.05, 1.0, 1.0, 1.0, 0.85, 0.9],
  hour: [0.3, 0.25, 0.2, 0.2, 0.2, 0.25, 0.4, 0.7, 1.1, 1.4, 1.6, 1.6, 1.5, 1.5, 1.5, 1.5, 1.4, 1.3, 1.2, 1.1, 1.0, 0.8, 0.6, 0.45],
  season: { amplitude: 0.1, peakDayOfYear: 14 },
  cohorts: { frail: 0.3 },
  acuteLos: { frail: { kind: 'lognormal', mean: 11, sd: 12 }, other: { kind: 'lognormal', mean: 5, sd: 5 } } as Record<string, Dist>,
  acuteNext: [
    ['home', 0.6],
    ['rehab', 0.25],
    ['care_home', 0.1],
    ['death', 0.05],
  ] as [string, number][],
  handoff: {
    home: { kind: 'lognormal', mean: 0.5, sd: 0.5 },
    rehab: { kind: 'exponential', mean: 2 },
    care_home: { kind: 'gamma', mean: 6, sd: 4 },
    death: { kind: 'exponential', mean: 0.25 },
  } as Record<string, Dist>,
  rehabLos: { kind: 'gamma', mean: 21, sd: 12 } as Dist,
  rehabNext: [
    ['home', 0.8],
    ['care_home', 0.15],
    ['death', 0.05],
  ] as [string, number][],
};

const pad = (n: number) => String(n).padStart(2, '0');
export function isoDateTime(day: number): string {
  const m = Math.round((day - Math.floor(day)) * DAY);
  const whole = Math.floor(day) + Math.floor(m / DAY),
    mm = m % DAY;
  return `${isoDate(whole)}T${pad(Math.floor(mm / 60))}:${pad(mm % 60)}`;
}

function pick(rng: Stream, table: [string, number][]): string {
  let u = rng.next();
  for (const [name, p] of table) {
    if (u < p) return name;
    u -= p;
  }
  return table[table.length - 1][0];
}

const meanOf = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Emits `unit,admitted,discharged,ready,destination,cohort` lines (header first). */
export function generateStays(o: StayGenOptions, emit: (line: string) => void): void {
  const [y, m, d] = o.start.split('-').map(Number);
  const first = dayNumber(y, m, d),
    end = first + o.days;
  const rng = makeStream(o.seed, 0, 'synthetic');
  const wk = TRUTH.weekday.map((x) => x / meanOf(TRUTH.weekday));
  const hourCum: number[] = [];
  const hsum = TRUTH.hour.reduce((a, b) => a + b, 0);
  TRUTH.hour.reduce((a, b, i) => (hourCum[i] = a + b / hsum), 0);
  const samplers = new Map<string, { next(): number }>();
  const draw = (key: string, dist: Dist) => {
    let s = samplers.get(key);
    if (!s) {
      s = makeSampler(dist, makeStream(o.seed, 0, key));
      samplers.set(key, s);
    }
    return s.next();
  };
  const peak = dayNumber(y, 1, 1) + TRUTH.season.peakDayOfYear;
  const fmt = (t: number) => (t > end ? '' : isoDateTime(t));
  emit('unit,admitted,discharged,ready,destination,cohort');
  for (let day = first; day < end; day++) {
    const lambda = o.rate * wk[weekday(day)] * (1 + TRUTH.season.amplitude * Math.cos((2 * Math.PI * (day - peak)) / 365.25));
    // Poisson count for the day: exponential gaps in unit time.
    let n = 0;
    for (let t = -Math.log(1 - rng.next()) / lambda; t < 1; t += -Math.log(1 - rng.next()) / lambda) n++;
    for (let k = 0; k < n; k++) {
      const u = rng.next();
      let h = 0;
      while (h < 23 && hourCum[h] < u) h++;
      const adm = day + (h + rng.next()) / 24;
      const cohort = rng.next() < TRUTH.cohorts.frail ? 'frail' : 'other';
      const ready = adm + draw(`los:${cohort}`, TRUTH.acuteLos[cohort]);
      const dest = pick(rng, TRUTH.acuteNext);
      const dis = ready + draw(`handoff:${dest}`, TRUTH.handoff[dest]);
      emit(`acute,${isoDateTime(adm)},${fmt(dis)},${fmt(ready)},${dis > end ? '' : dest},${cohort}`);
      if (dest === 'rehab' && dis < end) {
        const rdis = dis + draw('rehab', TRUTH.rehabLos);
        const rdest = pick(rng, TRUTH.rehabNext);
        emit(`rehab,${isoDateTime(dis)},${fmt(rdis)},,${rdis > end ? '' : rdest},${cohort}`);
      }
    }
  }
}

/** Emits `date,count,stream` lines: daily counts with the same weekday profile and seasonality. */
export function generateCounts(o: StayGenOptions & { streams: [string, number][] }, emit: (line: string) => void): void {
  const [y, m, d] = o.start.split('-').map(Number);
  const first = dayNumber(y, m, d);
  const wk = TRUTH.weekday.map((x) => x / meanOf(TRUTH.weekday));
  const peak = dayNumber(y, 1, 1) + TRUTH.season.peakDayOfYear;
  emit('date,count,stream');
  for (const [name, rate] of o.streams) {
    const rng = makeStream(o.seed, 0, `counts:${name}`);
    for (let day = first; day < first + o.days; day++) {
      const lambda = rate * wk[weekday(day)] * (1 + TRUTH.season.amplitude * Math.cos((2 * Math.PI * (day - peak)) / 365.25));
      let n = 0;
      for (let t = -Math.log(1 - rng.next()) / lambda; t < 1; t += -Math.log(1 - rng.next()) / lambda) n++;
      emit(`${isoDate(day)},${n},${name}`);
    }
  }
}
