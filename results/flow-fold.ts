/**
 * The pathway's flows over replications: per edge, patients a day (and those of them who
 * first waited blocked for a place downstream), one value per replication, summarised like
 * every other Stat. An edge a replication did not use carried nobody in it: it reads 0, not
 * "not defined". The patients inside each unit when measuring started and at the horizon
 * travel as two more edges per unit, `stock:start` -> `unit:u` and `unit:u` -> `stock:end`
 * (divided by the measured days like the moves), so that in every replication and in the
 * means the flows into a unit equal the flows out of it.
 */
import type { ReplicationResult } from '../engine/index.js';
import type { Flow } from './format.js';
import { stat } from './statistics.js';

export const STOCK_START = 'stock:start';
export const STOCK_END = 'stock:end';

interface EdgeFold {
  from: string;
  to: string;
  perDay: number[];
  /** Null until a replication has a delayed move on this edge. */
  delayed: number[] | null;
}

export class FlowFold {
  private readonly edges = new Map<string, EdgeFold>();
  private rows = 0;

  /** Numbers held: one or two per replication and edge. */
  get held(): number {
    let n = 0;
    for (const e of this.edges.values()) n += e.perDay.length + (e.delayed?.length ?? 0);
    return n;
  }

  private edge(from: string, to: string): EdgeFold {
    const key = `${from}\u0000${to}`;
    let e = this.edges.get(key);
    if (!e) {
      e = { from, to, perDay: new Array<number>(this.rows).fill(0), delayed: null };
      this.edges.set(key, e);
    }
    return e;
  }

  add(r: ReplicationResult): void {
    if (!r.flows) return;
    const row = this.rows++;
    for (const e of this.edges.values()) {
      e.perDay.push(0);
      e.delayed?.push(0);
    }
    const days = r.horizonDays;
    const put = (from: string, to: string, moved: number, delayed: number) => {
      const e = this.edge(from, to);
      e.perDay[row] += moved / days;
      if (delayed > 0 && !e.delayed) e.delayed = new Array<number>(this.rows).fill(0);
      if (e.delayed) e.delayed[row] += delayed / days;
    };
    for (const u of Object.keys(r.inside ?? {})) {
      const x = r.inside![u];
      if (x.start > 0) put(STOCK_START, `unit:${u}`, x.start, 0);
    }
    for (const f of r.flows) put(f.from, f.to, f.moved, f.delayed);
    for (const u of Object.keys(r.inside ?? {})) {
      const x = r.inside![u];
      if (x.end > 0) put(`unit:${u}`, STOCK_END, x.end, 0);
    }
  }

  /** Every edge's Stat, in order of first appearance (replications are folded in index order); null when no replication had flows. */
  result(): Flow[] | null {
    if (this.rows === 0) return null;
    return [...this.edges.values()].map((e) => {
      const f: Flow = { from: e.from, to: e.to, per_day: stat(e.perDay) };
      if (e.delayed) f.delayed_per_day = stat(e.delayed);
      return f;
    });
  }
}
