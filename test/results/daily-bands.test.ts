import { describe, expect, it } from 'vitest';
import { BAND_SAMPLE, BandFold, MeanFold, bandPriority, sampleLevel, sortFirst } from '../../results/daily-bands.js';
import { quantile } from '../../results/statistics.js';
import { makeStream } from '../../engine/index.js';

/** R replications of `days` daily values each, drawn by `draw`. */
function series(R: number, days: number, draw: () => number): Float64Array[] {
  return Array.from({ length: R }, () => Float64Array.from({ length: days }, draw));
}

function fold(rows: readonly Float64Array[], order: readonly number[] = rows.map((_, i) => i)): BandFold {
  const f = new BandFold(0);
  for (const i of order) f.add(rows[i], i);
  return f;
}

/** Where v falls among the sorted values, as a share: [below, at or below]. */
function rank(sorted: readonly number[], v: number): [number, number] {
  let below = 0,
    atOrBelow = 0;
  for (const x of sorted) {
    if (x < v) below++;
    if (x <= v) atOrBelow++;
  }
  return [below / sorted.length, atOrBelow / sorted.length];
}

describe('bandPriority(index)', () => {
  it('gives distinct priorities to distinct indices', () => {
    const seen = new Set<number>();
    for (let i = 0; i < 100000; i++) seen.add(bandPriority(i));
    expect(seen.size).toBe(100000);
  });
});

describe('BandFold.result() past BAND_SAMPLE replications', () => {
  const rng = makeStream(12, 0, 'bands');
  const normal = () => Math.sqrt(-2 * Math.log(rng.next())) * Math.cos(2 * Math.PI * rng.next());
  const R = 2000,
    days = 300;
  // Days like a queue: zero in about half the replications (heavy ties), skewed otherwise.
  const queueLike = () => (rng.next() < 0.5 ? 0 : -10 * Math.log(rng.next()));

  for (const [name, draw] of [
    ['normal', normal],
    ['zero-inflated', queueLike],
  ] as const) {
    it(`puts the 5% and 95% points within the stated rank error of the exact ones (${name} days)`, () => {
      const rows = series(R, days, draw);
      const b = fold(rows).result();
      // The sample's point misses the exact one by a rank error of sd sqrt(p (1 - p) / M) at
      // most (less the finite-population correction); check its size and that it is centred.
      const sd = Math.sqrt((0.05 * 0.95) / BAND_SAMPLE);
      for (const [p, est] of [
        [0.05, b.p05],
        [0.95, b.p95],
      ] as const) {
        let sum = 0,
          sumSq = 0;
        for (let d = 0; d < days; d++) {
          const sorted = rows.map((s) => s[d]).sort((x, y) => x - y);
          const mid = (v: number) => {
            const [lo, hi] = rank(sorted, v);
            return (lo + hi) / 2;
          };
          const err = mid(est[d]) - mid(quantile(sorted, p));
          sum += err;
          sumSq += err * err;
          expect(Math.abs(err)).toBeLessThan(4.5 * sd);
        }
        expect(Math.sqrt(sumSq / days)).toBeLessThan(1.15 * sd);
        expect(Math.abs(sum / days)).toBeLessThan((4 * sd) / Math.sqrt(days));
      }
    });
  }

  it('keeps the same sample whatever order the replications arrive in', () => {
    const rows = series(600, 20, normal);
    const forward = fold(rows).result();
    const order = rows.map((_, i) => i).reverse();
    const backward = fold(rows, order).result();
    expect(backward.p05).toEqual(forward.p05);
    expect(backward.p95).toEqual(forward.p95);
  });

  it('holds no more numbers at 4,000 replications than at 1,000', () => {
    const row = Float64Array.from({ length: 365 }, (_, d) => d);
    const held = (n: number) => {
      const f = new BandFold(0);
      for (let i = 0; i < n; i++) f.add(row, i);
      return f.held;
    };
    expect(held(4000)).toBe(held(1000));
    expect(held(1000)).toBeLessThanOrEqual(365 * (2 + BAND_SAMPLE) + BAND_SAMPLE);
  });
});

