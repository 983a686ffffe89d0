import { describe, expect, it } from 'vitest';
import { pairPlan, pairRatios, parseCpuList, spreadOf } from '../../bench/statistics-cost.js';

describe('bench/statistics-cost pairPlan', () => {
  it('puts the pairs on each core in turn, and on each core runs "on" first as often as "off" first', () => {
    const plan = pairPlan(8, [0, 1]);
    expect(plan.map((p) => p.core)).toEqual([0, 1, 0, 1, 0, 1, 0, 1]);
    for (const core of [0, 1]) {
      const orders = plan.filter((p) => p.core === core).map((p) => p.onFirst);
      expect(orders.filter((x) => x)).toHaveLength(2);
      expect(orders.filter((x) => !x)).toHaveLength(2);
    }
  });

  it('pins nothing where the runs cannot be pinned, and still alternates the order', () => {
    const plan = pairPlan(4, null);
    expect(plan.map((p) => p.core)).toEqual([null, null, null, null]);
    expect(plan.map((p) => p.onFirst)).toEqual([false, true, false, true]);
  });

  it('makes exactly the pairs asked for', () => {
    expect(pairPlan(9, [0, 1])).toHaveLength(9);
    expect(pairPlan(1, [0, 1, 2, 3])).toEqual([{ core: 0, onFirst: false }]);
  });

  it('pins to the processors this process may use, whichever they are', () => {
    expect(pairPlan(4, [6, 9]).map((p) => [p.core, p.onFirst])).toEqual([
      [6, false],
      [9, false],
      [6, true],
      [9, true],
    ]);
  });
});

describe('bench/statistics-cost spreadOf', () => {
  it('gives the median and the range of the ratios, so one pair on a disturbed core does not move the figure', () => {
    expect(spreadOf([1.05, 1.45, 1.07, 0.96, 1.06])).toEqual({ median: 1.06, low: 0.96, high: 1.45, pairs: 5 });
  });

  it('takes halfway between the middle two of an even count, and leaves out pairs with no figure', () => {
    expect(spreadOf([1.1, NaN, 1.0, 1.2, 1.3, Infinity])).toEqual({ median: 1.15, low: 1.0, high: 1.3, pairs: 4 });
  });

  it('is NaN with no pair left', () => {
    const s = spreadOf([NaN]);
    expect(s.pairs).toBe(0);
    expect(s.median).toBeNaN();
    expect(s.low).toBeNaN();
    expect(s.high).toBeNaN();
  });
});

describe('bench/statistics-cost pairRatios', () => {
  it('divides the monitored run by the unmonitored one whichever ran first, each pair on its own core', () => {
    // Core 1 is half as fast; monitoring costs 10% on both.
    const calls: string[] = [];
    const time = (monitor: boolean, core: number | null) => {
      calls.push(`${monitor ? 'on' : 'off'}@${core}`);
      return (core === 1 ? 2 : 1) * (monitor ? 1.1 : 1);
    };
    const ratios = pairRatios(pairPlan(4, [0, 1]), time);
    for (const r of ratios) expect(r).toBeCloseTo(1.1, 12);
    expect(calls).toEqual(['off@0', 'on@0', 'off@1', 'on@1', 'on@0', 'off@0', 'on@1', 'off@1']);
  });
});

describe('bench/statistics-cost parseCpuList', () => {
  it('reads the lists Linux writes, ranges and single processors', () => {
    expect(parseCpuList('0-1')).toEqual([0, 1]);
    expect(parseCpuList('0-3,8,10-11\n')).toEqual([0, 1, 2, 3, 8, 10, 11]);
    expect(parseCpuList('5')).toEqual([5]);
  });

  it('is null for anything else', () => {
    for (const bad of ['', 'x', '3-1', '0-', '1,,2', '0-1 2']) expect(parseCpuList(bad), bad).toBeNull();
  });
});
