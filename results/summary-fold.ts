/**
 * One strategy's summary, folded in one replication at a time (in replication-index order:
 * the caller's job, see in-order.ts), keeping only what the results file needs: per
 * replication the scalars behind each Stat and paired difference (a few hundred numbers),
 * and for the daily series running means and bounded band estimators (daily-bands.ts).
 * A finished replication can then be dropped, so a long run holds megabytes, not a copy of
 * every replication.
 */
import type { ReplicationResult } from '../engine/index.js';
import type { Economics, SystemKpiName, UnitMetricName } from '../engine/index.js';
import type { Change, KpiStats, Stat, StrategyResults, UnitMetricStats } from './format.js';
import { BandFold, MeanFold } from './daily-bands.js';
import type { BandPlan } from './band-plan.js';
import { linearisedRatio, ratioStat, shares, stat, withMean, withRange } from './statistics.js';
import { FlowFold } from './flow-fold.js';

/** Index of the first measured day in the daily series (which start at t = 0). */
export function firstMeasuredDay(warmupDays: number): number {
  return Math.floor(warmupDays + 1e-9);
}

export interface StrategyMeta {
  description: string;
  set: Record<string, string>;
  sweep?: Record<string, number>;
  changes?: Change[];
}

/**
 * Named per-replication values: one column per name, in order of first appearance; a
 * replication without a name reads NaN ("not defined"), as in a Stat. PERF: a column is a
 * Float64Array sized for the run's replications when the fold knows them (a fixed count),
 * else doubled as rows come. Growing a column by copying left its old storage behind as
 * garbage that lived long enough to reach V8's old generation (about twice the final
 * columns over a long run); a planned run allocates each column once.
 */
class Columns<K extends string = string> {
  private readonly data = new Map<K, Float64Array>();
  rows = 0;

  /** `capacity`: the rows expected (0 when unknown). */
  constructor(private capacity = 0) {}

  /** Starts a new row; values not set in it stay NaN. */
  row(): void {
    if (this.rows === this.capacity) this.grow(Math.max(16, 2 * this.capacity));
    this.rows++;
  }

  private grow(capacity: number): void {
    for (const [k, c] of this.data) {
      const wider = new Float64Array(capacity).fill(NaN);
      wider.set(c);
      this.data.set(k, wider);
    }
    this.capacity = capacity;
  }

  /** Each column's values, one per row so far (views on the storage: read them before the next row). */
  get cols(): ReadonlyMap<K, Float64Array> {
    const out = new Map<K, Float64Array>();
    for (const [k, c] of this.data) out.set(k, c.subarray(0, this.rows));
    return out;
  }

  /** One column's values, one per row so far (a view on the storage, as in `cols`), or undefined. */
  col(key: K): Float64Array | undefined {
    return this.data.get(key)?.subarray(0, this.rows);
  }

  has(key: K): boolean {
    return this.data.has(key);
  }

  /** Numbers held: one per replication and name. */
  get held(): number {
    return this.rows * this.data.size;
  }

  /** Numbers allocated: the rows the columns have room for, per name. */
  get reserved(): number {
    return this.capacity * this.data.size;
  }

  set(key: K, v: number): void {
    let c = this.data.get(key);
    if (!c) {
      c = new Float64Array(this.capacity).fill(NaN);
      this.data.set(key, c);
    }
    c[this.rows - 1] = v;
  }
}

/** Numerators and denominators of a share, per replication; `complete` while every replication gave them. */
class Fractions<K extends string> {
  readonly num: Columns<K>;
  readonly den: Columns<K>;
  readonly incomplete = new Set<K>();

  constructor(capacity = 0) {
    this.num = new Columns<K>(capacity);
    this.den = new Columns<K>(capacity);
  }

  row(): void {
    this.num.row();
    this.den.row();
  }

  get held(): number {
    return this.num.held + this.den.held;
  }

  get reserved(): number {
    return this.num.reserved + this.den.reserved;
  }

