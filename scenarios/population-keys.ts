/** The keys of the population model (`population`) and of its cohorts (`population.cohorts.<cohort>`). */
import { v, labelKey, type KeySpec } from './key-spec.js';

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

export const POPULATION_KEYS: Record<string, KeySpec> = {
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
};
