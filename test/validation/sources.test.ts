import { describe, it } from 'vitest';
import { buildModel, fixed, HOUR, DAY, WEEK, YEAR } from '../../engine/index.js';
import type { Model } from '../../engine/index.js';
import type { TraceEvent } from '../../engine/model.js';
import { replicate } from './run.js';
import { expectInCi } from './stats.js';

/** A front unit with a one-minute service: every arrival is seen by the trace as 'arrive' at 'front'. */
function frontModel(rate: number, days: number, warmupDays: number, extra: Partial<Model> = {}, profile?: number[]): Model {
  const m = buildModel({
    horizon: days * DAY,
    warmup: warmupDays * DAY,
    weekOffset: extra.weekOffset,
    units: { front: { kind: 'front', service: fixed(1), next: { home: 1 } } },
    sources: { walk_ins: { rate, to: 'front', profile, seasonal: extra.season != null } },
    daily: false,
  });
  return { ...m, ...extra };
}

/** Counts measured arrivals into buckets by a function of (time + week offset). */
function counter(buckets: number[][], warmup: number, bucketOf: (t: number) => number) {
  return (r: number) => {
    buckets[r] = [];
    return (e: TraceEvent) => {
      if (e.what !== 'arrive' || e.time < warmup) return;
      const b = bucketOf(e.time);
      buckets[r][b] = (buckets[r][b] ?? 0) + 1;
    };
  };
}

describe('simulate(model, opts) with a time-varying source', () => {
  it('an hour-of-week profile gives the expected count in each day and day/night of the week', () => {
    // Busy days 08:00-20:00 at 2x, nights at 0.5x, weekends at half of that; normalised to mean 1.
    const raw = Array.from({ length: 168 }, (_, h) => (h % 24 >= 8 && h % 24 < 20 ? 2 : 0.5) * (h >= 120 ? 0.5 : 1));
    const mean = raw.reduce((a, b) => a + b, 0) / 168;
    const profile = raw.map((x) => x / mean);
    const rate = 30 / DAY,
      weeks = 40,
      offset = 2 * DAY + 5 * HOUR + 17; // t = 0 is a Wednesday 05:17
    const warmup = 3 * DAY;
    const model = frontModel(rate, weeks * 7, 3, { weekOffset: offset }, profile);
    const counts: number[][] = [];
    // Bucket = day of week * 2 + (day hours ? 1 : 0).
    const bucketOf = (t: number) => {
      const h = Math.floor(((t + offset) % WEEK) / HOUR);
      return Math.floor(h / 24) * 2 + (h % 24 >= 8 && h % 24 < 20 ? 1 : 0);
    };
    replicate(model, 10, {}, counter(counts, warmup, bucketOf));
    // The measured window [3 days, 3 days + 40 weeks) covers every hour of the week exactly 40 times.
    for (let b = 0; b < 14; b++) {
      const hours = Array.from({ length: 168 }, (_, h) => h).filter(
        (h) => Math.floor(h / 24) * 2 + (h % 24 >= 8 && h % 24 < 20 ? 1 : 0) === b,
      );
      const expected = hours.reduce((a, h) => a + rate * profile[h] * HOUR, 0) * weeks;
      expectInCi(
        `arrivals in bucket ${b}`,
        counts.map((c) => c[b] ?? 0),
        expected,
      );
    }
  });

  it('seasonality: arrivals per quarter follow the integral of rate x (1 + A cos(2 pi (t - peak) / year))', () => {
    const rate = 20 / DAY,
      A = 0.3,
      peak = 40 * DAY;
    const model = frontModel(rate, 365 * 2, 0, { season: { amplitude: A, peak } });
    const q = YEAR / 4;
    const counts: number[][] = [];
    replicate(
      model,
      8,
      {},
      counter(counts, 0, (t) => Math.floor(t / q)),
    );
    const integral = (t1: number, t2: number) =>
      rate *
      (t2 -
        t1 +
        ((A * YEAR) / (2 * Math.PI)) * (Math.sin((2 * Math.PI * (t2 - peak)) / YEAR) - Math.sin((2 * Math.PI * (t1 - peak)) / YEAR)));
    for (let b = 0; b < 8; b++) {
      expectInCi(
        `arrivals in quarter ${b}`,
        counts.map((c) => c[b] ?? 0),
        integral(b * q, (b + 1) * q),
      );
    }
  });
});
