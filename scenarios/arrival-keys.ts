/** The keys of an arrival stream (`arrivals.<stream>`): where patients come from, how often and where first. */
import { v, type KeySpec } from './key-spec.js';

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
