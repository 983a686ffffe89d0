/**
 * Every measurement the optimiser has taken, by candidate and replication index. A candidate
 * is a point of the decision lattice; a measurement is the vector [objective, constraint 1, ...]
 * of one replication. Replication r is the same random numbers for every candidate (common
 * random numbers), so differences between candidates at the same r are paired.
 * The search only ever asks the bank, so a rerun over the same measurements (a resumed run,
 * or any worker count) takes exactly the same path.
 */

export type Point = readonly number[];

export interface Request {
  point: Point;
  replication: number;
}

/**
 * Runs the model: the measures of each request, in order. `finished` hears each request's
 * measures as soon as its replication ends (index into `requests`), so a batch that is
 * interrupted or fails keeps the replications it finished.
 */
export type Oracle = (requests: readonly Request[], finished?: (index: number, measures: number[]) => void) => Promise<number[][]>;

export function pointKey(p: Point): string {
  return p.join(',');
}

export class Bank {
  private readonly data = new Map<string, Map<number, number[]>>();
  /** Replications run (or read back) so far, over all candidates. */
  spent = 0;

  constructor(
    private readonly oracle: Oracle,
    private readonly onAdd?: (r: Request, m: number[]) => void,
  ) {}

  /** Stores a measurement taken earlier (a resumed run); counts towards `spent`. */
  put(point: Point, replication: number, measures: number[]): void {
    const k = pointKey(point);
    let m = this.data.get(k);
    if (!m) {
      m = new Map();
      this.data.set(k, m);
    }
    if (!m.has(replication)) {
      m.set(replication, measures);
      this.spent++;
    }
  }

  has(point: Point, replication: number): boolean {
    return this.data.get(pointKey(point))?.has(replication) ?? false;
  }

  visited(point: Point): boolean {
    return this.data.has(pointKey(point));
  }

  /** Makes sure every point has every listed replication, running the missing ones in one batch. */
  async ensure(points: readonly Point[], replications: readonly number[]): Promise<void> {
    const missing: Request[] = [];
    const seen = new Set<string>();
    for (const p of points) {
      const k = pointKey(p);
      if (seen.has(k)) continue;
      seen.add(k);
      for (const r of replications) if (!this.has(p, r)) missing.push({ point: p, replication: r });
    }
    if (missing.length === 0) return;
    const add = (q: Request, m: number[]) => {
      if (this.has(q.point, q.replication)) return;
      this.put(q.point, q.replication, m);
      this.onAdd?.(q, m);
    };
    const out = await this.oracle(missing, (i, m) => add(missing[i], m));
    // An oracle that does not report as it goes: the batch's measurements, in order.
    missing.forEach((q, i) => add(q, out[i]));
  }

  /** Measure `j` of a point at the listed replications (all must be present). */
  values(point: Point, replications: readonly number[], j: number): number[] {
    const m = this.data.get(pointKey(point));
    return replications.map((r) => {
      const v = m?.get(r);
      if (!v) throw new Error(`no measurement of ${pointKey(point)} at replication ${r}`);
      return v[j];
    });
  }

  /** Replications held for a point (any index). */
  count(point: Point): number {
    return this.data.get(pointKey(point))?.size ?? 0;
  }
}

/** Replication indices start, start + 1, ..., start + n - 1. */
export function range(start: number, n: number): number[] {
  return Array.from({ length: Math.max(0, n) }, (_, i) => start + i);
}
