/**
 * What every part of a compile needs to know: the evaluation environment, the names of
 * cohorts, units and exits (for routing codes), and the clock (for dated schedules).
 */
import type { Diagnostics, Loc } from './errors.js';
import type { Env } from './env.js';
import type { SMap } from './tree.js';
import type { CompileMemo } from './compile-memo.js';

export interface Ctx {
  env: Env;
  diags: Diagnostics;
  root: SMap;
  cohorts: string[];
  /** People per cohort, for the default cohort mix of plain sources. */
  people: number[];
  units: string[];
  /** Staff group names, in the order of `Model.staff`. */
  staff: string[];
  unitLoc: Map<string, Loc>;
  /** Exit names in code order; shared by every strategy so codes stay stable. */
  exits: string[];
  knownExits: Set<string>;
  /** Minutes since 1970-01-01 at t = 0 (start of the warm-up). */
  t0: number;
  warmup: number;
  horizon: number;
  /** What this load's compiles share (compile-memo.ts). */
  memo: CompileMemo;
}

/** Routing code of a destination: unit index >= 0, or -(exit index) - 1. */
export function destCode(ctx: Ctx, name: string): number {
  const u = ctx.units.indexOf(name);
  if (u >= 0) return u;
  let e = ctx.exits.indexOf(name);
  if (e < 0) {
    ctx.exits.push(name);
    e = ctx.exits.length - 1;
  }
  return -e - 1;
}
