import { describe, it, expect } from 'vitest';
import { simulate, buildModel, exponential, fixed, HOUR, DAY } from '../../engine/index.js';
import type { Dist, Model, ReplicationResult, StaffGroup, TraceEvent } from '../../engine/index.js';
import { expectInCi } from '../validation/stats.js';

// Carers: 37.5 paid hours a week, 60% of them contact time, 4 hours of contact per package a day.
const WEEK_HOURS = 37.5,
  CONTACT = 0.6,
  PER_PLACE = 4 * HOUR;
const contactPerWte = (WEEK_HOURS / 7) * CONTACT * HOUR;

function group(wte: number, absence: Dist, leave = 0.1): StaffGroup {
  return { name: 'carers', wte, establishment: wte, leave, absence, contactPerWte, costPerDay: 0 };
}

/** Acute beds discharging into home care without a queue (blocking after service), plus an unrelated clinic. */
function pathway(p1: { capacity?: number; staffed?: StaffGroup; schedule?: Model['units'][number]['schedule'] }): Model {
  return buildModel({
    horizon: 200 * DAY,
    warmup: 30 * DAY,
    units: {
      acute: { kind: 'beds', role: 'acute', capacity: 40, service: exponential(5 * DAY), next: { p1: 0.6, home: 0.4 } },
      p1: {
        kind: 'homecare',
        role: 'p1',
        capacity: p1.capacity,
        schedule: p1.schedule,
        queue: 0,
        service: exponential(14 * DAY),
        next: { home: 1 },
        staffing: p1.staffed ? { group: 0, share: 1, perPlace: PER_PLACE } : undefined,
      },
      clinic: { kind: 'team', capacity: 3, service: exponential(3 * HOUR), next: { home: 1 } },
    },
    sources: { adm: { rate: 7 / DAY, to: 'acute' }, walk: { rate: 20 / DAY, to: 'clinic' } },
    staff: p1.staffed ? [p1.staffed] : undefined,
  });
}

const STAFF_METRICS = [
  'staff_wte_mean',
  'staff_hours_per_day',
  'contact_hours_per_day',
  'staff_utilisation',
  'places_lost_per_day',
  'staff_cost_per_day',
];
function withoutStaff(r: ReplicationResult): unknown {
  const units = Object.fromEntries(
    Object.entries(r.units).map(([u, m]) => [u, Object.fromEntries(Object.entries(m).filter(([k]) => !STAFF_METRICS.includes(k)))]),
  );
  const kpis = Object.fromEntries(Object.entries(r.kpis).filter(([k]) => k !== 'staff_cost_per_day'));
  return { ...r, units, kpis };
}

