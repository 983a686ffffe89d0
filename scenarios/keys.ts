/**
 * The key table: every scenario key, its shape, the kind of value it takes and its
 * documentation. One table feeds the checker (unknown and missing keys), the JSON Schema,
 * `caresim help scenario` and the markdown key reference, so they cannot drift apart.
 */

/** What a scalar value means; the compiler evaluates and checks it. */
export type ValueKind =
  | 'version'
  | 'text'
  | 'count'
  | 'count-or-auto'
  | 'probability'
  | 'duration'
  | 'rate'
  | 'number'
  | 'cost-rate'
  | 'cost'
  | 'date'
  | 'expression'
  | 'distribution'
  | 'capacity'
  | 'roster'
  | 'queue'
  | 'full'
  | 'route'
  | 'unit-name'
  | 'kind'
  | 'role'
  | 'priority'
  | 'profile'
  | 'window'
  | 'time-list'
  | 'text-list'
  | 'day-list'
  | 'boolean'
  | 'cohort-mix'
  | 'set-map'
  | 'sweep-map'
  | 'file'
  | 'name-list'
  | 'decide-map'
  | 'lever-map';

export type Shape =
  | { s: 'map'; keys: Record<string, KeySpec> }
  | { s: 'named'; what: string; item: Shape }
  | { s: 'value'; kind: ValueKind; perCohort?: boolean };

export interface KeySpec {
  doc: string;
  shape: Shape;
  required?: boolean;
  default?: string;
  example?: string;
  /** Unit kinds the key applies to (unit keys only). */
  kinds?: string[];
}

const v = (kind: ValueKind, perCohort = false): Shape => ({ s: 'value', kind, perCohort });

const scheduleDoc =
  'a count, `unlimited`, or a schedule `{ base: N, roster: [{ days: mon-fri, hours: 08:00-20:00, capacity: N }], changes: [{ from: DATE, to: DATE, capacity: N }] }`';

const labelKey = (what: string, example: string): KeySpec => ({
  doc: `Plain label of the ${what}, shown to a board instead of its name in reports and charts (a short text).`,
  shape: v('text'),
  example,
});

