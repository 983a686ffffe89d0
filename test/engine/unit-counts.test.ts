import { describe, it, expect } from 'vitest';
import { SimState } from '../../engine/sim-state.js';
import { blockFor, shiftBlocked, joinQueue, shiftQueue, touch } from '../../engine/unit-counts.js';
import { buildModel, exponential, DAY } from '../../engine/index.js';

const model = buildModel({
  name: 'counts',
  horizon: 10 * DAY,
  units: {
    a: { capacity: 2, service: exponential(DAY), next: { b: 1 } },
    b: { capacity: 1, queue: 0, service: exponential(DAY), next: { home: 1 } },
  },
  sources: { s: { rate: 1 / DAY, to: 'a' } },
});

describe('blockFor(s, u, p) / shiftBlocked(s, u)', () => {
  it('keep blockedN equal to the waiting ring and integrate blocked patients into the list area exactly', () => {
    const s = new SimState(model, { seed: 1, replication: 0 });
    const b = 1;
    s.now = 10;
    blockFor(s, b, 7);
    s.now = 25;
    blockFor(s, b, 8);
    joinQueue(s, b, 9, 1);
    expect([s.units.blockedN[b], s.units.waiting[b].length, s.units.qlen[b]]).toEqual([2, 2, 1]);
    s.now = 40;
    expect(shiftBlocked(s, b)).toBe(7);
    expect([s.units.blockedN[b], s.units.waiting[b].length]).toEqual([1, 1]);
    s.now = 50;
    expect(shiftQueue(s, b)).toBe(9);
    s.now = 100;
    expect(shiftBlocked(s, b)).toBe(8);
    touch(s, b);
    // 1 listed over [10, 25), 3 over [25, 40), 2 over [40, 50), 1 over [50, 100): 15 + 45 + 20 + 50.
    expect(s.stats.listArea[b]).toBe(130);
    expect(s.stats.queueArea[b]).toBe(25);
    expect([s.units.blockedN[b], s.units.waiting[b].length]).toEqual([0, 0]);
  });
});

describe('touch(s, u)', () => {
  it('touch(s, u) adds the time since the last touch once, however often it is called in one instant', () => {
    const s = new SimState(model, { seed: 1, replication: 0 });
    const a = 0;
    s.units.places[a] = 2;
    s.units.doneN[a] = 1;
    s.units.qlen[a] = 3;
    s.now = 10;
    touch(s, a);
    touch(s, a);
    s.now = 14;
    touch(s, a);
    // 2 places over [0, 14) at capacity 2: full the whole time.
    expect([s.stats.occArea[a], s.stats.blockedArea[a], s.stats.queueArea[a], s.stats.fullTime[a]]).toEqual([28, 14, 42, 14]);
    expect(s.stats.last[a]).toBe(14);
    s.now = 12; // earlier than the last touch: nothing to add
    touch(s, a);
    expect([s.stats.occArea[a], s.stats.last[a]]).toEqual([28, 14]);
  });

  it('touch(s, u) integrates nothing when the model is not monitored', () => {
    const s = new SimState({ ...model, monitor: false }, { seed: 1, replication: 0 });
    s.units.places[0] = 2;
    s.now = 10;
    touch(s, 0);
    expect([s.stats.occArea[0], s.stats.fullTime[0], s.stats.last[0]]).toEqual([0, 0, 0]);
  });
});
