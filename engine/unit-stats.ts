/**
 * Per-unit statistics: time-weighted areas updated lazily on each state change ("touch"),
 * counters, and a log-binned histogram of waits (for p95 in bounded memory: 1% bins).
 * Areas are in place-minutes. Daily series are differences of the running areas between
 * midnights (the day event touches every unit first), so touch() does no daily work.
 */
import { BIN_BASE, BIN_GROWTH, WAIT_BINS, waitBin } from './wait-bins.js';
export { WAIT_BINS };

let spareStats: UnitStats | null = null;

export class UnitStats {
  readonly n: number;
  last: Float64Array;
  occArea: Float64Array;
  queueArea: Float64Array;
  blockedArea: Float64Array;
  listArea: Float64Array;
  fullTime: Float64Array;
  capArea: Float64Array;
  arrivals: Float64Array;
  admitted: Float64Array;
  lost: Float64Array;
  diverted: Float64Array;
  waitSum: Float64Array;
  waited: Float64Array;
  losSum: Float64Array;
  departures: Float64Array;
  withinTarget: Float64Array;
  reneged: Float64Array;
  waitHist: Float64Array;
  dayOcc: Float64Array;
  dayBlocked: Float64Array;
  dayQueue: Float64Array;
  dayCap: Float64Array;
  /** Stays started (admissions) per unit per day: `admitted` counts in the warm-up too, for this. */
  dayAdmitted: Float64Array;
  /** The running areas (and admission count) at the last midnight. */
  private markOcc: Float64Array;
  private markBlocked: Float64Array;
  private markQueue: Float64Array;
  private markAdmitted: Float64Array;
  /** Capacity changes rarely: today's capacity area is kept exactly (a whole day at 2,150
   *  places reads 2150, not the 2149.9999999999995 a difference of running totals gives). */
  private capToday: Float64Array;
  private capSince: Float64Array;

  constructor(n: number, days: number) {
    this.n = n;
    const f = () => new Float64Array(n);
    this.last = f();
    this.occArea = f();
    this.queueArea = f();
    this.blockedArea = f();
    this.listArea = f();
    this.fullTime = f();
    this.capArea = f();
    this.arrivals = f();
    this.admitted = f();
    this.lost = f();
    this.diverted = f();
    this.waitSum = f();
    this.waited = f();
    this.losSum = f();
    this.departures = f();
    this.withinTarget = f();
    this.reneged = f();
    this.waitHist = new Float64Array(n * WAIT_BINS);
    this.dayOcc = new Float64Array(n * days);
    this.dayBlocked = new Float64Array(n * days);
    this.dayQueue = new Float64Array(n * days);
    this.dayCap = new Float64Array(n * days);
    this.dayAdmitted = new Float64Array(n * days);
    this.markOcc = f();
    this.markBlocked = f();
    this.markQueue = f();
    this.markAdmitted = f();
    this.capToday = f();
    this.capSince = f();
  }

  /**
   * PERF: statistics for n units over `days` days, the columns of the last replication in this
   * thread cleared when they fit (the daily columns are a quarter of a megabyte a replication
   * for three units over 2,000 days: garbage outside V8's heap otherwise). Cleared columns
   * read exactly as new ones.
   */
  static forRun(n: number, days: number): UnitStats {
    const reused = spareStats;
    spareStats = null;
    if (reused && reused.n === n && reused.dayOcc.length === n * days) {
      for (const a of Object.values(reused)) if (a instanceof Float64Array) a.fill(0);
      return reused;
    }
    return new UnitStats(n, days);
  }

  /** A finished replication's statistics, for the next replication in this thread. */
  static recycle(st: UnitStats): void {
    spareStats = st;
  }

  /**
   * Unit u's capacity is about to change from `cap` at `now` (or a day or the warm-up ends).
   * PERF: capacity is piecewise constant, so its areas are integrated here, at its changes,
   * not in every touch().
   */
  capacityChange(u: number, cap: number, now: number): void {
    const dt = now - this.capSince[u];
    if (dt > 0) {
      this.capToday[u] += cap * dt;
      this.capArea[u] += cap * dt;
    }
    this.capSince[u] = now;
  }

  /** Records day `day` (ending now) for every unit; the caller has touched them all. */
  closeDay(day: number, now: number, caps: Float64Array): void {
    for (let u = 0; u < this.n; u++) {
      const k = day * this.n + u;
      this.dayOcc[k] = this.occArea[u] - this.markOcc[u];
      this.markOcc[u] = this.occArea[u];
      this.dayBlocked[k] = this.blockedArea[u] - this.markBlocked[u];
      this.markBlocked[u] = this.blockedArea[u];
      this.dayQueue[k] = this.queueArea[u] - this.markQueue[u];
      this.markQueue[u] = this.queueArea[u];
      this.dayAdmitted[k] = this.admitted[u] - this.markAdmitted[u];
      this.markAdmitted[u] = this.admitted[u];
      this.capacityChange(u, caps[u], now);
      this.dayCap[k] = this.capToday[u];
      this.capToday[u] = 0;
    }
  }

  recordWait(u: number, w: number): void {
    this.waitSum[u] += w;
    if (w > 0) this.waited[u]++;
    this.waitHist[u * WAIT_BINS + waitBin(w)]++;
  }

  /** Quantile q of the recorded waits of unit u, in minutes (NaN when none). */
  waitQuantile(u: number, q: number): number {
    const base = u * WAIT_BINS;
    let total = 0;
    for (let b = 0; b < WAIT_BINS; b++) total += this.waitHist[base + b];
    if (total === 0) return NaN;
    const target = q * total;
    let cum = 0;
    for (let b = 0; b < WAIT_BINS; b++) {
      const c = this.waitHist[base + b];
      if (c > 0 && cum + c >= target) {
        if (b === 0) return 0;
        if (b === 1) return BIN_BASE / 2;
        // Interpolate inside the bin on a log scale.
        const lo = BIN_BASE * Math.exp((b - 2) * BIN_GROWTH);
        return lo * Math.exp(((target - cum) / c) * BIN_GROWTH);
      }
      cum += c;
    }
    return NaN;
  }

  /** Forget everything measured so far (end of warm-up); daily series are kept. */
  reset(now: number, caps: Float64Array): void {
    // Carry the part of today already run, so today's daily value survives the reset.
    for (let u = 0; u < this.n; u++) {
      this.capacityChange(u, caps[u], now);
      this.markOcc[u] -= this.occArea[u];
      this.markBlocked[u] -= this.blockedArea[u];
      this.markQueue[u] -= this.queueArea[u];
      this.markAdmitted[u] -= this.admitted[u];
    }
    for (const a of [
      this.occArea,
      this.queueArea,
      this.blockedArea,
      this.listArea,
      this.fullTime,
      this.capArea,
      this.arrivals,
      this.admitted,
      this.lost,
      this.diverted,
      this.waitSum,
      this.waited,
      this.losSum,
      this.departures,
      this.withinTarget,
      this.reneged,
      this.waitHist,
    ])
      a.fill(0);
    this.last.fill(now);
  }
}
