import { describe, it, expect } from 'vitest';
import { EventQueue } from '../../engine/event-queue.js';
import { makeStream } from '../../engine/random.js';
import fc from 'fast-check';

function drain(q: EventQueue): [number, number][] {
  const out: [number, number][] = [];
  while (q.size > 0) {
    q.pop();
    out.push([q.topTime, q.topPayload]);
  }
  return out;
}

describe('EventQueue.push(time, priority, payload) / pop()', () => {
  it('pops in time order, then priority, then insertion order (FIFO ties)', () => {
    const q = new EventQueue(2);
    q.push(5, 1, 1);
    q.push(5, 0, 2);
    q.push(1, 3, 3);
    q.push(5, 0, 4);
    q.push(5, 1, 5);
    q.push(0.5, 9, 6);
    expect(drain(q).map(([, p]) => p)).toEqual([6, 3, 2, 4, 1, 5]);
  });

  for (const n of [100, 10_000]) {
    it(`sorts ${n} random events like a stable sort on (time, priority) and grows past its capacity`, () => {
      const rng = makeStream(7, 0, 'heap-test');
      const q = new EventQueue(4);
      const items: { t: number; pr: number; id: number }[] = [];
      for (let i = 0; i < n; i++) {
        const t = Math.floor(rng.next() * 50),
          pr = Math.floor(rng.next() * 3);
        items.push({ t, pr, id: i });
        q.push(t, pr, i);
      }
      const expected = items
        .slice()
        .sort((a, b) => a.t - b.t || a.pr - b.pr || a.id - b.id)
        .map((x) => x.id);
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

describe('EventQueue push/pop interleaved (property)', () => {
  it('always pops the least (time, priority, insertion) among the pending events', () => {
    // Reference: a plain array scanned for its minimum, the obvious correct implementation.
    const op = fc.oneof(
      fc.record({ push: fc.constant(true), t: fc.integer({ min: 0, max: 20 }), pr: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ push: fc.constant(false), t: fc.constant(0), pr: fc.constant(0) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), (ops) => {
        const q = new EventQueue(2);
        const ref: { t: number; pr: number; id: number }[] = [];
        let id = 0;
        for (const o of ops) {
          if (o.push) {
            q.push(o.t, o.pr, id, id * 7);
            ref.push({ t: o.t, pr: o.pr, id: id++ });
            continue;
          }
          if (ref.length === 0) {
            expect(q.size).toBe(0);
            continue;
          }
          let best = 0;
          for (let i = 1; i < ref.length; i++) {
            const a = ref[i],
              b = ref[best];
            if (a.t < b.t || (a.t === b.t && (a.pr < b.pr || (a.pr === b.pr && a.id < b.id)))) best = i;
          }
          const [e] = ref.splice(best, 1);
          q.pop();
          expect([q.topTime, q.topPayload, q.topTag]).toEqual([e.t, e.id, e.id * 7]);
        }
        expect(q.size).toBe(ref.length);
      }),
      { numRuns: 300, seed: 7 },
    );
  });
});

describe('EventQueue.reserve(priority) / before(time, key)', () => {
  it('places an event kept outside the heap exactly where push() would have put it', () => {
    const rng = makeStream(11, 0, 'reserve-test');
    for (let trial = 0; trial < 200; trial++) {
      const q = new EventQueue(2),
        mirror = new EventQueue(2);
      let outside: { t: number; key: number } | null = null;
      const n = 1 + Math.floor(rng.next() * 12);
      for (let i = 0; i < n; i++) {
        const t = Math.floor(rng.next() * 4),
          pr = Math.floor(rng.next() * 3);
        if (outside === null && rng.next() < 0.3) {
          outside = { t, key: q.reserve(pr) };
          mirror.push(t, pr, -1);
        } else {
          q.push(t, pr, i);
          mirror.push(t, pr, i);
        }
      }
      const got: number[] = [];
      for (;;) {
        if (outside && q.before(outside.t, outside.key)) {
          got.push(-1);
          outside = null;
        } else if (q.size > 0) {
          q.pop();
          got.push(q.topPayload);
        } else break;
      }
      expect(got).toEqual(drain(mirror).map(([, p]) => p));
    }
  });

  it('before(time, key) is true when the queue is empty', () => {
    const q = new EventQueue();
    expect(q.before(1e9, q.reserve(3))).toBe(true);
    q.push(5, 0, 1);
    expect(q.before(5, q.reserve(0))).toBe(false);
    expect(q.before(4.5, q.reserve(9))).toBe(true);
  });
});

describe('EventQueue.pop() / push() / peekTime() around the hole a pop leaves', () => {
  it('pop() then push(), peekTime(), size and before() all see the popped event gone', () => {
    const q = new EventQueue(2);
    q.push(1, 0, 1);
    q.push(3, 0, 3);
    q.push(2, 0, 2);
    q.pop(); // 1 leaves; the root is a hole until the next push or peek
    expect([q.topTime, q.topPayload, q.size]).toEqual([1, 1, 2]);
    q.push(2.5, 0, 25); // fills the hole
    expect(q.size).toBe(3);
    expect(q.peekTime()).toBe(2);
    q.pop();
    expect(q.peekTime()).toBe(2.5); // no push: the peek fills the hole from the last entry
    q.pop();
    expect(q.before(2.9, q.reserve(0))).toBe(true);
    q.pop();
    expect([q.topTime, q.topPayload, q.size, q.peekTime()]).toEqual([3, 3, 0, Infinity]);
    q.push(7, 0, 7);
    expect([q.size, q.peekTime()]).toEqual([1, 7]);
  });

  it('any sequence of push, pop and peekTime leaves in (time, priority, insertion) order (property)', () => {
    const op = fc.oneof(
      fc.record({ k: fc.constant('push' as const), t: fc.integer({ min: 0, max: 30 }), pr: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ k: fc.constant('pop' as const), t: fc.constant(0), pr: fc.constant(0) }),
      fc.record({ k: fc.constant('peek' as const), t: fc.constant(0), pr: fc.constant(0) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 400 }), (ops) => {
        const q = new EventQueue(2);
        const ref: { t: number; pr: number; id: number }[] = [];
        const least = () =>
          ref.reduce((best, a, i) => {
            const b = ref[best];
            return a.t < b.t || (a.t === b.t && (a.pr < b.pr || (a.pr === b.pr && a.id < b.id))) ? i : best;
          }, 0);
        let id = 0;
        for (const o of ops) {
          if (o.k === 'push') {
            q.push(o.t, o.pr, id, id * 3);
            ref.push({ t: o.t, pr: o.pr, id: id++ });
          } else if (o.k === 'peek') {
            expect(q.peekTime()).toBe(ref.length ? ref[least()].t : Infinity);
          } else if (ref.length > 0) {
            const [e] = ref.splice(least(), 1);
            q.pop();
            expect([q.topTime, q.topPayload, q.topTag]).toEqual([e.t, e.id, e.id * 3]);
          }
          expect(q.size).toBe(ref.length);
        }
      }),
      { numRuns: 300, seed: 11 },
    );
  });
});
