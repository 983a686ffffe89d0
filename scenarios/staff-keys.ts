/** The keys of a staff group (`staff.<group>`): establishment, availability, pay and roster. */
import { v, labelKey, type KeySpec } from './key-spec.js';

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