  set(key: K, f: readonly [number, number] | undefined): void {
    // Counts missing here, or in earlier replications that had the value: mean of ratios instead.
    if (!f || (!this.num.has(key) && this.num.rows > 1)) {
      this.incomplete.add(key);
      return;
    }
    this.num.set(key, f[0]);
    this.den.set(key, f[1]);
  }

  /** The ratio estimator, or null when some replication did not give its counts. */
  stat(key: K, indices: readonly number[]): Stat | null {
    const num = this.num.col(key),
      den = this.den.col(key);
    if (!num || !den || this.incomplete.has(key)) return null;
    return ratioStat(num, den, indices);
  }
}

interface DailyFold {
  occupancy: BandFold;
  blocked: BandFold;
  queue: BandFold;
  capacity: MeanFold;
  admissions: BandFold;
}
interface CohortFold {
  people: MeanFold;
  rates: Columns;
}

const RATES = ['crises_per_1000_per_year', 'admissions_per_1000_per_year', 'bed_days_per_1000_per_year'] as const;

export class StrategyFold {
  /** Replication indices, in the order folded (index order). */
  readonly indices: number[] = [];
  readonly kpis: Columns<SystemKpiName>;
  readonly kpiFractions: Fractions<SystemKpiName>;
  readonly units = new Map<string, { values: Columns<UnitMetricName>; fractions: Fractions<UnitMetricName> }>();
  readonly exits: Columns;
  /** Patients a day along each edge of the pathway. */
  readonly flows = new FlowFold();
  private from = 0;
  private readonly daily = new Map<string, DailyFold>();
  private readonly cohorts = new Map<string, CohortFold>();
  /** Mean daily occupancy from t = 0, per unit (for the warm-up aid). */
  readonly occupancyFromStart = new Map<string, MeanFold>();
  /** The strategy's one-off cost, double running and discounting, from its replications. */
  economics?: Economics;

  /** Rows the scalar columns are sized for: the planned replications (0: unknown). */
  private readonly capacity: number;

  /** `bandPlan`: the replication indices the fold will see, when known (daily-bands.ts, Columns: less memory, same numbers). */
  constructor(private readonly bandPlan?: BandPlan) {
    this.capacity = bandPlan?.planned.size ?? 0;
    this.kpis = new Columns<SystemKpiName>(this.capacity);
    this.kpiFractions = new Fractions<SystemKpiName>(this.capacity);
    this.exits = new Columns(this.capacity);
  }

  add(r: ReplicationResult): void {
    if (this.indices.length === 0) this.from = firstMeasuredDay(r.warmupDays);
    const first = this.indices.length === 0;
    this.indices.push(r.replication);
    if (r.economics) this.economics = r.economics;
    this.kpis.row();
    this.kpiFractions.row();
    // Keys in the order the replication gives them (metrics.ts): the order of the results file.
    for (const k of Object.keys(r.kpis) as SystemKpiName[]) {
      this.kpis.set(k, r.kpis[k]!);
      if (r.fractions?.kpis[k] !== undefined || this.kpiFractions.num.has(k)) this.kpiFractions.set(k, r.fractions?.kpis[k]);
    }
    for (const u of Object.keys(r.units)) {
      let f = this.units.get(u);
      if (!f) {
        f = { values: new Columns<UnitMetricName>(this.capacity), fractions: new Fractions<UnitMetricName>(this.capacity) };
        // Rows before this unit appeared read NaN.
        for (let i = 0; i < this.indices.length - 1; i++) {
          f.values.row();
          f.fractions.row();
        }
        this.units.set(u, f);
      }
    }
    for (const [u, f] of this.units) {
      f.values.row();
      f.fractions.row();
      const metrics = r.units[u];
      if (!metrics) continue;
      const fr = r.fractions?.units[u];
      for (const m of Object.keys(metrics) as UnitMetricName[]) {
        f.values.set(m, metrics[m]!);
        if (fr?.[m] !== undefined || f.fractions.num.has(m)) f.fractions.set(m, fr?.[m]);
      }
    }
    this.exits.row();
    for (const e of Object.keys(r.exits)) this.exits.set(e, r.exits[e] / r.horizonDays);
    this.addDaily(r, first);
    this.addPopulation(r);
    this.flows.add(r);
  }

