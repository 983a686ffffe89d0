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
});