describe('simulate(model) with a unit whose places come from staff', () => {
  // 20 WTE x (1 - 10% leave - 5% absence) = 17 WTE; 17 x 37.5/7 h x 60% = 54.64 contact hours a day; / 4 h = 13.66 packages.
  const hand = Math.floor((20 * (1 - 0.1 - 0.05) * (WEEK_HOURS / 7) * CONTACT) / 4);

  it('simulate(staffed unit, staff never vary) equals the same unit with a fixed capacity of the hand-calculated places, to the bit', () => {
    expect(hand).toBe(13);
    for (const funded of [undefined, 20]) {
      const staffed = pathway({ capacity: funded, staffed: group(20, fixed(0.05)) });
      const plain = pathway({ capacity: hand });
      for (const rep of [0, 1, 2]) {
        const a = simulate(staffed, { seed: 7, replication: rep }),
          b = simulate(plain, { seed: 7, replication: rep });
        expect((a.units.p1 as Record<string, number>).capacity_mean).toBe(hand);
        expect(withoutStaff(a)).toEqual(withoutStaff(b));
      }
    }
  });

  it('simulate(staffed unit with fewer funded places than staff cover) keeps the funded places', () => {
    const r = simulate(pathway({ capacity: 10, staffed: group(20, fixed(0.05)) }), { seed: 7, replication: 0 });
    expect((r.units.p1 as Record<string, number>).capacity_mean).toBe(10);
    expect((r.units.p1 as Record<string, number>).places_lost_per_day).toBe(0);
  });

  it('simulate(staffed roster) fills each shift in the same proportion: 14 places of staff over a 30-by-day / 12-by-night roster give 20 and 8', () => {
    // Funded roster: 30 places 08:00-20:00, 12 otherwise: 21 place-days a day. Staff cover 14: phi = 2/3.
    const at: number[] = [],
      cap: number[] = [];
    for (let d = 0; d < 240; d++) {
      at.push(d * DAY, d * DAY + 8 * HOUR, d * DAY + 20 * HOUR);
      cap.push(12, 30, 12);
    }
    const wte = (14 * PER_PLACE) / contactPerWte; // exactly 14 places with no leave or absence
    const events: TraceEvent[] = [];
    const m = pathway({ capacity: 30, schedule: { at, cap }, staffed: group(wte, fixed(0), 0) });
    const r = simulate(m, {
      seed: 1,
      replication: 0,
      trace: (e) => {
        if (e.what === 'capacity' && e.unit === 'p1') events.push(e);
      },
    });
    const seen = new Set(events.map((e) => e.detail));
    expect(seen).toEqual(new Set([8, 20]));
    expect((r.units.p1 as Record<string, number>).capacity_mean).toBeCloseTo((20 * 12 + 8 * 12) / 24, 9);
    // Staff hours used by the places never exceed the hours there are: 14 place-days a day at most.
    expect((r.units.p1 as Record<string, number>).capacity_mean).toBeLessThanOrEqual(14);
  });

  it('simulate(staffed roster whose weekend differs, staff fixed) recomputes places at midnight: weekends get their own share', () => {
    // Funded: 30 places 08:00-20:00 on weekdays, 12 otherwise (weekends 12 all day). Staff cover 14 places a day.
    // Weekday: mean 21, 14/21 of each shift = 20 by day and 8 at night; weekend: mean 12, all 12 covered.
    // Measured from day 30 (a Monday: day 0 is one too, the run starting on a Monday) for 200 days.
    // Breakpoints only where the places change, as a compiled roster has them: none at a weekend's midnight.
    const at: number[] = [0],
      cap: number[] = [12];
    for (let d = 0; d < 240; d++) {
      if (d % 7 >= 5) continue;
      at.push(d * DAY + 8 * HOUR, d * DAY + 20 * HOUR);
      cap.push(30, 12);
    }
    const wte = (14 * PER_PLACE) / contactPerWte;
    const m = pathway({ capacity: 30, schedule: { at, cap }, staffed: group(wte, fixed(0), 0) });
    const r = simulate(m, { seed: 1, replication: 0 });
    let weekdays = 0;
    for (let d = 30; d < 230; d++) if (d % 7 < 5) weekdays++;
    const weekday = (20 * 12 + 8 * 12) / 24;
    expect((r.units.p1 as Record<string, number>).capacity_mean).toBeCloseTo((weekdays * weekday + (200 - weekdays) * 12) / 200, 9);
  });

  it('simulate(staff with random absence) never interrupts a stay: a cut only stops admissions', () => {
    const stay = 10 * DAY;
    const m = buildModel({
      horizon: 120 * DAY,
      units: {
        p2: {
          kind: 'beds',
          role: 'p2',
          capacity: 12,
          service: fixed(stay),
          next: { home: 1 },
          staffing: { group: 0, share: 1, perPlace: 2 * HOUR },
        },
      },
      sources: { a: { rate: 2 / DAY, to: 'p2' } },
      // Each day either everyone is in or half are off sick: places swing between 12 and 6.
      staff: [
        {
          name: 'therapists',
          wte: 1,
          establishment: 1,
          leave: 0,
          absence: { kind: 'empirical', values: [0, 0.5] },
          contactPerWte: 24 * HOUR,
          costPerDay: 0,
        },
      ],
    });
    const admitted = new Map<number, number>();
    let cap = 12,
      inUnit = 0,
      cutsUnderLoad = 0,
      departs = 0;
    simulate(m, {
      seed: 3,
      replication: 0,
      trace: (e) => {
        if (e.what === 'capacity') {
          cap = Number(e.detail);
          if (inUnit > cap) cutsUnderLoad++;
        }
        if (e.what === 'admit') {
          admitted.set(e.patient, e.time);
          inUnit++;
          expect(inUnit).toBeLessThanOrEqual(cap);
        }
        if (e.what === 'depart') {
          departs++;
          inUnit--;
          expect(e.time - admitted.get(e.patient)!).toBeCloseTo(stay, 6);
        }
      },
    });
    expect(cutsUnderLoad).toBeGreaterThan(5);
    expect(departs).toBeGreaterThan(100);
  });

  it('simulate(staff with absence uniform(0%, 40%)): mean places, places lost and WTE equal their exact expectations', () => {
    // Budget with nobody absent: B = 25.5 places; places on a day = floor(B (1 - a)), a ~ U(0, 0.4).
    const B = 25.5,
      wte = (B * PER_PLACE) / contactPerWte;
    const m = buildModel({
      horizon: 365 * DAY,
      units: {
        p1: {
          kind: 'homecare',
          service: exponential(20 * DAY),
          queue: 0,
          next: { home: 1 },
          staffing: { group: 0, share: 1, perPlace: PER_PLACE },
        },
      },
      sources: { a: { rate: 1 / DAY, to: 'p1' } },
      staff: [group(wte, { kind: 'uniform', min: 0, max: 0.4 }, 0)],
    });
    // E floor(X), X ~ U(0.6 B, B): the integral of floor over the interval, piece by piece.
    const lo = 0.6 * B,
      hi = B;
    let integral = 0;
    for (let k = Math.floor(lo); k < hi; k++) integral += k * (Math.min(hi, k + 1) - Math.max(lo, k));
    const exact = integral / (hi - lo);
    const rs = Array.from({ length: 12 }, (_, r) => simulate(m, { seed: 11, replication: r }));
    expectInCi(
      'capacity_mean',
      rs.map((r) => (r.units.p1 as Record<string, number>).capacity_mean),
      exact,
    );
    expectInCi(
      'places_lost_per_day',
      rs.map((r) => (r.units.p1 as Record<string, number>).places_lost_per_day),
      Math.floor(B) - exact,
    );
    expectInCi(
      'staff_wte_mean',
      rs.map((r) => (r.units.p1 as Record<string, number>).staff_wte_mean),
      wte * 0.8,
    );
    // Places and places lost add up to the full establishment's places on every replication.
    for (const r of rs)
      expect((r.units.p1 as Record<string, number>).capacity_mean + (r.units.p1 as Record<string, number>).places_lost_per_day).toBeCloseTo(
        Math.floor(B),
        9,
      );
  });

  it('simulate(staff with random absence) is the same for the same (seed, replication), differs between replications, and leaves every other stream alone', () => {
    const random = pathway({ staffed: group(20, { kind: 'uniform', min: 0, max: 0.2 }) });
    const a = simulate(random, { seed: 5, replication: 0 }),
      b = simulate(random, { seed: 5, replication: 0 });
    expect(a).toEqual(b);
    const c = simulate(random, { seed: 5, replication: 1 });
    expect(Array.from(c.daily.p1.capacity)).not.toEqual(Array.from(a.daily.p1.capacity));
    // The clinic shares no patients with p1: its results are identical whatever p1's staff do.
    const steady = simulate(pathway({ staffed: group(20, fixed(0.1)) }), { seed: 5, replication: 0 });
    expect((a.units.p1 as Record<string, number>).capacity_mean).not.toBe(steady.units.p1.capacity_mean);
    expect(a.units.clinic).toEqual(steady.units.clinic);
    expect(a.units.acute.arrivals_per_day).toBe(steady.units.acute.arrivals_per_day);
  });
});

