/**
 * caresim as a library (`import { loadScenario, run, summarise } from 'caresim'`): the same
 * scenario compiler, runner and summariser the CLI uses, for scripts and notebooks that run
 * batches or sweeps. Node only (the runner uses worker threads and files).
 */
export { loadScenario, loadScenarioText, checkScenario, formatDiagnostics, ScenarioError, type Diagnostic } from './scenarios/index.js';
export type { LoadedScenario, CompiledStrategy } from './scenarios/index.js';
export { runScenario as run, runScenarioDetailed, writeResultsFile, readResultsFile, ENGINE_VERSION } from './runner/index.js';
export type { RunOptions, RunOutcome, Progress, RunnableScenario } from './runner/index.js';
// The summariser is not behind engine/index.ts today (issue 13 moves it to results/).
export { summarise } from './engine/summarise.js';
export type { StrategyReps, SummariseMeta } from './engine/summarise.js';
export type { Results, StrategyResults, Stat, Band, RunWarning } from './engine/results.js';
export { simulate, buildModel, SimulationError } from './engine/index.js';
export type { Model, ReplicationResult } from './engine/index.js';
