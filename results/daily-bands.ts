/**
 * Day-by-day summaries of the daily series, folded in one replication at a time, in memory
 * that does not grow with the number of replications (ARCHITECTURE §6 `daily`).
 *  - the mean of each day: a running sum over every replication, added in replication-index
 *    order by the caller, so it is the same whatever order replications finished in;
 *  - the 5% and 95% points of each day (R type 7): exact over a bounded sample of at most
 *    BAND_SAMPLE replications, which is every replication in a run of up to BAND_SAMPLE.
 *    Beyond, the sample is the BAND_SAMPLE replications with the smallest `bandPriority` of
 *    their index: a pseudo-random subset fixed by the indices alone, so the same in any
 *    arrival order, worker count or shard split. The sample's point (read at the level whose
 *    expected rank matches, `sampleLevel`) is then the exact point of all replications give
 *    or take sqrt(0.05 x 0.95 / BAND_SAMPLE), 1.5 percentage points of rank (one sd): the
 *    precision of a run of BAND_SAMPLE replications.
 * Memory per day and series: 2 + BAND_SAMPLE numbers at most, whatever the replication count.
 */
import type { Band } from './format.js';
import { quantile } from './statistics.js';
import { BAND_SAMPLE, bandPriority } from './band-sample.js';
import type { BandPlan } from './band-plan.js';
import { BAND_EXTREMES, BandExtremes, readsKept } from './band-extremes.js';

export { BAND_SAMPLE, bandPriority };

/**
 * n numbers to set by index. PERF: pushing a day at a time cost about three times as much on
 * long series (model A: 111,112 days in each of a dozen series); an array filled at its full
 * length has fast (not dictionary) elements in V8 at any length.
 */
function numbers(n: number): number[] {
  return new Array<number>(n).fill(0);
}

function bandOf(width: number): Band {
  return { mean: numbers(width), p05: numbers(width), p95: numbers(width) };
}

/** A day no replication reached: no mean and no band. */
function noDay(out: Band, d: number): void {
  out.mean[d] = NaN;
  out.p05[d] = NaN;
  out.p95[d] = NaN;
}

/** Running day-by-day mean of series from day `from` on (every series counts on every day). */

export class MeanFold {
  private sum: Float64Array | null = null;
  private width = 0;
  private count = 0;

  constructor(private readonly from: number) {}

  add(s: ArrayLike<number>): void {
    const w = Math.max(0, s.length - this.from);
    if (!this.sum) {
      this.sum = new Float64Array(w);
      this.width = w;
    }
    this.width = Math.min(this.width, w);
    for (let d = 0; d < this.width; d++) this.sum[d] += s[this.from + d];
    this.count++;
  }

  result(): number[] {
    const out = numbers(this.width);
    for (let d = 0; d < this.width; d++) out[d] = this.sum![d] / this.count;
    return out;
  }

  get held(): number {
    return this.sum ? this.sum.length : 0;
  }
}

/**
 * The level to read from a sample of m of the n values so that its expected rank among all n
 * is that of the type 7 point of all n: order statistic h of m (1-based) sits on average at
 * rank h / (m + 1), and type 7 reads order statistic 1 + p (n - 1). Without this, a band from
 * 200 of 2,000 replications would sit about 0.4 points of rank further in than the exact one.
 */
export function sampleLevel(p: number, m: number, n: number): number {
  if (m >= n || m < 2) return p;
  const level = (((1 + p * (n - 1)) * (m + 1)) / (n + 1) - 1) / (m - 1);
  return Math.min(1, Math.max(0, level));
}

/**
 * Sorts the first m values of `a` in place. PERF: a run of few replications (model A: one, over
 * 111,112 days) sorted a view of one to a few values per day, a view and a native call each
 * time; insertion sort is faster below a few dozen values. Equal values (-0 and 0) may keep
 * their order where the typed array's sort puts -0 first: a quantile reads 0 either way.
 */
