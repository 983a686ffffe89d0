/**
 * The scenario language without file access, for browser bundles (the live viewer):
 * everything in `index.ts` except the functions that read files from disk.
 */
export { ScenarioError, type Diagnostic } from './errors.js';
export {
  loadScenarioText,
  analyseScenario,
  type CompiledScenario,
  type CompiledStrategy,
  type CompiledScenarioWithWarnings,
  type Analysis,
} from './load.js';
export { formatDiagnostics } from './format.js';
export { buildSchema } from './schema.js';
export { scenarioHelp, keyReference } from './docs.js';
