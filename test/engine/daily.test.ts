import { describe, it, expect } from 'vitest';
import { simulate, buildModel, exponential, DAY } from '../../engine/index.js';

// The warm-up changes what is measured, never the sample path: the daily series cover every
// day from t = 0 and must not depend on where the warm-up ends, even in the middle of a day.
function daily(warmup: number) {
  const model = buildModel({
    horizon: 10 * DAY - warmup,
    warmup,
    units: {
      ward: { capacity: 3, service: exponential(DAY), queue: 2, next: { rehab: 0.5, home: 0.5 } },
      rehab: { capacity: 1, service: exponential(2 * DAY), queue: 0, next: { home: 1 } },
    },
    sources: { admissions: { rate: 2.5 / DAY, to: 'ward' } },
  });
  return simulate(model, { seed: 11, replication: 3 }).daily;
}

describe('simulate(model).daily', () => {
  it('is the same series whether the warm-up ends at midnight, mid-day or not at all', () => {
    const none = daily(0),
      midday = daily(1.5 * DAY),
      midnight = daily(2 * DAY);
    for (const series of [midday, midnight]) {
      for (const unit of ['ward', 'rehab'] as const) {
        for (const key of ['occupancy', 'blocked', 'queue', 'capacity', 'admissions'] as const) {
          expect(series[unit][key].length).toBe(10);
          series[unit][key].forEach((x, d) => expect(x).toBeCloseTo(none[unit][key][d], 9));
        }
      }
    }
    expect(Array.from(none.ward.capacity)).toEqual(new Array(10).fill(3));
    expect(none.rehab.blocked.every((x) => x === 0)).toBe(true);
    expect(none.ward.blocked.some((x) => x > 0)).toBe(true);
  });

  it('gives the exact time-average capacity of each day, through schedule changes and a long run', () => {
    const model = buildModel({
      horizon: 400 * DAY,
      warmup: 0.5 * DAY,
      units: {
        ward: {
          capacity: 2150,
          schedule: { at: [0, 0.5 * DAY, 300.25 * DAY], cap: [2, 4, 2150] },
          service: exponential(DAY),
          next: { home: 1 },
        },
      },
      sources: { admissions: { rate: 1 / DAY, to: 'ward' } },
    });
    const cap = simulate(model, { seed: 1, replication: 0 }).daily.ward.capacity;
    expect(cap[0]).toBe(3);
    expect(cap[1]).toBe(4);
    expect(cap[300]).toBe(0.25 * 4 + 0.75 * 2150);
    expect(Array.from(cap.slice(301))).toEqual(new Array(100).fill(2150));
  });

  it('counts the stays started each day, whose mean over the measured days is admitted_per_day', () => {
    const model = buildModel({
      horizon: 60 * DAY,
      warmup: 5 * DAY,
      units: {
        ward: { capacity: 3, service: exponential(DAY), queue: 2, next: { rehab: 0.5, home: 0.5 } },
        rehab: { capacity: 1, service: exponential(2 * DAY), queue: 0, next: { home: 1 } },
      },
      sources: { admissions: { rate: 2.5 / DAY, to: 'ward' } },
    });
    for (const replication of [0, 1, 2]) {
      const r = simulate(model, { seed: 5, replication });
      for (const unit of ['ward', 'rehab'] as const) {
        const adm = Array.from(r.daily[unit].admissions);
        expect(adm).toHaveLength(65);
        expect(adm.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
        const measured = adm.slice(5);
        expect(measured.reduce((a, b) => a + b, 0) / measured.length).toBeCloseTo(r.units[unit].admitted_per_day, 9);
      }
      // The ward is often full, so its admissions are fewer than its arrivals: a stay starts at admission, not arrival.
      expect(r.units.ward.admitted_per_day).toBeLessThan(r.units.ward.arrivals_per_day);
    }
  });
});
