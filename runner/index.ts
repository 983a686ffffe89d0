/** The Node runner's public API (library use; the CLI is built on it). */
export { runScenario, runScenarioDetailed } from './run-scenario.js';
export type { RunOptions, RunOutcome, Progress } from './run-scenario.js';
export type { RunnableScenario, RunnableStrategy } from './loaded.js';
export { mergeShards, readShard, shardFileText, MergeError } from './merge.js';
export type { ShardResults } from './merge.js';
export { resolveShard, shardIndices, ShardError } from './shard.js';
export type { Shard } from './shard.js';
export { ResumeError } from './journal.js';
export { writeFileAtomic } from './atomic.js';
export { ENGINE_VERSION } from './version.js';
