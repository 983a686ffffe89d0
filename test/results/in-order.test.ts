import { describe, expect, it } from 'vitest';
import { InOrder } from '../../results/in-order.js';
import { makeStream } from '../../engine/index.js';

function collector(start = 0, step = 1, limit = 100) {
  const seen: number[] = [];
  const feed = new InOrder<string>(start, step, limit, (i, item) => {
    expect(item).toBe(`r${i}`);
    seen.push(i);
  });
  return { seen, feed };
}

describe('InOrder.add(index, item)', () => {
  it('hands items on in index order whatever order they arrive in, once each', () => {
    const rng = makeStream(3, 0, 'order');
    const order = Array.from({ length: 100 }, (_, i) => i);
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rng.next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const { seen, feed } = collector();
    for (const i of order) feed.add(i, `r${i}`);
    feed.add(5, 'r5');
    expect(seen).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(feed.waiting).toBe(0);
  });
  it('holds only what arrived ahead of the first missing index', () => {
    const { seen, feed } = collector();
    feed.add(1, 'r1');
    feed.add(2, 'r2');
    expect(seen).toEqual([]);
    expect(feed.waiting).toBe(2);
    feed.add(0, 'r0');
    expect(seen).toEqual([0, 1, 2]);
    expect(feed.waiting).toBe(0);
  });
  it('follows a shard (start, step) and passes over skipped (failed) indices', () => {
    const { seen, feed } = collector(1, 3, 12);
    feed.add(7, 'r7');
    feed.add(1, 'r1');
    feed.skip(4);
    feed.add(10, 'r10');
    expect(seen).toEqual([1, 7, 10]);
    // An index of another shard (a damaged journal) is never handed on, not even by flush.
    feed.add(5, 'r5');
    feed.flush();
    expect(seen).toEqual([1, 7, 10]);
    expect(feed.waiting).toBe(0);
  });
});

describe('InOrder.setLimit(limit)', () => {
  it('keeps items at or past the limit until the limit is raised', () => {
    const { seen, feed } = collector(0, 1, 2);
    feed.add(2, 'r2');
    feed.add(0, 'r0');
    feed.add(1, 'r1');
    expect(seen).toEqual([0, 1]);
    feed.setLimit(3);
    expect(seen).toEqual([0, 1, 2]);
  });
});

describe('InOrder.flush()', () => {
  it('hands on what waits below the limit in order, giving up on the gaps', () => {
    const { seen, feed } = collector(0, 1, 10);
    feed.add(4, 'r4');
    feed.add(2, 'r2');
    feed.add(11, 'r11');
    feed.flush();
    expect(seen).toEqual([2, 4]);
    expect(feed.waiting).toBe(1);
  });
});
