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
