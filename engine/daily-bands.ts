/**
 * Day-by-day summaries of the daily series, folded in one replication at a time, in memory
 * that does not grow with the number of replications (ARCHITECTURE §6 `daily`).
 *  - the mean of each day: a running sum, added in replication-index order by the caller, so
 *    it is the same whatever order replications finished in;
 *  - the 5% and 95% points of each day: exact (R type 7, as before) while a day has at most
 *    EXACT_BAND_MAX values, from the K smallest and K largest values; beyond that, P-square
 *    estimates (p-square.ts) that were started from the exact values and kept up since.
 * Memory per day and series: at most 2 + 2K + 2 x 10 numbers, whatever the replication count.
 */
import type { Band } from './results.js';
import { PSQ_SIZE, psqAdd, psqInit, psqValue } from './p-square.js';

/** Smallest (and largest) values kept per day: order statistics exact up to EXACT_BAND_MAX values. */
export const BAND_K = 22;
/** With n values, type 7 interpolates order statistics floor(0.05 (n-1)) and the next: both among the K smallest while n <= 20 (K - 1). */
export const EXACT_BAND_MAX = 20 * (BAND_K - 1);

/** Pushes v onto the max-heap h[o .. o + n). */
function heapPush(h: Float64Array, o: number, n: number, v: number): void {
  let i = n;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (h[o + parent] >= v) break;
    h[o + i] = h[o + parent];
    i = parent;
  }
  h[o + i] = v;
}

/** Puts v in place of the top of the max-heap h[o .. o + n) and sifts it down. */
function heapReplaceTop(h: Float64Array, o: number, n: number, v: number): void {
  let i = 0;
  for (;;) {
    let c = 2 * i + 1;
    if (c >= n) break;
    if (c + 1 < n && h[o + c + 1] > h[o + c]) c++;
    if (h[o + c] <= v) break;
    h[o + i] = h[o + c];
    i = c;
  }
  h[o + i] = v;
}

/** Keeps, per slot, the k smallest values offered (a max-heap each); `seen` counts earlier offers. */
function offer(h: Float64Array, o: number, k: number, seen: number, v: number): void {
  if (seen < k) heapPush(h, o, seen, v);
  else if (v < h[o]) heapReplaceTop(h, o, k, v);
}

const scratch = new Float64Array(BAND_K);
const pair = new Float64Array(2);

/**
 * Leaves order statistics j and j + 1 (ascending, 0-based) of the m values in the max-heap
 * h[o .. o + m) in pair[0] and pair[1] (NaN where there is none), working on a copy.
 */
function orderPair(h: Float64Array, o: number, m: number, j: number): void {
  for (let i = 0; i < m; i++) scratch[i] = h[o + i];
  // Popping the top: the last value takes its place and sifts down.
  while (m > j + 2) { m--; heapReplaceTop(scratch, 0, m, scratch[m]); }
  pair[1] = m > j + 1 ? scratch[0] : NaN;
  if (m > j + 1) { m--; heapReplaceTop(scratch, 0, m, scratch[m]); }
  pair[0] = j >= 0 && m > j ? scratch[0] : NaN;
}

/** Type 7 interpolation between order statistics lo and lo + 1 of n values at position h. */
function between(n: number, h: number, lo: number, below: number, above: number): number {
  return lo + 1 >= n || h === lo ? below : below + (h - lo) * (above - below);
}

/** Running day-by-day mean of series from day `from` on (every series counts on every day). */
export class MeanFold {
  private sum: Float64Array | null = null;
  private width = 0;
  private count = 0;

  constructor(private readonly from: number) {}

  add(s: ArrayLike<number>): void {
    const w = Math.max(0, s.length - this.from);
    if (!this.sum) { this.sum = new Float64Array(w); this.width = w; }
    this.width = Math.min(this.width, w);
    for (let d = 0; d < this.width; d++) this.sum[d] += s[this.from + d];
    this.count++;
  }

  result(): number[] {
    const out: number[] = [];
    for (let d = 0; d < this.width; d++) out.push(this.sum![d] / this.count);
    return out;
  }
}

