/**
 * The compiled model: the only input the engine accepts. Plain data (numbers, strings,
 * arrays, typed arrays) so it can be structured-cloned into a worker thread or a browser
 * Web Worker. Time is in MINUTES everywhere in the model; rates are per minute.
 * t = 0 is the start of the warm-up; the measured period is [warmup, warmup + horizon).
 */

/** Distribution codes. Parameters are in the model's units (minutes for durations). */
export type Dist =
  | { kind: 'exponential'; mean: number }
  | { kind: 'lognormal'; mean: number; sd: number }
  | { kind: 'gamma'; mean: number; sd: number }
  | { kind: 'erlang'; mean: number; k: number }
  | { kind: 'weibull'; shape: number; scale: number }
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  | { kind: 'fixed'; value: number }
  | { kind: 'empirical'; values: number[] };

/**
 * Routing: cumulative probabilities over destinations. A destination code >= 0 is a unit
 * index; a code < 0 is the exit with index (-code - 1) in `Model.exits`.
 * The last cumulative probability is 1 (the compiler resolves `rest`).
 */
export interface Route {
  dest: number[];
  cum: number[];
}

/** Capacity over time: a step function. `cap[i]` applies from `at[i]` (minutes) on. */
export interface Schedule {
  at: number[];
  cap: number[];
}

/** Discharge window of a unit: when a patient ready to leave may actually leave. */
export interface DischargeRule {
  /** 168 flags, one per hour of the week (Monday 00:00 = hour 0): 1 = discharges happen. */
  open: number[];
  /** Fraction of ready patients discharged on a Saturday or Sunday; the rest wait a day. */
  weekend: number;
}

export type UnitKind = 'beds' | 'homecare' | 'team' | 'front';

/** Which unit answers which headline question; the compiler assigns roles (see kpis.ts). */
export type UnitRole = 'acute' | 'ucr' | 'ed' | 'p1' | 'p2' | 'p3' | 'virtual' | 'other';

export interface Unit {
  name: string;
  kind: UnitKind;
  role: UnitRole;
  /** Places (beds, packages, responders). Infinity for unlimited. Used when no schedule. */
  capacity: number;
  schedule?: Schedule;
  /** Service time / length of stay per cohort (index = cohort id). */
  service: Dist[];
  /** Waiting places: Infinity = unlimited queue, 0 = no queue. */
  queue: number;
  /** For arrivals from outside when no place and no waiting place: -1 = lost, else divert unit. */
  full: number;
  /** Routing after service, per cohort. */
  next: Route[];
  /**
   * Capacity-independent delay before moving to a destination, spent in the current
   * place (referral, assessment). Keyed by destination code as a string (see Route).
   */
  handoff: Record<string, Dist>;
  /**
   * Instead of blocking: when the chosen destination (key, a destination code as a string)
   * has no place and no waiting place, go to this destination code instead. A UCR team that
   * cannot get a step-up bed sends the patient to ED rather than holding a responder.
   */
  ifFull?: Record<string, number>;
  discharge?: DischargeRule;
  /** Team: response-time target in minutes (0 = none). */
  target: number;
  /** Team: patience; a patient not reached in time reneges. null = infinitely patient. */
  patience: Dist | null;
  /** Team: where reneging patients go: unit index, or -1 = they leave the system (counted as lost, not as an exit). */
  overflow: number;
  /** Who gets a freed place: 'fifo' = longest waiting (default), or queue/blocked first. */
  priority: 'fifo' | 'queue-first' | 'blocked-first';
  /** Costs: per occupied place-day, per delayed (blocked) place-day, per admission. */
  cost: number;
  costDelayed: number;
  costContact: number;
  /** Places drawn from a staff group (see staffing.ts); `capacity`/`schedule` are then the funded places. */
  staffing?: Staffing;
  /** Cost per funded place-day, charged on capacity over time (engine/costs.ts); absent = 0. */
  costPlace?: number;
}

/** A strategy's one-off cost and double-running period, with the plan's discounting (economics/). */
export interface Economics {
  oneOff: number;
  doubleRunningDays: number;
  /** Yearly discount rate (0.035 = HM Treasury's 3.5%). */
  discountRate: number;
  planYears: number;
}

/**
 * A staff group (scenario `staff:`): the people behind the places of one or more units.
 * Available WTE on day d = wte x max(0, 1 - leave - absence_d); contact minutes that day =
 * available WTE x contactPerWte. Formula and sources: README "Workforce".
 */