export function sortFirst(a: Float64Array, m: number): void {
  if (m > 24) {
    a.subarray(0, m).sort();
    return;
  }
  for (let i = 1; i < m; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

/**
 * Day-by-day mean and 5%/95% band of series from day `from` on (non-finite values left out):
 * every replication counts in the mean, the band sample as above.
 */
export class BandFold {
  private width = -1;
  private cap = 0;
  private count = new Int32Array(0);
  private sum = new Float64Array(0);
  /**
   * Slot-major: the values of sample slot j on day d at [j * width + d]. PERF: a replication's
   * series is one contiguous write, and widening the sample one block copy.
   */
  private values = new Float64Array(0);
  /** Width of the rows of `values` (the first series' width: later ones may be shorter). */
  private stride = 0;
  /** Priority of the replication in each sample slot. */
  private readonly slots: number[] = [];
  /** With a plan of more than 2 x BAND_EXTREMES sample members: the only storage of the sample. */
  private extremes: BandExtremes | null = null;

  /**
   * `plan`: the run's replication indices known in advance (band-plan.ts). It changes no
   * number, only the memory: a large sample keeps per day only the values its points read,
   * a small one is sized to the run at once.
   */
  constructor(
    private readonly from: number,
    private readonly plan?: BandPlan,
  ) {}

  /** Widens every day's sample (never beyond BAND_SAMPLE), so short runs take little memory. */
  private grow(): void {
    const first = this.cap === 0 && this.plan ? this.plan.size : 4;
    const cap = Math.min(BAND_SAMPLE, Math.max(first, this.cap * 2));
    const values = new Float64Array(this.stride * cap).fill(NaN);
    values.set(this.values);
    this.values = values;
    this.cap = cap;
  }

  /** The slot replication `index` takes in the sample, or -1 when it is not sampled. */
  private slotFor(index: number): number {
    const p = bandPriority(index);
    if (this.slots.length < BAND_SAMPLE) {
      if (this.slots.length === this.cap) this.grow();
      this.slots.push(p);
      return this.slots.length - 1;
    }
    let worst = 0;
    for (let j = 1; j < this.slots.length; j++) if (this.slots[j] > this.slots[worst]) worst = j;
    if (p >= this.slots[worst]) return -1;
    this.slots[worst] = p;
    return worst;
  }

  add(s: ArrayLike<number>, index: number): void {
    const w = Math.max(0, s.length - this.from);
    if (this.width < 0) {
      this.width = w;
      this.stride = w;
      this.count = new Int32Array(w);
      this.sum = new Float64Array(w);
      if (this.plan && this.plan.size > 2 * BAND_EXTREMES) this.extremes = new BandExtremes(this.plan, w);
    }
    if (w < this.width) this.width = w;
    const width = this.width;
    for (let d = 0; d < width; d++) {
      const v = s[this.from + d];
      if (!Number.isFinite(v)) continue;
      this.count[d]++;
      this.sum[d] += v;
    }
    if (this.extremes) {
      this.extremes.add(s, this.from, width, index);
      return;
    }
    const slot = this.slotFor(index);
    if (slot < 0) return;
    const row = slot * this.stride,
      vals = this.values;
    for (let d = 0; d < width; d++) vals[row + d] = s[this.from + d];
  }

  result(): Band {
    if (this.extremes) return this.extremesResult(this.extremes);
    // Without extremes every replication added takes a slot until BAND_SAMPLE: one slot, one replication.
    if (this.slots.length === 1) return this.oneResult();
    const width = Math.max(0, this.width);
    const out = bandOf(width);
    // PERF: a typed array sorts numerically without a comparator call per comparison. It orders
    // -0 before 0, which a - b leaves as found; either way the point reads 0.
    const scratch = new Float64Array(this.slots.length);
    for (let d = 0; d < width; d++) {
      const n = this.count[d];
      if (n === 0) {
        noDay(out, d);
        continue;
      }
      out.mean[d] = this.sum[d] / n;
      let m = 0;
      for (let j = 0; j < this.slots.length; j++) {
        const v = this.values[j * this.stride + d];
        if (Number.isFinite(v)) scratch[m++] = v;
      }
      sortFirst(scratch, m);
      const day = scratch as unknown as number[];
      out.p05[d] = quantile(day, sampleLevel(0.05, m, n), m);
      out.p95[d] = quantile(day, sampleLevel(0.95, m, n), m);
    }
    return out;
  }

  /**
   * As `result` for a run of one replication: each day's 5% and 95% points of one value are
   * that value (type 7 reads x + 0 x 0), and so is its mean (0 + x, over 1): the same bits
   * (0 + x makes -0 into 0 in the mean and in the points alike), so the three are one array.
   * PERF: model A (one replication, 111,112 days) made and filled three arrays per series,
   * each in memory the process had not touched before, and wrote each one's text.
   */
  private oneResult(): Band {
    const width = Math.max(0, this.width);
    const mean = numbers(width);
    for (let d = 0; d < width; d++) mean[d] = this.count[d] === 0 ? NaN : this.sum[d];
    return { mean, p05: mean, p95: mean };
  }

  /** As `result`, from the extremes of a planned sample: the same numbers. */
  private extremesResult(ext: BandExtremes): Band {
    const width = Math.max(0, this.width);
    const out = bandOf(width);
    ext.days(width, (d, sorted, m) => {
      const n = this.count[d];
      if (n === 0) {
        noDay(out, d);
        return;
      }
      out.mean[d] = this.sum[d] / n;
      const lo = sampleLevel(0.05, m, n),
        hi = sampleLevel(0.95, m, n);
      if (!readsKept(m, lo) || !readsKept(m, hi)) throw new Error(`a band point of ${m} values reads past the kept extremes`);
      const day = sorted as unknown as number[];
      out.p05[d] = quantile(day, lo);
      out.p95[d] = quantile(day, hi);
    });
    return out;
  }

  /** Numbers held (for the bounded-memory tests): does not grow past BAND_SAMPLE replications. */
  get held(): number {
    if (this.extremes) return this.count.length * 2 + this.extremes.held;
    return this.count.length * 2 + this.values.length + this.slots.length;
  }
}
