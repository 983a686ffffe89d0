/**
 * The scenario language: load, check and compile scenario files into engine Models,
 * with diagnostics, a JSON Schema and key documentation from one key table.
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
export { loadScenario, checkScenario, analyseScenarioFile } from './file.js';
export { formatDiagnostics } from './format.js';
export { buildSchema } from './schema.js';
export { scenarioHelp, keyReference } from './docs.js';
export { selectStrategies } from './select.js';
export { suggestName } from './suggest.js';
export { BUILTIN_EXITS } from './keys.js';
export { FORBIDDEN_KEYS } from './parse.js';
export type { OptimiseSpec, MetricRef, Decision, Constraint, Objective } from './optimise-spec.js';
export { gridSize, decisionValue } from './optimise-spec.js';
export type { Lever } from './levers.js';
export { sha256Hex } from './hash.js';
