import { describe, it, expect } from 'vitest';
import { EventQueue } from '../../engine/event-queue.js';
import { makeStream } from '../../engine/random.js';

function drain(q: EventQueue): [number, number][] {
  const out: [number, number][] = [];
  while (q.size > 0) { q.pop(); out.push([q.topTime, q.topPayload]); }
  return out;
}

describe('EventQueue.push(time, priority, payload) / pop()', () => {
  it('pops in time order, then priority, then insertion order (FIFO ties)', () => {
    const q = new EventQueue(2);
    q.push(5, 1, 1); q.push(5, 0, 2); q.push(1, 3, 3); q.push(5, 0, 4); q.push(5, 1, 5); q.push(0.5, 9, 6);
    expect(drain(q).map(([, p]) => p)).toEqual([6, 3, 2, 4, 1, 5]);
  });

  for (const n of [100, 10_000]) {
    it(`sorts ${n} random events like a stable sort on (time, priority) and grows past its capacity`, () => {
      const rng = makeStream(7, 0, 'heap-test');
      const q = new EventQueue(4);
      const items: { t: number; pr: number; id: number }[] = [];
      for (let i = 0; i < n; i++) {
        const t = Math.floor(rng() * 50), pr = Math.floor(rng() * 3);
        items.push({ t, pr, id: i });
        q.push(t, pr, i);
      }
      const expected = items.slice().sort((a, b) => a.t - b.t || a.pr - b.pr || a.id - b.id).map((x) => x.id);
      expect(drain(q).map(([, p]) => p)).toEqual(expected);
    });
  }

  it('keeps the tag of each event and reports Infinity when empty', () => {
    const q = new EventQueue();
    expect(q.peekTime()).toBe(Infinity);
    q.push(3, 0, 10, 77);
    q.push(2, 0, 11, 88);
    expect(q.peekTime()).toBe(2);
    q.pop();
    expect([q.topTime, q.topPayload, q.topTag]).toEqual([2, 11, 88]);
    q.pop();
    expect([q.topTime, q.topPayload, q.topTag]).toEqual([3, 10, 77]);
  });
});
