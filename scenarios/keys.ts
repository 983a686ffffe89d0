/**
 * The key table: every scenario key, its shape, the kind of value it takes and its
 * documentation. One table feeds the checker (unknown and missing keys), the JSON Schema,
 * `caresim help scenario` and the markdown key reference, so they cannot drift apart.
 */
import { v, type KeySpec, type Shape } from './key-spec.js';
import { UNIT_KEYS } from './unit-keys.js';
import { STAFF_KEYS } from './staff-keys.js';
import { ARRIVAL_KEYS } from './arrival-keys.js';
import { COHORT_KEYS, POPULATION_KEYS } from './population-keys.js';
import { STRATEGY_KEYS, ECONOMICS_KEYS } from './strategy-keys.js';
import { OPTIMISE_KEYS } from './optimise-keys.js';

export type { ValueKind, Shape, KeySpec } from './key-spec.js';
export { UNIT_KEYS, STAFF_KEYS, ARRIVAL_KEYS, COHORT_KEYS };

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
          doc: 'Time simulated before the measured period and left out of every result; rounded up to whole days (`3 months`, 91.25 days, runs 92), so every simulated day runs midnight to midnight under the calendar date it is shown with.',
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
    shape: { s: 'map', keys: POPULATION_KEYS },
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
    shape: { s: 'named', what: 'strategy', item: { s: 'map', keys: STRATEGY_KEYS } },
  },
  economics: {
    doc: 'Settings of the economic case: discounting and the length of the plan.',
    shape: { s: 'map', keys: ECONOMICS_KEYS },
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
    shape: { s: 'map', keys: OPTIMISE_KEYS },
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
