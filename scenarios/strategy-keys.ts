/** The keys of a strategy (`strategies.<strategy>`) and of the economic case they are judged by (`economics`). */
import { v, labelKey, type KeySpec } from './key-spec.js';

export const STRATEGY_KEYS: Record<string, KeySpec> = {
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
};

export const ECONOMICS_KEYS: Record<string, KeySpec> = {
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
};
