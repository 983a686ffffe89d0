/**
 * Storage of a daily band whose sample is planned (band-plan.ts): per day, only the values
 * the band's 5% and 95% points can read, the BAND_EXTREMES smallest and largest finite values
 * of the sample, instead of every sampled value. The points are then the ones the whole
 * sample gives, to the bit, in a fifth of the memory (reserve included).
 *  - Why the extremes suffice: with m of the n values in the sample, the type 7 point at
 *    `sampleLevel(p, m, n)` sits at h = (1 + p (n - 1)) (m + 1) / (n + 1) - 1 <= p (m - 1)
 *    (0-based, as n >= m), so the 5% point reads order statistics floor(h) and floor(h) + 1,
 *    at most 10 for m <= 200, and the 95% point by symmetry at most 10 from the top.
 *    BAND_EXTREMES = 12 leaves a margin; `sortedDay` checks every read all the same.
 *  - Order: the total order of a typed array's sort (-0 before 0), so the kept values are
 *    the ones that sort first or last there.
 *  - A sample member that never comes (a failed or interrupted replication) is replaced, as
 *    BandFold would, by the next priorities: the reserve members that came, kept whole. Past
 *    BAND_RESERVE missing members the sample is the members and reserve that came (fewer
 *    values; the band still reads them at their matched level).
 */
import type { BandPlan } from './band-plan.js';

/** Smallest and largest values kept per day: the points read at most 11 from either end. */
export const BAND_EXTREMES = 12;

const K = BAND_EXTREMES;

/** a before b in a typed array's sort of finite values. */
function less(a: number, b: number): boolean {
  return a < b || (a === 0 && b === 0 && Object.is(a, -0) && !Object.is(b, -0));
}

/**
 * Puts v into the c values from `base` kept in order (at most K; ascending for the low end,
 * descending for the high end): their new count. PERF: two plain loops, no comparator, as
 * this runs for every day of every sampled replication.
 */
function insertLow(a: Float64Array, base: number, c: number, v: number): number {
  if (c === K) {
    if (!less(v, a[base + K - 1])) return c;
    c = K - 1;
  }
  let j = base + c;
  while (j > base && less(v, a[j - 1])) {
    a[j] = a[j - 1];
    j--;
  }
  a[j] = v;
  return c + 1;
}

function insertHigh(a: Float64Array, base: number, c: number, v: number): number {
  if (c === K) {
    if (!less(a[base + K - 1], v)) return c;
    c = K - 1;
  }
  let j = base + c;
  while (j > base && less(a[j - 1], v)) {
    a[j] = a[j - 1];
    j--;
  }
  a[j] = v;
  return c + 1;
}

/** Whether the type 7 point at `level` of m sorted values (statistics.ts `quantile`) reads only kept ones. */
export function readsKept(m: number, level: number): boolean {
  const h = (m - 1) * level,
    lo = Math.floor(h);
  const hi = Math.min(lo + 1, m - 1);
  const kept = (i: number) => i < K || i >= m - K;
  return kept(lo) && kept(hi);
}

export class BandExtremes {
  /** Per day the K smallest finite sample values ascending, at [d * K + j]. */
  private readonly low: Float64Array;
  /** Per day the K largest descending. */
  private readonly high: Float64Array;
  /** Finite sample values per day. */
  private readonly m: Int32Array;
  /** Sample members that came in, by rank. */
  private readonly came: Uint8Array;
  /** Reserve members that came in, whole, by rank - plan.size. */
  private readonly reserveRows: (Float64Array | null)[];

  constructor(
    private readonly plan: BandPlan,
    stride: number,
  ) {
    this.low = new Float64Array(stride * K);
    this.high = new Float64Array(stride * K);
    this.m = new Int32Array(stride);
    this.came = new Uint8Array(plan.size);
    this.reserveRows = new Array<Float64Array | null>(plan.reserve).fill(null);
  }

  /** Takes replication `index`'s days [from, from + width) if the plan samples or reserves it. */
  add(s: ArrayLike<number>, from: number, width: number, index: number): void {
    if (!this.plan.planned.has(index)) throw new Error(`replication ${index} is outside the band plan`);
    const rank = this.plan.rank.get(index);
    if (rank === undefined) return;
    if (rank >= this.plan.size) {
      const row = new Float64Array(width);
      for (let d = 0; d < width; d++) row[d] = s[from + d];
      this.reserveRows[rank - this.plan.size] = row;
      return;
    }
    this.came[rank] = 1;
    for (let d = 0; d < width; d++) this.put(this.low, this.high, this.m, d, s[from + d]);
  }

  private put(low: Float64Array, high: Float64Array, m: Int32Array, d: number, v: number): void {
    if (!Number.isFinite(v)) return;
    const c = m[d] < K ? m[d] : K;
    insertLow(low, d * K, c, v);
    insertHigh(high, d * K, c, v);
    m[d]++;
  }

  /** The reserve rows that stand in for missing sample members, in priority order. */
  private standIns(): Float64Array[] {
    let missing = 0;
    for (const c of this.came) if (!c) missing++;
    return this.reserveRows.filter((r): r is Float64Array => r !== null).slice(0, missing);
  }

  /**
   * Calls `day(d, sorted, m)` for each day below `width`: the day's m finite sample values in
   * sort order, of which only the K at either end are filled (NaN between; `readsKept`).
   */
  days(width: number, day: (d: number, sorted: Float64Array, m: number) => void): void {
    const extra = this.standIns();
    const low = new Float64Array(K),
      high = new Float64Array(K),
      m = new Int32Array(1);
    const out = new Float64Array(this.plan.size + BAND_EXTREMES);
    for (let d = 0; d < width; d++) {
      low.set(this.low.subarray(d * K, d * K + K));
      high.set(this.high.subarray(d * K, d * K + K));
      m[0] = this.m[d];
      for (const row of extra) if (d < row.length) this.put(low, high, m, 0, row[d]);
      const n = m[0],
        c = Math.min(n, K);
      out.fill(NaN, 0, n);
      for (let j = 0; j < c; j++) {
        out[j] = low[j];
        out[n - 1 - j] = high[j];
      }
      day(d, out.subarray(0, n), n);
    }
  }

  /** Numbers held: K at each end per day, the counts, and the reserve rows that came. */
  get held(): number {
    let n = this.low.length + this.high.length + this.m.length + this.came.length;
    for (const r of this.reserveRows) if (r) n += r.length;
    return n;
  }
}
