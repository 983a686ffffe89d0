import { describe, it, expect } from 'vitest';
import { Patients, QUEUED, FREE } from '../../engine/patients.js';
import { SimulationError } from '../../engine/errors.js';

describe('Patients(capacity, max)', () => {
  it('recycles ids through the free list and grows its columns, keeping their values', () => {
    const P = new Patients(2);
    const a = P.alloc(0, 1), b = P.alloc(1, 2), c = P.alloc(2, 3);
    expect([a, b, c]).toEqual([0, 1, 2]);
    expect(P.capacity).toBe(4);
    expect([P.cohort[b], P.born[c], P.status[a]]).toEqual([1, 3, QUEUED]);
    P.release(b);
    expect(P.status[b]).toBe(FREE);
    expect(P.alloc(5, 9)).toBe(b);
    expect([P.cohort[b], P.born[b], P.live]).toEqual([5, 9, 3]);
  });

  it('refuses to hold more patients than event payloads can name (TOO_MANY_PATIENTS)', () => {
    const P = new Patients(2, 4);
    for (let i = 0; i < 4; i++) P.alloc(0, i);
    let error: unknown;
    try { P.alloc(0, 5); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(SimulationError);
    expect((error as SimulationError).code).toBe('TOO_MANY_PATIENTS');
    expect((error as SimulationError).time).toBe(5);
  });
});
