/**
 * Capacity schedules of one replication: per unit, the breakpoints of its step function (an
 * empty list when its capacity never changes), read from the model without copying (an
 * hourly roster over decades has hundreds of thousands). A capacity event carries the index
 * of its breakpoint, so each change schedules the next in O(1).
 */
import type { Model, Schedule } from './model.js';

const NONE: readonly number[] = [];

export class ScheduleColumns {
  /** [unit]: times (minutes) from which `level` applies. */
  readonly at: readonly (readonly number[])[];
  /** [unit]: the capacity from each breakpoint on. */
  readonly level: readonly (readonly number[])[];
  /** Each unit's capacity at t = 0: its schedule's, or its fixed capacity. */
  readonly initial: Float64Array;

  constructor(model: Model) {
    this.at = model.units.map((u) => u.schedule?.at ?? NONE);
    this.level = model.units.map((u) => u.schedule?.cap ?? NONE);
    this.initial = Float64Array.from(model.units, (u) => (u.schedule ? capAt(u.schedule, 0) : u.capacity));
  }

  /** Index of unit u's first breakpoint after t = 0 (the capacity in force at 0 is set already). */
  firstChange(u: number): number {
    const at = this.at[u];
    let i = 0;
    while (i < at.length && at[i] <= 0) i++;
    return i;
  }
}

function capAt(s: Schedule, t: number): number {
  let c = s.cap[0];
  for (let i = 0; i < s.at.length && s.at[i] <= t; i++) c = s.cap[i];
  return c;
}
