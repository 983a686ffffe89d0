import type { Model } from '../../engine/index.js';
import type { TraceEvent } from '../../engine/model.js';

/**
 * Who has waited longest for each unit, from a trace: a patient starts waiting for unit u
 * when it is blocked for u (its place elsewhere is held) or, if it was not, when it joins
 * u's queue; moving from blocked into u's queue keeps the earlier start. `admit` says
 * whether an admission obeyed the unit's priority rule:
 *  - fifo: nobody still waiting for u started before the admitted patient;
 *  - queue-first: queued patients by start, then blocked ones by start;
 *  - blocked-first: blocked patients by start, then queued ones by start.
 * A patient admitted without waiting at all may only take a place nobody waits for.
 */
export class WaitOrder {
  /** patient -> [unit waited for, start time, queued (not blocked)] */
  private readonly waiting = new Map<number, [number, number, boolean]>();

  constructor(
    private readonly m: Model,
    private readonly idx: Map<string, number>,
  ) {}

  /** Feeds one trace step; returns false when it is an admission that overtook someone. */
  step(e: TraceEvent): boolean {
    const p = e.patient,
      u = this.idx.get(e.unit) ?? -1,
      w = this.waiting.get(p);
    switch (e.what) {
      case 'blocked':
        this.waiting.set(p, [this.idx.get(String(e.detail))!, e.time, false]);
        break;
      case 'queue':
        if (w && w[0] === u) w[2] = true;
        else this.waiting.set(p, [u, e.time, true]);
        break;
      case 'admit': {
        this.waiting.delete(p);
        return this.inTurn(u, w && w[0] === u ? w : null);
      }
      case 'renege':
      case 'exit':
      case 'lost':
        this.waiting.delete(p);
        break;
    }
    return true;
  }

  private inTurn(u: number, me: [number, number, boolean] | null): boolean {
    const rule = this.m.units[u].priority;
    for (const [unit, start, queued] of this.waiting.values()) {
      if (unit !== u) continue;
      if (!me) return false;
      const sameClass = queued === me[2];
      if (rule === 'fifo' || sameClass) {
        if (start < me[1]) return false;
        continue;
      }
      // Different classes under a class priority: the other class must not have precedence.
      if ((rule === 'queue-first') === queued) return false;
    }
    return true;
  }
}
