/**
 * What the runner needs from a compiled scenario: the shape `loadScenario` returns
 * (scenarios/index.ts). Written structurally so library users can also hand the runner a
 * scenario they built in code (e.g. from engine/builder.ts) without a YAML file.
 */
import type { Model } from '../engine/model.js';

export interface RunnableStrategy {
  name: string;
  description: string;
  set: Record<string, string>;
  sweep?: Record<string, number>;
  model: Model;
  /** The model of one replication (uncertain parameters drawn); the `model` object itself when there are none. */
  modelFor(seed: number | string, replication: number): Model;
}

export interface RunnableScenario {
  file: string;
  name: string;
  hash: string;
  seed: number | string;
  replications: number | 'auto';
  maxReplications: number;
  startDate: string;
  horizonDays: number;
  warmupDays: number;
  assumptions: string[];
  /** Baseline first. */
  strategies: RunnableStrategy[];
  sweep?: { paths: string[]; points: { strategy: string; values: Record<string, number> }[] };
}
