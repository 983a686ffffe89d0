/** The Node runner's public API (library use; the CLI is built on it). */
export { runScenario, runScenarioDetailed } from './run-scenario.js';
export type { RunOptions, RunOutcome, Progress } from './run-scenario.js';
export type { CompiledScenario, CompiledStrategy } from '../engine/index.js';
export { mergeShards, mergeShardFiles, readShard, writeShardFile, MergeError } from './merge.js';
export type { ShardResults } from './merge.js';
export { resolveShard, shardIndices, shardLabel, ShardError, MAX_SHARDS } from './shard.js';
export type { Shard } from './shard.js';
export { ResumeError, JOURNAL_FORMAT } from './journal.js';
export { journalHoldsWork, journalOwner, readJournalHead } from './journal-file.js';
export { fileStart } from './lines.js';
export { LockError, acquireLock, type Lock } from './lock.js';
export { fileIdentity } from './file-identity.js';
export {
  writeFileAtomic,
  writeAtomic,
  checkOutput,
  checkOutputFolder,
  createNew,
  keepMode,
  makeFolderFor,
  journalLinkProblem,
  NAME_MAX,
  temporaryName,
  OutputError,
  naming,
} from './atomic.js';
export { writeResultsFile, readResultsFile, ResultsFileError } from './results-file.js';
export { ENGINE_VERSION } from '../results/index.js';
export { runTasks, type PoolOptions } from './pool.js';
export type { Task } from './task-queue.js';
export { defaultWorkerFile } from './worker-file.js';
export { startWorkers, type WarmWorkers } from './warm-workers.js';
export { OptionError } from './option-check.js';
export { RunInterruptedError } from './run-scenario.js';
