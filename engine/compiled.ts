/**
 * A compiled scenario: what the scenario compiler produces and the runner consumes, as plain
 * structural types so that a scenario built in code (engine/builder.ts) can be run too.
 */
import type { Model } from './model.js';

export interface CompiledStrategy {
  name: string;
  description: string;
  /** What the strategy changed, as written: dotted path -> expression. */
  set: Record<string, string>;
  /** For sweep points: swept path -> value. */
  sweep?: Record<string, number>;
  /** The model with uncertain parameters at their central values. */
  model: Model;
  /** The model of one replication (uncertain parameters drawn); `model` itself when there are none. */
  modelFor(seed: number | string, replication: number): Model;
  /** The uncertain params' draws of one replication, in days and per day (absent: none are uncertain). */
  drawsFor?(seed: number | string, replication: number): Record<string, number>;
}

export interface CompiledScenario {
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
  strategies: CompiledStrategy[];
  sweep?: { paths: string[]; points: { strategy: string; values: Record<string, number> }[] };
}