  private addDaily(r: ReplicationResult, first: boolean): void {
    for (const u of Object.keys(r.daily)) {
      const d = r.daily[u];
      let f = this.daily.get(u);
      if (!f) {
        f = {
          occupancy: new BandFold(this.from, this.bandPlan),
          blocked: new BandFold(this.from, this.bandPlan),
          queue: new BandFold(this.from, this.bandPlan),
          capacity: new MeanFold(this.from),
          admissions: new BandFold(this.from, this.bandPlan),
        };
        this.daily.set(u, f);
      }
      f.occupancy.add(d.occupancy, r.replication);
      f.blocked.add(d.blocked, r.replication);
      f.queue.add(d.queue, r.replication);
      f.capacity.add(d.capacity);
      f.admissions.add(d.admissions, r.replication);
      let w = this.occupancyFromStart.get(u);
      if (!w) {
        w = new MeanFold(0);
        // A unit missing from earlier replications gave them no series: the aid has no day.
        if (!first) w.add(new Float64Array(0));
        this.occupancyFromStart.set(u, w);
      }
      w.add(d.occupancy);
    }
    for (const [u, w] of this.occupancyFromStart) if (!(u in r.daily)) w.add(new Float64Array(0));
  }

  private addPopulation(r: ReplicationResult): void {
    if (!r.population) return;
    for (const c of Object.keys(r.population)) {
      const co = r.population[c];
      let f = this.cohorts.get(c);
      if (!f) {
        f = { people: new MeanFold(this.from), rates: new Columns(this.capacity) };
        this.cohorts.set(c, f);
      }
      f.people.add(co.people);
      // Rates per 1,000 people per year of the measured period, per replication.
      const rate = (v: number) => (co.people_mean > 0 ? (1000 * v * 365) / (co.people_mean * r.horizonDays) : NaN);
      f.rates.row();
      f.rates.set(RATES[0], rate(co.crises));
      f.rates.set(RATES[1], rate(co.admissions));
      f.rates.set(RATES[2], rate(co.bed_days));
      f.rates.set('days_at_home_per_person_year', co.days_at_home_per_person_year);
    }
  }

  /**
   * Numbers held: a fixed count per replication for the scalars (indices, KPIs, unit metrics
   * and the counts behind shares, exits, cohort rates), bounded for the daily series.
   */
  get held(): number {
    let n = this.indices.length + this.kpis.held + this.kpiFractions.held + this.exits.held + this.flows.held;
    for (const f of this.units.values()) n += f.values.held + f.fractions.held;
    for (const f of this.daily.values()) n += f.occupancy.held + f.blocked.held + f.queue.held + f.capacity.held + f.admissions.held;
    for (const f of this.cohorts.values()) n += f.people.held + f.rates.held;
    for (const f of this.occupancyFromStart.values()) n += f.held;
    return n;
  }

  /** Numbers the per-replication columns have room for (Columns): the planned replications' worth in a planned fold. */
  get reserved(): number {
    let n = this.kpis.reserved + this.kpiFractions.reserved + this.exits.reserved;
    for (const f of this.units.values()) n += f.values.reserved + f.fractions.reserved;
    for (const f of this.cohorts.values()) n += f.rates.reserved;
    return n;
  }

  /** A KPI's Stat: the ratio estimator for a share, else the mean over replications. */
  kpiStat(k: SystemKpiName): Stat {
    return this.kpiFractions.stat(k, this.indices) ?? stat(this.kpis.col(k)!, this.indices);
  }

