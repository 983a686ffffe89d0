import { describe, it, expect } from 'vitest';
import { eventPayload, eventKind, ID_BITS, ID_MASK, EV_ARRIVAL, EV_WARMUP } from '../../engine/events.js';
import { MAX_PATIENTS } from '../../engine/patients.js';

describe('eventPayload(kind, id)', () => {
  it('keeps every kind and the largest id apart in one int32, so the queue stores it losslessly', () => {
    const store = new Int32Array(1);
    for (let kind = EV_ARRIVAL; kind <= EV_WARMUP; kind++) {
      for (const id of [0, 1, 12345, ID_MASK]) {
        store[0] = eventPayload(kind, id);
        expect([eventKind(store[0]), store[0] & ID_MASK]).toEqual([kind, id]);
      }
    }
  });

  it('uses the id width that bounds the patients at once', () => {
    expect(ID_MASK).toBe(2 ** ID_BITS - 1);
    expect(MAX_PATIENTS).toBe(ID_MASK);
  });
});
