/**
 * caresim as a library (`import { loadScenario, run, summarise } from 'caresim'`): the same
 * scenario compiler, runner and summariser the CLI uses, for scripts and notebooks that run
 * batches or sweeps. Node only (the runner uses worker threads and files).
 */
export { loadScenario, loadScenarioText, checkScenario, formatDiagnostics, ScenarioError, type Diagnostic } from './scenarios/index.js';
export type { CompiledScenarioWithWarnings } from './scenarios/index.js';
export { runScenario as run, runScenarioDetailed, startWorkers, writeResultsFile, readResultsFile } from './runner/index.js';
// What a run throws, for `instanceof` in scripts.
export {
  OptionError,
  RunInterruptedError,
  ResumeError,
  LockError,
  OutputError,
  ShardError,
  MergeError,
  ResultsFileError,
} from './runner/index.js';
export type { RunOptions, RunOutcome, Progress, CompiledScenario, CompiledStrategy, WarmWorkers } from './runner/index.js';
export { summarise, ENGINE_VERSION, KPI_INFO, UNIT_METRIC_INFO, SYSTEM_KPIS, UNIT_METRICS, TEAM_METRICS } from './results/index.js';
export type {
  StrategyReps,
  SummariseMeta,
  Results,
  StrategyResults,
  Stat,
  Band,
  RunWarning,
  SystemKpiName,
  UnitMetricName,
  SystemKpis,
  UnitMetrics,
} from './results/index.js';
// The engine on its own: a model built in code (the README's "The engine API"), one replication at a time.
export { simulate, buildModel, exponential, fixed, lognormal, SimulationError, MINUTE, HOUR, DAY, WEEK, YEAR } from './engine/index.js';
export type { Model, ModelInput, UnitInput, SourceInput, ReplicationResult, SimOptions } from './engine/index.js';