export const UNIT_KEYS: Record<string, KeySpec> = {
  label: labelKey('unit', '"Acute beds"'),
  kind: {
    doc: 'What the unit is: `beds` (acute, rehab, care home), `homecare` (care packages), `team` (responders with a response target), `front` (ED-like assessment).',
    shape: v('kind'),
    required: true,
    example: 'beds',
  },
  role: {
    doc: 'Which headline question the unit answers (`acute`, `ucr`, `ed`, `p1`, `p2`, `p3`, `virtual`, `other`). Default: from the unit name.',
    shape: v('role'),
    example: 'acute',
  },
  capacity: {
    doc: `Places (beds, packages, responders): ${scheduleDoc}.`,
    shape: v('capacity'),
    default: 'unlimited for `front` and for a unit with `staff`; required otherwise',
    example: '2150',
  },
  los: {
    doc: 'Length of stay: a duration or a distribution, optionally per cohort. Same as `service`.',
    shape: v('distribution', true),
    example: 'lognormal(6 days, 7 days)',
  },
  service: {
    doc: 'Service time: a duration or a distribution, optionally per cohort. Same as `los`.',
    shape: v('distribution', true),
    example: '4 hours',
  },
  queue: {
    doc: 'Waiting places for arrivals: `unlimited`, `none` or a number. `none` on P1–P3 makes patients wait in their acute bed (delayed discharge).',
    shape: v('queue'),
    default: 'unlimited',
    example: 'none',
  },
  full: {
    doc: 'What happens to an arrival from outside when there is no place and no waiting place: `lost`, or the name of a unit to divert to.',
    shape: v('full'),
    default: 'lost',
    example: 'lost',
  },
  next: {
    doc: 'Where patients go after service: a unit or exit name, or a map of destination to probability (`rest` = the remainder); a probability may be a per-cohort map. Names that are not units are exits (`home`, `death`, ...).',
    shape: v('route'),
    default: 'home',
    example: '{ home: 50%, p1: 40%, p2: rest }',
  },
  handoff: {
    doc: 'Delay before a move to a destination, spent in the current place (referral, assessment): a map of destination to duration or distribution.',
    shape: { s: 'named', what: 'destination', item: v('distribution') },
    example: '{ p1: exponential(1 day) }',
  },
  if_full: {
    doc: 'Instead of waiting in place: when a destination in `next` has no place and no waiting place, go to another unit or exit at once (a UCR team that cannot get a step-up bed sends the patient to ED). A map of destination to alternative; the alternative is tried once, then the patient waits for it.',
    shape: { s: 'named', what: 'destination', item: v('unit-name') },
    example: '{ p2: ed }',
  },
  discharge: {
    doc: 'Discharge window: when patients ready to leave may leave.',
    shape: {
      s: 'map',
      keys: {
        hours: {
          doc: 'Hours of the day discharges happen, e.g. `08:00-20:00` (or a list of ranges).',
          shape: v('window'),
          default: '00:00-24:00',
          example: '08:00-20:00',
        },
        weekend: {
          doc: 'Fraction of ready patients discharged on a Saturday or Sunday; the rest wait a day.',
          shape: v('probability'),
          default: '100%',
          example: '60%',
        },
        days: {
          doc: 'Days of the week discharges happen (`mon`..`sun`, or ranges like `mon-fri`).',
          shape: v('day-list'),
          default: 'every day',
          example: '[mon-fri, sat]',
        },
      },
    },
  },
  target: { doc: 'Team: response-time target (a duration).', shape: v('duration'), kinds: ['team'], example: '2 hours' },
  patience: {
    doc: 'Team: how long a patient waits to be reached before going to `overflow` (a duration means exactly that long; or a distribution).',
    shape: v('distribution'),
    kinds: ['team'],
    example: '2 hours',
  },
  overflow: {
    doc: 'Team: the unit that patients who were not reached in time go to. Default: they leave (exit `reneged`).',
    shape: v('unit-name'),
    kinds: ['team'],
    example: 'ed',
  },
  priority: {
    doc: 'Who gets a freed place: `fifo` (longest waiting first), `queue-first` or `blocked-first`.',
    shape: v('priority'),
    default: 'fifo',
  },
  cost_place: {
    doc: 'Cost per funded place-day, paid whether the place is used or not: charged on the capacity the unit has at each moment (rosters, winter beds and other schedules included), e.g. `280/day`. Needs a limited `capacity`.',
    shape: v('cost-rate'),
    default: '0/day',
    example: '280/day',
  },
  cost: { doc: 'Cost per occupied place-day, e.g. `345/day`.', shape: v('cost-rate'), default: '0/day', example: '345/day' },
  cost_delayed: {
    doc: 'Cost per delayed (blocked) place-day, charged instead of `cost` for those days, e.g. `395/day`.',
    shape: v('cost-rate'),
    default: 'same as `cost`',
    example: '395/day',
  },
  cost_contact: { doc: 'Cost per admission (per contact), e.g. `180`.', shape: v('cost'), default: '0', example: '180' },
  // Workforce: places drawn from a staff group (scenarios/compile-staff.ts).
  staff: {
    doc: "Places drawn from a staff group: the places on a day are the unit's share of the group's contact hours that day / the hours a place needs a day, never more than `capacity` (the funded places; without `capacity`, staff alone decide).",
    shape: {
      s: 'map',
      keys: {
        group: { doc: 'The staff group (a name under `staff:`).', shape: v('unit-name'), required: true, example: 'carers' },
        share: {
          doc: "Share of the group's contact hours this unit gets; the shares of one group add up to at most 100%.",
          shape: v('probability'),
          default: '100%',
          example: '60%',
        },
        per_place: {
          doc: 'Contact time one place needs a day (e.g. therapist time per rehab bed, or `24 hours` for a responder on duty round the clock).',
          shape: v('duration'),
          example: '45 minutes',
        },
        visits: {
          doc: 'Home care: visits a package gets a day (with `visit` and `travel` instead of `per_place`).',
          shape: v('rate'),
          example: '3/day',
        },
        visit: { doc: 'Home care: time with the person per visit.', shape: v('duration'), example: '40 minutes' },
        travel: {
          doc: 'Home care: travel time per visit (paid contact time that is not with the person).',
          shape: v('duration'),
          default: '0 minutes',
          example: '15 minutes',
        },
        hourly_rate: {
          doc: 'Home care bought by the hour: the price of a paid hour of visits and travel. Charged on the care hours of the packages the staff give (places over time x visits x visit, used or not), so a care hour costs hourly_rate x (visit + travel) / visit: short calls cost more per hour. Counts as a funded cost of the unit.',
          shape: v('cost-rate'),
          default: '0/hour',
          example: '21.43/hour',
        },
      },
    },
    example: '{ group: carers, visits: 3/day, visit: 40 minutes, travel: 15 minutes }',
  },
};