describe('simulate(model): the funded cost of a unit whose places come from staff', () => {
  it('simulate(staffed unit with cost_place and paid staff) charges the funded places and the staff pay, whatever the absence', () => {
    const perPlace = 30,
      pay = 2500;
    const costed = (absence: Dist): ReplicationResult => {
      const m = pathway({ capacity: 20, staffed: { ...group(20, absence), costPerDay: pay } });
      m.units[m.units.findIndex((u) => u.name === 'p1')].costPlace = perPlace;
      return simulate(m, { seed: 7, replication: 0 });
    };
    for (const absence of [fixed(0.05), fixed(0.3)]) {
      const r = costed(absence);
      // 20 funded places x £30 + £2,500 of pay, a day: sickness lowers the places in use, not the bill.
      expect(r.units.p1.funded_cost_per_day).toBeCloseTo(20 * perPlace + pay, 9);
      expect(r.units.p1.capacity_mean).toBeLessThan(20);
    }
  });
});

describe('simulate(model) with a staff group that has a roster of its own', () => {
  // A level of 2 on shift 00:00-08:00 and 20:00-24:00 and 5 on 08:00-20:00: the day's mean level
  // is (2 x 8 + 5 x 12 + 2 x 4) / 24 = 3.5, so a day of 14 places of staff gives
  // 14 x 5 / 3.5 = 20 places by day and 14 x 2 / 3.5 = 8 by night.
  const days = 240;
  const steps = (night: number, day: number) => {
    const at = [0],
      cap = [night];
    for (let d = 0; d < days; d++) {
      at.push(d * DAY + 8 * HOUR, d * DAY + 20 * HOUR);
      cap.push(day, night);
    }
    return { at, cap };
  };
  const wte = (14 * PER_PLACE) / contactPerWte; // exactly 14 places a day with no leave or absence

  it('simulate(rostered staff, unlimited funded places) gives the hand-calculated 20 places by day and 8 by night', () => {
    const events: TraceEvent[] = [];
    const m = pathway({ staffed: { ...group(wte, fixed(0), 0), roster: steps(2, 5) } });
    const r = simulate(m, {
      seed: 1,
      replication: 0,
      trace: (e) => {
        if (e.what === 'capacity' && e.unit === 'p1') events.push(e);
      },
    });
    expect(new Set(events.map((e) => e.detail))).toEqual(new Set([8, 20]));
    // Place-days a day: (20 x 12 + 8 x 12) / 24 = 14, the staff's 14 places: no hour is lost or made up.
    expect(r.units.p1.capacity_mean).toBeCloseTo(14, 9);
    expect(r.units.p1.staff_hours_per_day).toBeCloseTo((14 * PER_PLACE) / HOUR, 9);
  });

  it('simulate(rostered staff, funded places below a shift) never goes above the funded places', () => {
    const r = simulate(pathway({ capacity: 16, staffed: { ...group(wte, fixed(0), 0), roster: steps(2, 5) } }), {
      seed: 1,
      replication: 0,
    });
    expect(r.units.p1.capacity_mean).toBeCloseTo((16 * 12 + 8 * 12) / 24, 9);
  });

  it('simulate(rostered staff that never vary) equals the same unit with a fixed 8/20 capacity schedule, to the bit', () => {
    const staffed = pathway({ staffed: { ...group(wte, fixed(0), 0), roster: steps(2, 5) } });
    const plain = pathway({ capacity: 20, schedule: steps(8, 20) });
    for (const rep of [0, 1]) {
      const a = simulate(staffed, { seed: 5, replication: rep }),
        b = simulate(plain, { seed: 5, replication: rep });
      expect(withoutStaff(a)).toEqual(withoutStaff(b));
    }
  });

  it('simulate(rostered staff with random absence) follows the shifts each day: places by day / places by night = 5 / 2 within flooring', () => {
    const events: { t: number; c: number }[] = [];
    const m = pathway({ staffed: { ...group(wte * 3, { kind: 'uniform', min: 0, max: 0.4 }, 0), roster: steps(2, 5) } });
    simulate(m, {
      seed: 3,
      replication: 0,
      trace: (e) => {
        if (e.what === 'capacity' && e.unit === 'p1') events.push({ t: e.time, c: e.detail as number });
      },
    });
    // Within a day the budget is one number b: day places floor(b x 10/7), night floor(b x 4/7).
    for (let d = 1; d < 100; d++) {
      const at = (t: number) => events.filter((e) => e.t <= t).at(-1)!.c;
      const dayPlaces = at(d * DAY + 12 * HOUR),
        night = at(d * DAY + 22 * HOUR);
      const b = [(dayPlaces * 7) / 10, ((dayPlaces + 1) * 7) / 10];
      expect(Math.floor((b[0] * 4) / 7 + 1e-9)).toBeLessThanOrEqual(night);
      expect(Math.floor((b[1] * 4) / 7 - 1e-9)).toBeGreaterThanOrEqual(night);
    }
  });
});

