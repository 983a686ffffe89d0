/**
 * What a run has finished and what failed, by strategy and replication index. The ledger
 * says what is left to run, folds each replication into its strategy's summary in index
 * order as it arrives and then drops it (unless the caller keeps them: `keepRaw`), so the
 * summary holds only what the results file needs and does not depend on arrival order.
 */
import { StrategyFold, InOrder, HEADLINE_KPIS, bandPlan, type Results } from '../results/index.js';
import type { ReplicationResult } from '../engine/index.js';
import type { Shard } from './shard.js';
import { shardIndices } from './shard.js';
import type { Task } from './task-queue.js';

export type Failure = NonNullable<Results['failures']>[number];

export class ReplicationLedger {
  readonly folds: StrategyFold[];
  readonly failures: Failure[] = [];
  /** Finished indices per strategy (a journal may hold more than the current target). */
  private readonly done: Set<number>[];
  private readonly kept: Map<number, ReplicationResult>[];
  private readonly failed = new Set<string>();
  private readonly feeds: InOrder<ReplicationResult>[];
  /**
   * The baseline's headline KPIs by replication, kept for the draws table (global
   * sensitivity): per KPI (in HEADLINE_KPIS order) a column indexed by replication, NaN where
   * none came. PERF: numbers in a typed column, not an object per replication (about 300
   * bytes each on V8's heap, 3 MB over 10,000 replications).
   */
  private baseKpis: Float64Array[];

  constructor(
    private readonly names: readonly string[],
    private readonly shard: Shard | null,
    reps: number,
    private readonly keepRaw: boolean,
    /** Whether `reps` is final (no `auto` rounds): the daily bands then know their sample in advance. */
    fixed = false,
  ) {
    this.done = names.map(() => new Set());
    this.baseKpis = HEADLINE_KPIS.map(() => new Float64Array(reps).fill(NaN));
    this.kept = names.map(() => new Map());
    const plan = fixed ? bandPlan(shardIndices(reps, shard)) : undefined;
    this.folds = names.map(() => new StrategyFold(plan));
    const [first, step] = shard ? [shard.index, shard.count] : [0, 1];
    this.feeds = this.folds.map((fold) => new InOrder<ReplicationResult>(first, step, reps, (_, r) => fold.add(r)));
  }

  /** Whether replication `r` counts in a run of `reps` (and belongs to this shard). */
  inRun(r: number, reps: number): boolean {
    return r < reps && (!this.shard || r % this.shard.count === this.shard.index);
  }

  /** Records a finished replication; false when it was there already. */
  accept(s: number, r: ReplicationResult): boolean {
    if (this.done[s].has(r.replication)) return false;
    this.done[s].add(r.replication);
    if (this.keepRaw) this.kept[s].set(r.replication, r);
    if (s === 0) this.keepBaseKpis(r);
    this.feeds[s].add(r.replication, r);
    return true;
  }

  private keepBaseKpis(r: ReplicationResult): void {
    const i = r.replication;
    if (i >= this.baseKpis[0].length) {
      // A journal may hold replications past the target, and `auto` raises it.
      this.baseKpis = this.baseKpis.map((c) => {
        const wider = new Float64Array(Math.max(2 * c.length, i + 1)).fill(NaN);
        wider.set(c);
        return wider;
      });
    }
    HEADLINE_KPIS.forEach((k, j) => (this.baseKpis[j][i] = r.kpis[k] ?? NaN));
  }

  /** Records a replication that failed for good: it is not run again and the fold goes on without it. */
  fail(s: number, replication: number, error: string): void {
    this.failures.push({ strategy: this.names[s], replication, error });
    this.failed.add(`${s}:${replication}`);
    this.feeds[s].skip(replication);
  }

  /** Every replication of a run of `reps` neither finished nor failed, index by index across strategies. */
  tasksFor(reps: number): Task[] {
    const tasks: Task[] = [];
    for (const r of shardIndices(reps, this.shard)) {
      this.names.forEach((_, s) => {
        if (!this.done[s].has(r) && !this.failed.has(`${s}:${r}`)) tasks.push({ strategy: s, replication: r });
      });
    }
    return tasks;
  }

  /** Replications in a run of `reps` over all strategies. */
  total(reps: number): number {
    return shardIndices(reps, this.shard).length * this.names.length;
  }

  /** Finished replications that count in a run of `reps`. */
  finishedCount(reps: number): number {
    let n = 0;
    for (const set of this.done) for (const r of set) if (this.inRun(r, reps)) n++;
    return n;
  }

  /** Raises the target to `reps`: the folds wait for the replications up to it. */
  extend(reps: number): void {
    for (const f of this.feeds) f.setLimit(reps);
  }

  /** An interrupted run leaves gaps that will not be filled now: fold what finished. */
  close(): void {
    for (const f of this.feeds) f.flush();
  }

  /** The kept replications of strategy `s` in a run of `reps`, in index order. */
  finished(s: number, reps: number): ReplicationResult[] {
    return [...this.kept[s].values()].filter((r) => this.inRun(r.replication, reps)).sort((a, b) => a.replication - b.replication);
  }

  /** The baseline's headline KPIs in each replication 0..reps-1 of this run (null: not finished here). */
  baselineKpis(reps: number): Record<string, (number | null)[]> {
    const idx = Array.from({ length: reps }, (_, r) => r);
    const at = (r: number, j: number) => {
      const v = this.inRun(r, reps) && r < this.baseKpis[j].length ? this.baseKpis[j][r] : NaN;
      return Number.isFinite(v) ? v : null;
    };
    const cols = HEADLINE_KPIS.map((k, j) => [k, idx.map((r) => at(r, j))] as const);
    // A KPI the model does not answer (no acute unit, no UCR) is left out, not a column of nulls.
    return Object.fromEntries(cols.filter(([, c]) => c.some((v) => v !== null)));
  }

  /** Failures by strategy order, then index: the same whichever worker failed first. */
  sortedFailures(): Failure[] {
    const at = (name: string) => this.names.indexOf(name);
    return [...this.failures].sort((a, b) => at(a.strategy) - at(b.strategy) || a.replication - b.replication);
  }
}