export const STAFF_KEYS: Record<string, KeySpec> = {
  label: labelKey('staff group', '"Home carers"'),
  establishment: { doc: 'Funded posts, in whole-time equivalents (WTE).', shape: v('number'), required: true, example: '420' },
  vacancy: { doc: 'Share of the establishment not in post.', shape: v('probability'), default: '0%', example: '7%' },
  agency: {
    doc: 'Share of the vacancies filled by agency or bank staff (they work like staff in post, at `agency_premium` on top of `cost`).',
    shape: v('probability'),
    default: '0%',
    example: '50%',
  },
  agency_premium: {
    doc: 'Extra cost of an agency or bank WTE over `cost`, as a share of it.',
    shape: v('number'),
    default: '0%',
    example: '60%',
  },
  absence: {
    doc: 'Share of staff in post who are off sick on a day: a share, or a distribution of shares drawn each day (stream `staff:<group>`, the same for every strategy).',
    shape: v('distribution'),
    default: '0%',
    example: 'uniform(3%, 8%)',
  },
  leave: { doc: 'Share of paid time on planned leave and training.', shape: v('probability'), default: '0%', example: '15%' },
  hours: { doc: 'Paid hours of one WTE a week.', shape: v('duration'), default: '37.5 hours', example: '37.5 hours' },
  contact: {
    doc: 'Share of the hours worked that is contact time (the rest: handovers, notes, meetings).',
    shape: v('probability'),
    default: '100%',
    example: '65%',
  },
  cost: {
    doc: 'Pay and on-costs of one WTE, e.g. `38000/year`; reported as `staff_cost_per_day`.',
    shape: v('cost-rate'),
    default: '0/year',
    example: '38000/year',
  },
  roster: {
    doc: "Who is on shift when: a level (e.g. WTE on shift) `{ base: N, shifts: [{ days: mon-sun, hours: 08:00-20:00, on: N }], changes: [{ from: DATE, to: DATE, on: N }] }`. Each day's contact hours are spread over the day in proportion to it, so the group's units have places when its staff are on shift: places = the day's places x level now / the day's mean level, never more than the unit's `capacity`. Default: the staff cover the whole day evenly (a unit's own `capacity` roster is then filled in proportion).",
    shape: v('roster'),
    example: '{ base: 4, shifts: [{ days: mon-sun, hours: 08:00-20:00, on: 11 }] }',
  },
};

export const ARRIVAL_KEYS: Record<string, KeySpec> = {
  from: {
    doc: '`population`: crises of every cohort of the population model (rate = people x crisis rate x season).',
    shape: v('text'),
    example: 'population',
  },
  rate: { doc: 'Mean arrival rate of a plain source, e.g. `150/day`.', shape: v('rate'), example: '150/day' },
  profile: {
    doc: 'Shape over the week: `flat`, `weekday`, `office-hours`, or `{ weekday: [7 factors Mon..Sun], hour: [24 factors] }`; normalised to mean 1.',
    shape: v('profile'),
    default: 'flat',
    example: 'weekday',
  },
  seasonal: {
    doc: 'Apply the population seasonality to this source.',
    shape: v('boolean'),
    default: 'true for `from: population`, else false',
  },
  cohort: {
    doc: 'Cohort of the patients a plain source creates: a cohort name, or a map of cohort to share (`rest` allowed).',
    shape: v('cohort-mix'),
    default: 'in proportion to people',
  },
  to: {
    doc: 'First unit: a unit name, or a map of destination to probability (`rest` = the remainder), optionally per cohort.',
    shape: v('route'),
    required: true,
    example: '{ ucr: 35%, ed: rest }',
  },
  timetable: {
    doc: 'Fixed timetable instead of random (Poisson) arrivals.',
    shape: {
      s: 'map',
      keys: {
        times: { doc: 'Arrival times within each period, e.g. `[08:00, 14:00]`.', shape: v('time-list'), required: true },
        every: { doc: 'Length of the period the times repeat in.', shape: v('duration'), default: '1 day', example: '1 day' },
      },
    },
  },
};

