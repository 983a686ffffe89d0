/** Simulation optimisation (`caresim optimise`): the folder's door. */
export { runOptimise, DEFAULT_BUDGET, type OptimiseRunOptions } from './run-optimise.js';
export { OPTIMISE_FORMAT, type OptimiseFile, type PlanOut, type TargetCheck, type PlanEvidence } from './output.js';
export { optimise, type OptimiseOptions, type OptimiseOutcome } from './optimise.js';
