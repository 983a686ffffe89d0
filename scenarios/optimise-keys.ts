/** The keys of the optimisation section (`optimise`), read and checked by scenarios/optimise.ts. */
import { v, type KeySpec } from './key-spec.js';

export const OPTIMISE_KEYS: Record<string, KeySpec> = {
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
};