export const COHORT_KEYS: Record<string, KeySpec> = {
  label: labelKey('cohort', '"Frail older people"'),
  people: { doc: 'Number of people in the cohort at the start of the warm-up.', shape: v('count'), required: true, example: '170000' },
  crisis: { doc: 'Crises per person per year (rate), e.g. `0.30/year`.', shape: v('rate'), required: true, example: '0.30/year' },
  death: { doc: 'Deaths per person (rate), e.g. `2%/year`.', shape: v('rate'), default: '0/year', example: '2%/year' },
  becomes: {
    doc: 'Moves to other cohorts: a map of cohort name to rate.',
    shape: { s: 'named', what: 'cohort', item: v('rate') },
    example: '{ frail: 5%/year }',
  },
};

export const TOP_KEYS: Record<string, KeySpec> = {
  caresim: { doc: 'Format version of the scenario file; write `1`.', shape: v('version'), required: true, example: '1' },
  name: { doc: 'Name of the scenario, shown in results and reports.', shape: v('text'), example: 'Example ICS' },
  description: { doc: 'A sentence on what the scenario is for.', shape: v('text') },
  extends: {
    doc: 'Another scenario file (relative path) this one starts from; keys here replace its keys, maps merge key by key.',
    shape: v('file'),
    example: 'base.yaml',
  },
  assumptions: { doc: 'Assumptions to show with the results: a list of sentences.', shape: v('text-list') },
  time: {
    doc: 'Measured period, warm-up and calendar.',
    required: true,
    shape: {
      s: 'map',
      keys: {
        horizon: { doc: 'Length of the measured period.', shape: v('duration'), required: true, example: '365 days' },
        warmup: {
          doc: 'Time simulated before the measured period and left out of every result.',
          shape: v('duration'),
          default: '0 days',
          example: '90 days',
        },
        start: {
          doc: 'Calendar date (YYYY-MM-DD) of the first measured day; weekdays, dated schedules and seasonality follow it.',
          shape: v('date'),
          default: '2024-01-01',
          example: '2027-01-04',
        },
      },
    },
  },
  replications: {
    doc: 'Number of replications, or `auto` (run until every headline result is within 5% at 95% confidence).',
    shape: v('count-or-auto'),
    default: 'auto',
    example: '100',
  },
  max_replications: { doc: 'Upper limit for `replications: auto`.', shape: v('count'), default: '1000' },
  seed: { doc: 'Master random seed; every strategy uses the same random numbers.', shape: v('count'), default: '1', example: '2027' },
  exits: {
    doc: 'Extra exit names beyond the built-in ones (home, death, care_home, discharged, transfer, elsewhere, hospice, left, reneged, lost, out).',
    shape: v('name-list'),
    example: '[private_care]',
  },
  params: {
    doc: 'Named values used in expressions elsewhere. A distribution is drawn once per replication (parameter uncertainty), the same draw for every strategy.',
    shape: { s: 'named', what: 'param', item: v('expression') },
    example: '{ acute_beds: 2150, frail_crisis: uniform(1.2/year, 1.8/year) }',
  },
  param_labels: {
    doc: 'Plain labels of params, shown to a board instead of their names (and in sweep point labels): a map of param name to a short text.',
    shape: { s: 'named', what: 'param', item: v('text') },
    example: '{ p1_packages: "Home care packages" }',
  },
  population: {
    doc: 'Optional population model: cohorts of people whose crises create patients.',
    shape: {
      s: 'map',
      keys: {
        growth: { doc: 'Net growth of every cohort (rate), e.g. `0.8%/year`.', shape: v('rate'), default: '0/year', example: '0.8%/year' },
        seasonality: {
          doc: 'Yearly seasonality of crises.',
          shape: {
            s: 'map',
            keys: {
              peak: { doc: 'A date of the yearly peak.', shape: v('date'), required: true, example: '2027-01-15' },
              amplitude: {
                doc: 'Relative height of the peak above the mean (and the trough below it).',
                shape: v('probability'),
                required: true,
                example: '15%',
              },
            },
          },
        },
        cohorts: { doc: 'Cohorts by name.', required: true, shape: { s: 'named', what: 'cohort', item: { s: 'map', keys: COHORT_KEYS } } },
      },
    },
  },
  arrivals: {
    doc: 'Streams of patients from outside, by name.',
    required: true,
    shape: { s: 'named', what: 'arrival stream', item: { s: 'map', keys: ARRIVAL_KEYS } },
  },
  units: {
    doc: 'Service points by name (beds, home care, teams, front doors).',
    required: true,
    shape: { s: 'named', what: 'unit', item: { s: 'map', keys: UNIT_KEYS } },
  },
  staff: {
    doc: 'Staff groups that units draw their places from (see `units.<unit>.staff`).',
    shape: { s: 'named', what: 'staff group', item: { s: 'map', keys: STAFF_KEYS } },
  },
  strategies: {
    doc: 'Alternatives to compare with the baseline, by name.',
    shape: {
      s: 'named',
      what: 'strategy',
      item: {
        s: 'map',
        keys: {
          label: labelKey('strategy', '"More rapid response"'),
          description: { doc: 'What the strategy does, in a sentence.', shape: v('text') },
          set: {
            doc: "Changes: a map of dotted key path to expression, e.g. `units.p2.capacity: 210`; an expression may use the baseline's params, e.g. `params.acute_beds: acute_beds - 30`.",
            shape: v('set-map'),
            required: true,
            example: '{ params.acute_beds: acute_beds - 30 }',
          },
          one_off: {
            doc: 'One-off cost of making the change (set-up, recruitment, training), paid at the start of the plan, e.g. `250000`.',
            shape: v('cost'),
            default: '0',
            example: '250000',
          },
          double_running: {
            doc: 'Transition period during which capacity the strategy closes is still paid while the new capacity already runs (double running), e.g. `6 months`.',
            shape: v('duration'),
            default: '0 days',
            example: '6 months',
          },
        },
      },
    },
  },
  economics: {
    doc: 'Settings of the economic case: discounting and the length of the plan.',
    shape: {
      s: 'map',
      keys: {
        discount_rate: {
          doc: 'Yearly discount rate for the net present value (HM Treasury Green Book: 3.5%).',
          shape: v('probability'),
          default: '3.5%',
          example: '3.5%',
        },
        plan_years: {
          doc: 'Years of the plan over which the net present value, return on investment and payback are counted.',
          shape: v('count'),
          default: '5',
          example: '5',
        },
      },
    },
  },
  sweep: {
    doc: 'One strategy per combination of values: a map of dotted key path to a list of expressions.',
    shape: v('sweep-map'),
    example: '{ units.p1.capacity: [1000, 1100, 1200] }',
  },
  // The live viewer's sliders (`caresim view`): scenarios/levers.ts reads and checks the section.
  levers: {
    doc: 'Strategy levers the live viewer shows as sliders: a map of `params.<name>` (a plain number) to `{ from, to, step, label }`.',
    shape: v('lever-map'),
    example: '{ params.ucr_day: { from: 6, to: 20, step: 1, label: UCR responders by day } }',
  },
  // Optimisation (`caresim optimise`): scenarios/optimise.ts reads and checks the section.
  optimise: {
    doc: 'The cheapest plan that meets the targets, for `caresim optimise`.',
    shape: {
      s: 'map',
      keys: {
        decide: {
          doc: 'Decision variables: a map of dotted key path to `{ from, to, step }` (whole steps from `from` up to `to`).',
          shape: v('decide-map'),
          example: '{ params.p2_beds: { from: 100, to: 220, step: 10 } }',
        },
        minimise: {
          doc: 'What to make smallest: a KPI, a unit metric (`units.<unit>.<metric>`), a decision path, or an expression of them.',
          shape: v('expression'),
          example: 'cost_per_day',
        },
        maximise: { doc: 'What to make largest (instead of `minimise`).', shape: v('expression'), example: 'units.ucr.within_target' },
        subject_to: {
          doc: 'Targets every plan must meet, each `<KPI or unit metric> <= <value>` or `>= <value>`, judged on one-sided confidence bounds.',
          shape: v('text-list'),
          example: '[delayed_bed_days_per_day <= 150]',
        },
        confidence: {
          doc: 'Confidence of the statement that the chosen plan meets every target and is within `indifference` of the best plan evaluated.',
          shape: v('probability'),
          default: '95%',
          example: '95%',
        },
        indifference: {
          doc: "A difference in the objective too small to matter (the selection's indifference zone).",
          shape: v('number'),
          default: "1% of the best plan's objective",
          example: '500',
        },
      },
    },
  },
};

export const ROOT: Shape = { s: 'map', keys: TOP_KEYS };

/** Exits every scenario knows without declaring them. */
export const BUILTIN_EXITS = [
  'home',
  'death',
  'died',
  'care_home',
  'discharged',
  'transfer',
  'elsewhere',
  'hospice',
  'left',
  'reneged',
  'lost',
  'out',
];
export const DEATH_EXITS = new Set(['death', 'died', 'dead']);