describe('simulate(model): home care bought by the hour (staffing.hourCostPerPlaceDay)', () => {
  it('simulate(P1 at £21.43 a paid hour, 2 visits of 30 minutes + 15 minutes of travel a day) charges £32.145 a care hour on the packages staffed', () => {
    // Per occupied package-day: 2 x (30 + 15) minutes x £21.43 / 60 = £32.145, which is 1 care hour
    // (2 x 30 minutes) at 21.43 x (30 + 15) / 30 = £32.145 an hour: travel is paid.
    const perDay = (2 * (30 + 15) * 21.43) / 60;
    const m = pathway({ staffed: group(20, fixed(0.05)) });
    const p1 = m.units.find((u) => u.name === 'p1')!;
    p1.staffing = { ...p1.staffing!, perPlace: 2 * (30 + 15), hourCostPerPlaceDay: perDay };
    const r = simulate(m, { seed: 7, replication: 0 });
    expect(perDay).toBeCloseTo(32.145, 12);
    expect(r.units.p1.capacity_mean).toBeGreaterThan(5);
    expect(r.units.p1.funded_cost_per_day).toBeCloseTo(r.units.p1.capacity_mean * perDay, 6);
    expect(r.units.p1.cost_per_day).toBeCloseTo(r.units.p1.capacity_mean * perDay, 6);
  });
});
