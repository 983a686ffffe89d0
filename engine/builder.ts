/**
 * A small programmatic way to build a Model without a scenario file: units and sources by
 * name, routes as { destination: probability }, names that are not units become exits.
 * Durations and rates are in minutes (use the DAY / HOUR constants). Single cohort unless
 * `cohorts` is given. Used by tests, benchmarks and library users.
 */
import type { Dist, DischargeRule, Model, Route, Schedule, Source, StaffGroup, Staffing, Unit, UnitKind, UnitRole } from './model.js';
import { own } from './own.js';

export { MINUTE, HOUR, DAY } from './calendar.js';

export interface UnitInput {
  kind?: UnitKind;
  role?: UnitRole;
  capacity?: number;
  schedule?: Schedule;
  /** One distribution, or one per cohort name. */
  service: Dist | Record<string, Dist>;
  queue?: number;
  full?: string;
  next?: Record<string, number>;
  handoff?: Record<string, Dist>;
  /** Destination -> where to go instead when it is full (rather than blocking). */
  ifFull?: Record<string, string>;
  discharge?: DischargeRule;
  target?: number;
  patience?: Dist;
  overflow?: string;
  priority?: Unit['priority'];
  cost?: number;
  costDelayed?: number;
  costContact?: number;
  /** Places drawn from a staff group (`group` is an index into `staff`). */
  staffing?: Staffing;
}

export interface SourceInput {
  rate?: number;
  to: string | Record<string, number>;
  profile?: number[];
  seasonal?: boolean;
  cohort?: string;
  timetable?: { times: number[]; period: number };
}

export interface ModelInput {
  name?: string;
  horizon: number;
  warmup?: number;
  weekOffset?: number;
  cohorts?: string[];
  units: Record<string, UnitInput>;
  sources: Record<string, SourceInput>;
  daily?: boolean;
  monitor?: boolean;
  staff?: StaffGroup[];
}

export function buildModel(input: ModelInput): Model {
  const unitNames = Object.keys(input.units);
  const cohorts = input.cohorts ?? ['default'];
  const exits: string[] = [];
  const code = (name: string): number => {
    const u = unitNames.indexOf(name);
    if (u >= 0) return u;
    if (!exits.includes(name)) exits.push(name);
    return -(exits.indexOf(name) + 1);
  };
  const route = (r: string | Record<string, number> | undefined): Route => {
    const entries = typeof r === 'string' ? [[r, 1] as const] : Object.entries(r ?? { out: 1 });
    let acc = 0;
    const dest: number[] = [],
      cum: number[] = [];
    for (const [name, p] of entries) {
      acc += p;
      dest.push(code(name));
      cum.push(acc);
    }
    cum[cum.length - 1] = 1;
    return { dest, cum };
  };
  const perCohort = <T>(v: T | Record<string, T>, isMap: boolean): T[] =>
    cohorts.map((c) => (isMap ? ((own(v as Record<string, T>, c) ?? own(v as Record<string, T>, 'default')) as T) : (v as T)));
  const units: Unit[] = unitNames.map((name) => {
    const u = input.units[name];
    const kind = u.kind ?? 'beds';
    const handoff: Record<string, Dist> = {};
    for (const [dest, d] of Object.entries(u.handoff ?? {})) handoff[String(code(dest))] = d;
    const ifFull: Record<string, number> = {};
    for (const [dest, alt] of Object.entries(u.ifFull ?? {})) ifFull[String(code(dest))] = code(alt);
    const serviceIsMap = !Object.hasOwn(u.service, 'kind');
    return {
      name,
      kind,
      role: u.role ?? 'other',
      capacity: u.capacity ?? Infinity,
      schedule: u.schedule,
      service: perCohort(u.service, serviceIsMap),
      queue: u.queue ?? Infinity,
      full: u.full ? unitNames.indexOf(u.full) : -1,
      next: cohorts.map(() => route(u.next)),
      handoff,
      ifFull,
      discharge: u.discharge,
      target: u.target ?? 0,
      patience: u.patience ?? null,
      overflow: u.overflow ? unitNames.indexOf(u.overflow) : -1,
      priority: u.priority ?? 'fifo',
      cost: u.cost ?? 0,
      costDelayed: u.costDelayed ?? u.cost ?? 0,
      costContact: u.costContact ?? 0,
      ...(u.staffing ? { staffing: u.staffing } : {}),
    };
  });
  const sources: Source[] = Object.entries(input.sources).map(([name, s]) => {
    const c = s.cohort ? cohorts.indexOf(s.cohort) : 0;
    return {
      name,
      rate: s.rate ?? 0,
      profile: s.profile ?? null,
      seasonal: s.seasonal ?? false,
      cohort: -1,
      cohortMix: cohorts.map((_, i) => (i >= c ? 1 : 0)),
      to: cohorts.map(() => route(s.to)),
      timetable: s.timetable,
    };
  });
  return {
    name: input.name ?? 'model',
    horizon: input.horizon,
    warmup: input.warmup ?? 0,
    weekOffset: input.weekOffset ?? 0,
    cohorts: cohorts.map((n) => ({ name: n, people: 0, crisis: 0, death: 0, becomes: [] })),
    population: null,
    season: null,
    units,
    exits,
    deathExits: exits.map((e, i) => (e === 'death' ? i : -1)).filter((i) => i >= 0),
    sources,
    daily: input.daily ?? true,
    monitor: input.monitor ?? true,
    ...(input.staff ? { staff: input.staff } : {}),
  };
}

export const exponential = (mean: number): Dist => ({ kind: 'exponential', mean });
export const fixed = (value: number): Dist => ({ kind: 'fixed', value });
export const lognormal = (mean: number, sd: number): Dist => ({ kind: 'lognormal', mean, sd });