/** Day-by-day mean and 5%/95% band of series from day `from` on (non-finite values left out). */
export class BandFold {
  private width = -1;
  private stride = 0;
  private count = new Int32Array(0);
  private sum = new Float64Array(0);
  private low = new Float64Array(0);
  private high = new Float64Array(0);
  /** P-square estimators, 5% then 95%, per day; allocated when a day passes BAND_K values. */
  private psq: Float64Array | null = null;

  constructor(private readonly from: number) {}

  /** Grows the per-day heaps (never beyond BAND_K), so short runs take little memory. */
  private grow(need: number): void {
    const stride = Math.min(BAND_K, Math.max(2, this.stride * 2, need));
    const low = new Float64Array(this.width * stride), high = new Float64Array(this.width * stride);
    for (let d = 0; d < this.width; d++) {
      for (let i = 0; i < this.stride; i++) { low[d * stride + i] = this.low[d * this.stride + i]; high[d * stride + i] = this.high[d * this.stride + i]; }
    }
    this.low = low; this.high = high; this.stride = stride;
  }

  add(s: ArrayLike<number>): void {
    const w = Math.max(0, s.length - this.from);
    if (this.width < 0) {
      this.width = w;
      this.count = new Int32Array(w);
      this.sum = new Float64Array(w);
    }
    const width = Math.min(this.width, w), K = BAND_K;
    for (let d = 0; d < width; d++) {
      const v = s[this.from + d];
      if (!Number.isFinite(v)) continue;
      const seen = this.count[d]++;
      this.sum[d] += v;
      if (seen >= this.stride && this.stride < K) this.grow(seen + 1);
      const k = this.stride;
      offer(this.low, d * k, k, seen, v);
      offer(this.high, d * k, k, seen, -v);
      if (seen + 1 === K + 1) this.startPsq(d);
      else if (seen + 1 > K + 1) {
        psqAdd(this.psq!, d * 2 * PSQ_SIZE, 0.05, v, seen + 1);
        psqAdd(this.psq!, d * 2 * PSQ_SIZE + PSQ_SIZE, 0.95, v, seen + 1);
      }
    }
    if (w < this.width) this.width = w;
  }

  /**
   * Starts day d's P-square estimators from its first K values (exact: before the (K+1)-th
   * value arrived, the heap of the K smallest held all of them), then adds v.
   */
  private startPsq(d: number): void {
    if (!this.psq) this.psq = new Float64Array(this.count.length * 2 * PSQ_SIZE);
    // The heaps already hold the (K+1)-th value: the K + 1 values are the K smallest plus the
    // largest, which is minus the smallest of the negated values kept in `high`.
    const all: number[] = [];
    let minNeg = Infinity;
    for (let i = 0; i < BAND_K; i++) { all.push(this.low[d * BAND_K + i]); minNeg = Math.min(minNeg, this.high[d * BAND_K + i]); }
    all.push(-minNeg);
    all.sort((a, b) => a - b);
    psqInit(this.psq, d * 2 * PSQ_SIZE, 0.05, all, all.length);
    psqInit(this.psq, d * 2 * PSQ_SIZE + PSQ_SIZE, 0.95, all, all.length);
  }

  result(): Band {
    const out: Band = { mean: [], p05: [], p95: [] };
    const k = this.stride;
    for (let d = 0; d < Math.max(0, this.width); d++) {
      const n = this.count[d], m = Math.min(n, k);
      if (n === 0) { out.mean.push(NaN); out.p05.push(NaN); out.p95.push(NaN); continue; }
      out.mean.push(this.sum[d] / n);
      if (n > EXACT_BAND_MAX) {
        out.p05.push(psqValue(this.psq!, d * 2 * PSQ_SIZE));
        out.p95.push(psqValue(this.psq!, d * 2 * PSQ_SIZE + PSQ_SIZE));
        continue;
      }
      const h05 = (n - 1) * 0.05, lo05 = Math.floor(h05);
      orderPair(this.low, d * k, m, lo05);
      out.p05.push(between(n, h05, lo05, pair[0], pair[1]));
      // Order statistic i of the values is minus order statistic n - 1 - i of the negated ones.
      const h95 = (n - 1) * 0.95, lo95 = Math.floor(h95);
      orderPair(this.high, d * k, m, n - 2 - lo95);
      out.p95.push(between(n, h95, lo95, -pair[1], -pair[0]));
    }
    return out;
  }
}
