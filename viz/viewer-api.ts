/**
 * What the viewer's server and page say to each other. Models travel as JSON text with
 * ±Infinity and NaN spelled out (unlimited capacity is Infinity, which JSON cannot carry).
 */
import type { Results } from '../results/index.js';
import type { SliderDef } from './sliders.js';

export type ViewerInfo =
  | { mode: 'results'; results: Results }
  | {
      mode: 'scenario';
      scenario: Results['scenario'];
      engineVersion: string;
      seed: number | string;
      horizonDays: number;
      warmupDays: number;
      startDate: string;
      /** Replications to run per change: few enough to answer in seconds. */
      replications: number;
      sliders: SliderDef[];
      /** The version of the scenario file this describes (ScenarioEvent). */
      version: number;
    };

export interface ModelsRequest {
  values: Record<string, number>;
  replications: number;
}

/** One model per replication (parameter uncertainty draws differ); `models` is encoded text. */
export interface ModelsReply {
  set: Record<string, string>;
  models: string;
}

export const MAX_VIEWER_REPLICATIONS = 64;

/** A problem of the scenario file as the page lists it (from a located diagnostic). */
export interface ScenarioProblem {
  /** `file:line:col`. */
  where: string;
  message: string;
  path: string;
  expected?: string;
  hint?: string;
}

/**
 * What the server pushes (server-sent events on /api/events) when the scenario file changes:
 * a new version to re-read and re-run, or the problems of a broken edit (the page keeps the
 * last good results). Sent once on connecting too, so a page always knows the current state.
 */
export interface ScenarioEvent {
  /** Counts the good versions the server has read: a page on an older one reloads. */
  version: number;
  problems: ScenarioProblem[];
}
