import { describe, it, expect } from 'vitest';
import { Patients, recyclePatients } from '../../engine/patients.js';
import { QUEUED, FREE } from '../../engine/codes.js';
import { SimulationError } from '../../engine/errors.js';
import { simulate, buildModel, exponential, DAY } from '../../engine/index.js';

describe('Patients(capacity, max)', () => {
  it('recycles ids through the free list and grows its columns, keeping their values', () => {
    const clock = { now: 1 };
    const P = new Patients(clock, 2);
    const a = P.alloc(0);
    clock.now = 2;
    const b = P.alloc(1);
    clock.now = 3;
    const c = P.alloc(2);
    expect([a, b, c]).toEqual([0, 1, 2]);
    expect(P.capacity).toBe(4);
    expect([P.cohort[b], P.born[c], P.status[a]]).toEqual([1, 3, QUEUED]);
    P.release(b);
    expect(P.status[b]).toBe(FREE);
    clock.now = 9;
    expect(P.alloc(5)).toBe(b);
    expect([P.cohort[b], P.born[b], P.live]).toEqual([5, 9, 3]);
  });

  it('refuses to hold more patients than event payloads can name (TOO_MANY_PATIENTS)', () => {
    const clock = { now: 0 };
    const P = new Patients(clock, 2, 4);
    for (; clock.now < 4; clock.now++) P.alloc(0);
    clock.now = 5;
    let error: unknown;
    try {
      P.alloc(0);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SimulationError);
    expect((error as SimulationError).code).toBe('TOO_MANY_PATIENTS');
    expect((error as SimulationError).time).toBe(5);
  });
});

describe('simulate(model, { maxPatients })', () => {
  // Arrivals at 50 a day to one place with a 1-day stay: the queue grows by about 49 a day.
  const overloaded = buildModel({
    horizon: 60 * DAY,
    warmup: 0,
    units: { acute: { kind: 'beds', role: 'acute', capacity: 1, service: exponential(DAY), next: { home: 1 } } },
    sources: { a: { rate: 50 / DAY, to: 'acute' } },
  });
  it('fails the replication with TOO_MANY_PATIENTS once more patients are in the system than allowed', () => {
    let error: unknown;
    try {
      simulate(overloaded, { seed: 1, replication: 0, maxPatients: 1000 });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SimulationError);
    expect((error as SimulationError).code).toBe('TOO_MANY_PATIENTS');
    expect((error as SimulationError).message).toMatch(/more than 1000 patients .*memory budget/);
    // About 49 more patients a day: 1,000 are reached on day 20 or 21, give or take the noise.
    expect((error as SimulationError).time / DAY).toBeGreaterThan(15);
    expect((error as SimulationError).time / DAY).toBeLessThan(25);
  });
  it('gives the same results under a limit that is never reached as with none', () => {
    const free = simulate(overloaded, { seed: 1, replication: 0 });
    const limited = simulate(overloaded, { seed: 1, replication: 0, maxPatients: 5000 });
    expect(limited.kpis).toEqual(free.kpis);
    expect(limited.units).toEqual(free.units);
  });
});

describe('simulate(model, opts) in a thread that ran other replications', () => {
  // The columns of the last replication are cleared and reused: they must read as new ones.
  const small = buildModel({
    horizon: 30 * DAY,
    warmup: 0,
    units: { desk: { kind: 'beds', role: 'acute', capacity: 2, service: exponential(DAY), next: { home: 1 } } },
    sources: { a: { rate: 1.5 / DAY, to: 'desk' } },
  });
  const big = buildModel({
    horizon: 60 * DAY,
    warmup: 0,
    units: { acute: { kind: 'beds', role: 'acute', capacity: 1, service: exponential(DAY), next: { home: 1 } } },
    sources: { a: { rate: 50 / DAY, to: 'acute' } },
  });
  it('gives the same result after a replication that grew thousands of patients as after a small one', () => {
    simulate(small, { seed: 3, replication: 9 });
    const afterSmall = simulate(small, { seed: 3, replication: 1 });
    // About 3,000 patients queue by the end: columns grown, tokens bumped, statuses set.
    expect(simulate(big, { seed: 3, replication: 0 }).conservation.inSystem).toBeGreaterThan(2000);
    const afterBig = simulate(small, { seed: 3, replication: 1 });
    expect(afterBig).toEqual(afterSmall);
    expect(afterBig.events).toBeGreaterThan(50);
  });
  it('gives the same result after a replication that failed with TOO_MANY_PATIENTS as after a small one', () => {
    simulate(small, { seed: 3, replication: 9 });
    const afterSmall = simulate(small, { seed: 3, replication: 1 });
    expect(() => simulate(big, { seed: 3, replication: 0, maxPatients: 500 })).toThrow(SimulationError);
    const afterFailure = simulate(small, { seed: 3, replication: 1 });
    expect(afterFailure).toEqual(afterSmall);
    // Times in the system come from each patient's birth: a stale clock would make them NaN.
    expect(afterFailure.kpis.time_in_system_mean).toBeGreaterThan(0);
  });
});

describe('Patients.reuse(max, clock) / recyclePatients(columns)', () => {
  it('gives patients of the next replication their birth time from its clock, and none from a finished one', () => {
    const first = { now: 7 };
    const P = new Patients(first, 4);
    P.alloc(0);
    recyclePatients(P);
    // Between replications the columns hold no clock: a patient made then is born at NaN.
    P.alloc(0);
    expect(P.born[1]).toBeNaN();
    const next = { now: 42 };
    expect(P.reuse(100, next)).toBe(true);
    const p = P.alloc(1);
    expect([p, P.born[p], P.cohort[p], P.live]).toEqual([0, 42, 1, 1]);
  });
});