  result(meta: StrategyMeta): StrategyResults {
    const out: StrategyResults = { description: meta.description, set: meta.set, kpis: {}, units: {}, daily: {}, exits: {} };
    if (meta.sweep) out.sweep = meta.sweep;
    if (meta.changes) out.changes = meta.changes;
    for (const k of this.kpis.cols.keys()) out.kpis[k] = this.kpiStat(k);
    for (const [u, f] of this.units) {
      const metrics: UnitMetricStats = {};
      for (const [m, values] of f.values.cols) metrics[m] = f.fractions.stat(m, this.indices) ?? stat(values, this.indices);
      out.units[u] = metrics;
    }
    if (this.indices.length === 0) return out;
    for (const [u, f] of this.daily) {
      out.daily[u] = {
        occupancy: f.occupancy.result(),
        blocked: f.blocked.result(),
        queue: f.queue.result(),
        capacity: f.capacity.result(),
        admissions: f.admissions.result(),
      };
    }
    for (const [e, values] of this.exits.cols) out.exits[e] = stat(values, this.indices);
    if (this.cohorts.size > 0) {
      const population: NonNullable<StrategyResults['population']> = {};
      for (const [c, f] of this.cohorts) {
        // Rows of a cohort's rates are the replications that had a population (all, in a population model).
        const col = (k: string) => stat(f.rates.col(k)!, f.rates.rows === this.indices.length ? this.indices : undefined);
        population[c] = {
          people: f.people.result(),
          crises_per_1000_per_year: col(RATES[0]),
          admissions_per_1000_per_year: col(RATES[1]),
          bed_days_per_1000_per_year: col(RATES[2]),
          days_at_home_per_person_year: col('days_at_home_per_person_year'),
        };
      }
      out.population = population;
    }
    const flows = this.flows.result();
    if (flows) out.flows = flows;
    return out;
  }
}

/**
 * Paired differences (strategy minus baseline) of every KPI, over the replication indices
 * both have; common random numbers make these much sharper than the difference of means.
 * For a share, the difference of the two ratio estimators with a delta-method CI: the
 * paired differences of the linearised values (statistics.ts).
 */
export function foldDifferences(base: StrategyFold, other: StrategyFold): KpiStats {
  const row = new Map<number, number>();
  base.indices.forEach((r, i) => row.set(r, i));
  const pairs: [number, number][] = [];
  other.indices.forEach((r, i) => {
    const b = row.get(r);
    if (b !== undefined) pairs.push([b, i]);
  });
  const out: KpiStats = {};
  if (pairs.length === 0) return out;
  const pick = (col: ArrayLike<number> | undefined, side: 0 | 1) => pairs.map((p) => (col ? col[p[side]] : NaN));
  // Replication indices of the pairs: they pick the sample of the outcome range past RANGE_SAMPLE pairs.
  const indices = pairs.map((p) => other.indices[p[1]]);
  for (const [k, col] of other.kpis.cols) {
    const bcol = base.kpis.col(k);
    const shareS = other.kpiFractions.stat(k, other.indices),
      shareB = base.kpiFractions.stat(k, base.indices);
    if (shareS && shareB) {
      const [sNum, sDen] = [pick(other.kpiFractions.num.col(k), 1), pick(other.kpiFractions.den.col(k), 1)];
      const [bNum, bDen] = [pick(base.kpiFractions.num.col(k), 0), pick(base.kpiFractions.den.col(k), 0)];
      const s = linearisedRatio(sNum, sDen);
      const b = linearisedRatio(bNum, bDen);
      if (s && b) {
        // The range is of each pair's difference of its own shares, the CI of the linearised ones.
        const bOwn = shares(bNum, bDen);
        const own = shares(sNum, sDen).map((v, i) => v - bOwn[i]);
        out[k] = withRange(
          withMean(
            stat(
              s.z.map((z, i) => z - b.z[i]),
              indices,
            ),
            s.ratio - b.ratio,
          ),
          own,
          indices,
        );
        continue;
      }
    }
    out[k] = stat(
      pairs.map(([b, s]) => col[s] - (bcol ? bcol[b] : NaN)),
      indices,
    );
  }
  return out;
}
