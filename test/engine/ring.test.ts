import { describe, it, expect } from 'vitest';
import { Ring } from '../../engine/ring.js';

describe('Ring(capacity)', () => {
  it('push(id, token) / shift() keep FIFO order across wrap-around and growth', () => {
    const r = new Ring(4);
    const out: number[] = [];
    for (let i = 0; i < 3; i++) r.push(i, 10 + i);
    out.push(r.shift(), r.shift());
    for (let i = 3; i < 12; i++) r.push(i, 10 + i);
    expect(r.capacity).toBe(16);
    expect([r.headId(), r.headToken()]).toEqual([2, 12]);
    while (r.length > 0) out.push(r.shift());
    expect(out).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('clear() empties the ring and keeps its capacity, reading as a new ring', () => {
    const r = new Ring(2);
    for (let i = 0; i < 5; i++) r.push(i, i);
    r.shift();
    const cap = r.capacity;
    r.clear();
    expect([r.length, r.capacity]).toEqual([0, cap]);
    r.push(7, 70);
    r.push(8, 80);
    expect([r.headId(), r.headToken(), r.length]).toEqual([7, 70, 2]);
    expect([r.shift(), r.shift(), r.length]).toEqual([7, 8, 0]);
  });

  it('keeps every id with its token, in order, through growth at every head position', () => {
    // A ring grows when full; a growth that misplaced the wrapped part would reorder or pair
    // ids with the wrong tokens. Each start offset puts the head somewhere else at growth.
    for (let offset = 0; offset < 8; offset++) {
      const r = new Ring(8),
        model: [number, number][] = [];
      let next = 0;
      for (let i = 0; i < offset; i++) r.push(-1, -1);
      for (let i = 0; i < offset; i++) r.shift();
      for (let step = 0; step < 200; step++) {
        const pushes = 1 + (step % 3);
        for (let k = 0; k < pushes; k++) {
          r.push(next, 1000 + 7 * next);
          model.push([next, 1000 + 7 * next]);
          next++;
        }
        if (step % 2 === 0) {
          expect([r.headId(), r.headToken()]).toEqual(model[0]);
          expect(r.shift()).toBe(model.shift()![0]);
        }
      }
      expect(r.length).toBe(model.length);
      while (model.length > 0) {
        expect([r.headId(), r.headToken()]).toEqual(model[0]);
        expect(r.shift()).toBe(model.shift()![0]);
      }
    }
  });
});
