import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../scenarios/index.js';
import { CompileMemo, MEMO_NUMBERS, numberKey } from '../../scenarios/compile-memo.js';
import { estimateLoads } from '../../scenarios/load-estimate.js';
import { demandWindows } from '../../scenarios/demand.js';
import type { Model } from '../../engine/index.js';

const library = join(fileURLToPath(import.meta.url), '..', '..', '..', 'scenarios', 'library');

describe('CompileMemo.get(key, make, size)', () => {
  it('works a key out once and gives that value after, other keys apart', () => {
    const memo = new CompileMemo();
    let made = 0;
    const make = (v: number) => () => (made++, { v });
    const a = memo.get('a', make(1));
    expect(memo.get('a', make(2))).toBe(a);
    expect(memo.get('b', make(3))).toEqual({ v: 3 });
    expect(made).toBe(2);
  });

  it('starts again past its budget of numbers, and never keeps a value larger than the budget', () => {
    const memo = new CompileMemo();
    let made = 0;
    const big = () => (made++, 'x');
    memo.get('huge', big, () => 2 * MEMO_NUMBERS);
    memo.get('huge', big, () => 2 * MEMO_NUMBERS);
    expect(made).toBe(2);
    memo.get('half', big, () => MEMO_NUMBERS / 2);
    memo.get('other half', big, () => MEMO_NUMBERS / 2);
    memo.get('half', big, () => MEMO_NUMBERS / 2);
    expect(made).toBe(4); // both halves fit the budget: kept
    memo.get('one more', big, () => 1);
    memo.get('half', big, () => MEMO_NUMBERS / 2);
    expect(made).toBe(6); // the budget overflowed: everything was let go
  });

  it('writes numbers as keys exactly, -0 apart from 0', () => {
    expect(numberKey(-0)).not.toBe(numberKey(0));
    expect(numberKey(0.1 + 0.2)).not.toBe(numberKey(0.3));
    expect([NaN, Infinity, -Infinity].map(numberKey)).toEqual(['NaN', 'Infinity', '-Infinity']);
  });
});

describe('a load shares one memo among its strategies', () => {
  const sc = loadScenario(join(library, 'ics-default.yaml'));
  const models = sc.strategies.map((s) => s.model);

  it('the load estimate of every strategy of the default ICS is the one worked out alone, to the bit', () => {
    // One memo through every strategy in turn, as a load does: a key that missed something a
    // strategy changes would hand it another strategy's demand, roster or Erlang value.
    const shared = new CompileMemo();
    const withShared = models.map((m) => estimateLoads(m, shared));
    const alone = models.map((m) => estimateLoads(m));
    expect(withShared).toEqual(alone);
    // The strategies do differ where they should (the check would otherwise prove nothing).
    const acute = models[0].units.findIndex((u) => u.name === 'acute');
    const rhos = new Set(alone.map((l) => l[acute]!.rho));
    expect(rhos.size).toBeGreaterThan(5);
  });

  it('strategies that change demand get their own windows; those that do not share them', () => {
    const shared = new CompileMemo();
    const windows = models.map((m) => demandWindows(m, shared));
    const frail = sc.strategies.findIndex((s) => s.name === 'proactive-frail');
    const beds = sc.strategies.findIndex((s) => s.name === 'p2-plus');
    expect(windows[beds]).toBe(windows[0]);
    expect(windows[frail]).not.toBe(windows[0]);
    expect(windows[frail]).toEqual(demandWindows(models[frail]));
    expect(windows[0]).toEqual(demandWindows(models[0]));
  });

  it('a demand differing only in a route probability is worked out anew', () => {
    const shared = new CompileMemo();
    const m = models[0];
    const before = demandWindows(m, shared);
    const rerouted: Model = structuredClone(m);
    // A unit patients reach whose route splits between another unit and something else.
    const r = rerouted.units.findIndex(
      (u, i) => before[0].lam[0][i] > 0 && u.next[0].dest.length > 1 && u.next[0].dest.some((d) => d >= 0),
    );
    expect(r).toBeGreaterThanOrEqual(0);
    const route = rerouted.units[r].next[0];
    const k = route.dest.findIndex((d) => d >= 0);
    route.cum[k] = (k > 0 ? route.cum[k - 1] : 0) + (route.cum[k] - (k > 0 ? route.cum[k - 1] : 0)) / 2;
    const after = demandWindows(rerouted, shared);
    expect(after).not.toBe(before);
    expect(after).toEqual(demandWindows(rerouted));
    expect(after).not.toEqual(before);
  });

  it('every strategy gets roster arrays of its own, equal where the roster is the same', () => {
    const ucr = models[0].units.findIndex((u) => u.schedule && u.name.startsWith('ucr'));
    const a = models[0].units[ucr].schedule!,
      b = models[sc.strategies.findIndex((s) => s.name === 'p2-plus')].units[ucr].schedule!;
    expect(b.at).not.toBe(a.at);
    expect(b).toEqual(a);
    const more = models[sc.strategies.findIndex((s) => s.name === 'ucr-plus')].units[ucr].schedule!;
    expect(more.cap).not.toEqual(a.cap);
  });
});
