/**
 * From the stays table to samples: lengths of stay per unit (and per unit and cohort), and
 * hand-off delays per unit and destination. With a `ready` column the length of stay is
 * admission to ready (caresim's `los`: the treatment) and the hand-off is ready to discharge;
 * without one the stay runs to discharge. A stay with no end is right-censored at the end
 * of the extract. A duration of zero cannot be fitted by a continuous family: it counts as
 * half a day when the dates have no time of day (the resolution of the data), one minute otherwise.
 */
import { Column } from './growable.js';
import { MINUTE, DAY } from '../engine/index.js';
import { makeSample, type Sample } from './sample.js';
import type { Stays } from './stays.js';

class Builder {
  readonly t = new Column();
  readonly c = new Column();
  readonly lim = new Column();
  /** Ended stays of zero length, by whether their dates have times (counted as one minute) or not (half a day). */
  zeros = 0;
  zerosTimed = 0;
  add(t: number, censored: boolean, limit: number, timed: boolean): void {
    // A stay still in at its admission day is not a stay of zero length: it is only floored.
    if (t <= 0) {
      if (!censored) {
        this.zeros++;
        if (timed) this.zerosTimed++;
      }
      t = timed ? MINUTE / DAY : 0.5;
    }
    this.t.push(t);
    this.c.push(censored ? 1 : 0);
    this.lim.push(Math.max(limit, t));
  }
  sample(): Sample {
    return makeSample(this.t.view(), this.c.view(), this.lim.view());
  }
}

export interface StaySamples {
  /** unit -> sample; key `${unit}|${cohort}` for the per-cohort ones. */
  los: Map<string, { sample: Sample; zeros: number; zerosTimed: number }>;
  /** `${unit}>${destination}` -> ready-to-discharge delays. */
  handoff: Map<string, { sample: Sample; zeros: number; zerosTimed: number }>;
}

export function staySamples(s: Stays): StaySamples {
  const end = s.endDay;
  const los = new Map<string, Builder>(),
    hand = new Map<string, Builder>();
  const get = (m: Map<string, Builder>, k: string) => {
    let b = m.get(k);
    if (!b) {
      b = new Builder();
      m.set(k, b);
    }
    return b;
  };
  for (let i = 0; i < s.used; i++) {
    const unit = s.units.names[s.unit.get(i)];
    const adm = s.admitted.get(i),
      dis = s.discharged.get(i),
      rdy = s.ready.get(i);
    const timed = (s.timed.get(i) & 2) !== 0;
    // The service ends when the patient is ready (if recorded), else at discharge.
    const serviceEnd = !Number.isNaN(rdy) ? rdy : dis;
    const censored = Number.isNaN(serviceEnd) || serviceEnd > end;
    const t = censored ? end - adm : serviceEnd - adm;
    get(los, unit).add(t, censored, end - adm, timed);
    const coh = s.cohort.get(i);
    if (coh >= 0) get(los, `${unit}|${s.cohorts.names[coh]}`).add(t, censored, end - adm, timed);
    const dst = s.destination.get(i);
    if (!Number.isNaN(rdy) && dst >= 0) {
      const hc = Number.isNaN(dis) || dis > end;
      get(hand, `${unit}>${s.destinations.names[dst]}`).add(hc ? end - rdy : dis - rdy, hc, end - rdy, timed);
    }
  }
  const done = (m: Map<string, Builder>) =>
    new Map([...m].map(([k, b]) => [k, { sample: b.sample(), zeros: b.zeros, zerosTimed: b.zerosTimed }]));
  return { los: done(los), handoff: done(hand) };
}

/** Destination counts of finished stays per unit (and `${unit}|${cohort}`). */
export function routingCounts(s: Stays): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  const bump = (k: string, d: string) => {
    let m = out.get(k);
    if (!m) {
      m = new Map();
      out.set(k, m);
    }
    m.set(d, (m.get(d) ?? 0) + 1);
  };
  for (let i = 0; i < s.used; i++) {
    const dst = s.destination.get(i);
    if (dst < 0 || Number.isNaN(s.discharged.get(i))) continue;
    const unit = s.units.names[s.unit.get(i)],
      d = s.destinations.names[dst];
    bump(unit, d);
    const coh = s.cohort.get(i);
    if (coh >= 0) bump(`${unit}|${s.cohorts.names[coh]}`, d);
  }
  return out;
}

/** Admissions per day (from the first admission to the end of the extract) and per hour of day, per unit. */
export function admissionSeries(s: Stays): Map<string, { first: number; counts: Float64Array; hours: Float64Array | null }> {
  const first = Math.floor(s.first),
    last = Math.floor(s.endDay);
  const days = Math.max(1, last - first + 1);
  const out = new Map<string, { first: number; counts: Float64Array; hours: Float64Array; timed: number }>();
  for (let i = 0; i < s.used; i++) {
    const unit = s.units.names[s.unit.get(i)];
    let u = out.get(unit);
    if (!u) {
      u = { first, counts: new Float64Array(days), hours: new Float64Array(24), timed: 0 };
      out.set(unit, u);
    }
    const a = s.admitted.get(i),
      d = Math.floor(a) - first;
    if (d >= 0 && d < days) u.counts[d]++;
    if ((s.timed.get(i) & 1) !== 0) {
      u.timed++;
      u.hours[Math.min(23, Math.floor((a - Math.floor(a)) * 24))]++;
    }
  }
  return new Map([...out].map(([k, u]) => [k, { first: u.first, counts: u.counts, hours: u.timed > 0 ? u.hours : null }]));
}
