/**
 * A compiled scenario: what the scenario compiler produces and the runner consumes, as plain
 * structural types so that a scenario built in code (engine/builder.ts) can be run too.
 */
import type { Model } from './model.js';

/** One change a strategy makes: the key path, its baseline value and the strategy's (scenarios/changes.ts). */
export interface Change {
  path: string;
  from: string;
  to: string;
}

/** Plain labels of a scenario's names (scenarios/labels.ts): only names that have one. */
export interface ScenarioLabels {
  units?: Record<string, string>;
  cohorts?: Record<string, string>;
  strategies?: Record<string, string>;
  params?: Record<string, string>;
  staff?: Record<string, string>;
}

export interface CompiledStrategy {
  name: string;
  description: string;
  /** What the strategy changed, as written: dotted path -> expression. */
  set: Record<string, string>;
  /** For sweep points: swept path -> value. */
  sweep?: Record<string, number>;
  /** Every change against the baseline, from -> to, expressions evaluated (scenarios/changes.ts). */
  changes?: Change[];
  /** The model with uncertain parameters at their central values. */
  model: Model;
  /**
   * Whether some parameter is drawn per replication. Set by whoever builds the strategy (the
   * scenario compiler knows it): the runner sends a drawn model with each replication of an
   * uncertain strategy and the shared `model` once per worker otherwise.
   */
  uncertain: boolean;
  /** The model of one replication (uncertain parameters drawn); `model` itself when `uncertain` is false. */
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
  /** Plain labels (absent when the scenario gives none). */
  labels?: ScenarioLabels;
}
