/** Small scenarios built in code, so runner tests do not depend on the YAML compiler. */
import { buildModel, exponential, DAY } from '../../engine/index.js';
import type { Model } from '../../engine/model.js';
import type { CompiledScenario, CompiledStrategy } from '../../engine/compiled.js';

/** An Erlang loss system (beds, no queue): blocking probability is Erlang B. */
export function lossModel(capacity: number, perDay: number, losDays: number, horizonDays = 100, warmupDays = 10): Model {
  return buildModel({
    name: 'loss',
    horizon: horizonDays * DAY,
    warmup: warmupDays * DAY,
    units: {
      acute: { kind: 'beds', role: 'acute', capacity, service: exponential(losDays * DAY), queue: 0, next: { home: 1 }, cost: 345 },
    },
    sources: { crises: { rate: perDay / DAY, to: 'acute' } },
  });
}

export { erlangB } from '../validation/queueing.js';

/** A strategy; given `modelFor`, its parameters are uncertain (drawn per replication). */
export const strategy = (name: string, model: Model, modelFor?: CompiledStrategy['modelFor']): CompiledStrategy => ({
  name,
  description: `${name} strategy`,
  set: {},
  model,
  uncertain: modelFor !== undefined,
  modelFor: modelFor ?? (() => model),
});

export function scenario(strategies: CompiledStrategy[], reps: number | 'auto' = 12, seed: number | string = 2027): CompiledScenario {
  const m = strategies[0].model;
  return {
    file: 'test.yaml',
    name: 'test',
    hash: 'abc123',
    seed,
    replications: reps,
    maxReplications: 200,
    startDate: '2027-01-04',
    horizonDays: m.horizon / DAY,
    warmupDays: m.warmup / DAY,
    assumptions: [],
    strategies,
  };
}

/** Baseline and a strategy with more beds. */
export const twoStrategies = (reps: number | 'auto' = 12, seed: number | string = 2027) =>
  scenario([strategy('baseline', lossModel(5, 4, 1)), strategy('more-beds', lossModel(7, 4, 1))], reps, seed);

/** The results without the machine-dependent `run` section, as text. */
export const comparable = (r: { run?: unknown }): string => JSON.stringify({ ...r, run: undefined });