export interface StaffGroup {
  name: string;
  /** WTE working for the service: in post plus agency/bank filling a share of vacancies. */
  wte: number;
  /** The whole establishment (no vacancies): what places lost to vacancy and absence are measured against. */
  establishment: number;
  /** Share of time on planned leave and training (fixed). */
  leave: number;
  /** Share of WTE absent (sickness), drawn once a day from stream `staff:<name>`; fixed(x) draws nothing. */
  absence: Dist;
  /** Contact minutes a day per available WTE (paid hours a week / 7 x contact share). */
  contactPerWte: number;
  /** Pay and on-costs per day of the WTE in post and of the agency WTE (with its premium). */
  costPerDay: number;
  /**
   * Who is on shift when: a step function of a level (e.g. WTE on shift) over the run. Each
   * day's contact time is spread over that day in proportion to it, so the places of the
   * group's units follow the shifts (staffing.ts). Absent: the day's staff cover the whole day.
   */
  roster?: Schedule;
}

/** How a unit's places come from a staff group. */
export interface Staffing {
  /** Index into `Model.staff`. */
  group: number;
  /** Share of the group's contact time given to this unit (shares of one group add up to at most 1). */
  share: number;
  /** Contact minutes one place needs per day (home care: visits a day x (visit + travel)). */
  perPlace: number;
  /**
   * Home care bought by the hour: cost of a day of an occupied place, perPlace x the price of
   * a paid hour (visits and travel), so a care hour of a visit costs rate x (visit + travel) / visit.
   */
  hourCostPerPlaceDay?: number;
}

/** A stream of arrivals from outside. */
export interface Source {
  name: string;
  /** Mean rate per minute (before profile and season); ignored when `cohortRate` is used. */
  rate: number;
  /** 168 factors, one per hour of the week, mean 1; null = flat. */
  profile: number[] | null;
  /** Apply the model's seasonality to this source. */
  seasonal: boolean;
  /**
   * Population source: crises of this cohort (index); rate = people x crisis rate,
   * updated daily as the cohort evolves. -1 = plain source.
   */
  cohort: number;
  /** Plain source: cumulative cohort mix for the patients it creates (length = cohorts). */
  cohortMix: number[];
  /** First unit, per cohort (a Route over units; exits allowed). */
  to: Route[];
  /** Fixed timetable instead of Poisson: arrival times within each `period` minutes. */
  timetable?: { times: number[]; period: number };
}

export interface Cohort {
  name: string;
  /** People at t = 0 (0 when there is no population model). */
  people: number;
  /** Per-minute rates. */
  crisis: number;
  death: number;
  /** Moves to other cohorts: per-minute rate per target cohort index. */
  becomes: { to: number; rate: number }[];
}

export interface Population {
  /** Net growth per minute, applied to every cohort (continuous compounding). */
  growth: number;
}

export interface Seasonality {
  /** Relative amplitude (0.15 = +15% at the peak, -15% half a year later). */
  amplitude: number;
  /** Time of the peak in minutes from t = 0 (repeats yearly). */
  peak: number;
}

export interface Model {
  name: string;
  /** Measured period and warm-up, minutes. */
  horizon: number;
  warmup: number;
  /** Minute of the week at t = 0 (Monday 00:00 = 0), for profiles and windows. */
  weekOffset: number;
  cohorts: Cohort[];
  population: Population | null;
  season: Seasonality | null;
  units: Unit[];
  /** Exit names (`home`, `death`, ...). The engine adds none of its own. */
  exits: string[];
  /** Exit indices that are deaths (they leave the population). */
  deathExits: number[];
  sources: Source[];
  /** Staff groups that units draw their places from (absent or empty: none). */
  staff?: StaffGroup[];
  /** Record daily series (occupancy, blocked, queue) per unit. */
  daily: boolean;
  /** Collect statistics; off only to measure the cost of monitoring. */
  monitor: boolean;
  /** The strategy's economic inputs beyond unit costs; absent: no one-off cost, defaults. */
  economics?: Economics;
}

/** One step of a patient's journey, reported to `SimOptions.trace` (tests, teaching, debugging). */
export interface TraceEvent {
  time: number;
  what:
    | 'arrive'
    | 'queue'
    | 'admit'
    | 'service-end'
    | 'handoff'
    | 'discharge-wait'
    | 'blocked'
    | 'depart'
    | 'exit'
    | 'lost'
    | 'divert'
    | 'renege'
    | 'capacity';
  patient: number;
  unit: string;
  /** 'exit': the exit name; 'service-end': the chosen destination; 'capacity': the new capacity. */
  detail?: string | number;
}

/** Options for one replication. */
export interface SimOptions {
  seed: number | string;
  replication: number;
  /** Called for every step of every patient; leave unset for speed. */
  trace?: (e: TraceEvent) => void;
  /**
   * Most patients in the system at once (default and ceiling MAX_PATIENTS, 16.7 M); beyond
   * it the replication fails with TOO_MANY_PATIENTS. The runner sets it from `--max-memory`.
   */
  maxPatients?: number;
}
