/** The keys of a unit (`units.<unit>`): a service point, its capacity, routing, costs and staff. */
import { v, labelKey, type KeySpec } from './key-spec.js';

const scheduleDoc =
  'a count, `unlimited`, or a schedule `{ base: N, roster: [{ days: mon-fri, hours: 08:00-20:00, capacity: N }], changes: [{ from: DATE, to: DATE, capacity: N }] }`';

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