describe('BandFold.result() up to BAND_SAMPLE replications', () => {
  it('gives the exact mean and type 7 points of each day', () => {
    const rng = makeStream(4, 0, 'exact');
    const rows = series(BAND_SAMPLE, 30, () => Math.floor(rng.next() * 50) / 7);
    const b = fold(rows).result();
    for (let d = 0; d < 30; d++) {
      const col = rows.map((s) => s[d]);
      let sum = 0;
      for (const v of col) sum += v;
      const sorted = [...col].sort((x, y) => x - y);
      expect(b.mean[d]).toBe(sum / BAND_SAMPLE);
      expect(b.p05[d]).toBe(quantile(sorted, 0.05));
      expect(b.p95[d]).toBe(quantile(sorted, 0.95));
    }
  });
});

describe('BandFold.result() of one replication', () => {
  it('gives each day its value as mean and both points, bit for bit as the general path, NaN days without a band', () => {
    const one = Float64Array.from([9, 3.25, -0, NaN, Infinity, 1 / 3, 0]);
    const b = new BandFold(1);
    b.add(one, 0);
    const got = b.result();
    // The general path, from a fold of the same value held twice: its mean and points are the value again.
    const twice = new BandFold(1);
    twice.add(one, 0);
    twice.add(one, 1);
    const want = twice.result();
    expect(got.mean).toHaveLength(6);
    for (const k of ['mean', 'p05', 'p95'] as const) {
      got[k].forEach((x, d) => expect(Object.is(x, want[k][d])).toBe(true));
      expect(got[k]).toEqual([3.25, 0, NaN, NaN, 1 / 3, 0]);
    }
  });
});

describe('BandFold.result() beyond BAND_SAMPLE replications', () => {
  it('gives the type 7 points of the sampled replications (smallest priorities) at the matched level, over the shortest series, NaN left out', () => {
    const rng = makeStream(5, 0, 'beyond');
    const R = BAND_SAMPLE + 60;
    const rows = series(R, 30, () => Math.floor(rng.next() * 50) / 7);
    // A shorter series narrows every band; a NaN day is left out of that day's count and sample.
    rows[7] = rows[7].subarray(0, 20);
    rows[11][3] = NaN;
    const b = fold(rows).result();
    const sample = rows
      .map((_, i) => i)
      .sort((x, y) => bandPriority(x) - bandPriority(y))
      .slice(0, BAND_SAMPLE);
    expect(b.p05).toHaveLength(20);
    for (let d = 0; d < 20; d++) {
      const n = rows.filter((s) => Number.isFinite(s[d])).length;
      const sorted = sample
        .map((i) => rows[i][d])
        .filter(Number.isFinite)
        .sort((x, y) => x - y);
      expect(b.p05[d]).toBe(quantile(sorted, sampleLevel(0.05, sorted.length, n)));
      expect(b.p95[d]).toBe(quantile(sorted, sampleLevel(0.95, sorted.length, n)));
    }
  });
});

describe('MeanFold.result()', () => {
  it('averages every series day by day from the first kept day, over the shortest series', () => {
    const m = new MeanFold(1);
    m.add([1, 2, 3, 4]);
    m.add([5, 6, 7]);
    expect(m.result()).toEqual([4, 5]);
  });
});

describe('sortFirst(a, m)', () => {
  it('orders the first m values as the typed array sort does and leaves the rest alone, at every m from 0 to 40', () => {
    const rng = makeStream(17, 0, 'sort-first');
    for (let m = 0; m <= 40; m++) {
      for (let trial = 0; trial < 20; trial++) {
        // Few distinct values, so ties (and -0 beside 0) are common.
        const a = Float64Array.from({ length: m + 3 }, () => [-0, 0, 1.5, -2, 7, 1e-300][Math.floor(rng.next() * 6)]);
        const want = a.slice(0, m).sort();
        const tail = a.slice(m);
        sortFirst(a, m);
        for (let i = 0; i < m; i++) expect(a[i] === want[i]).toBe(true); // -0 === 0: numerically the same order
        expect(Array.from(a.subarray(m))).toEqual(Array.from(tail));
      }
    }
  });
});

describe('quantile(sorted, p, length)', () => {
  it('reads only the first `length` values, as a list of that length does', () => {
    const sorted = [1, 2, 4, 8, 100, 200];
    for (const p of [0, 0.05, 0.3, 0.5, 0.95, 1]) expect(quantile(sorted, p, 4)).toBe(quantile(sorted.slice(0, 4), p));
    expect(quantile(sorted, 0.5, 0)).toBeNaN();
  });
});
