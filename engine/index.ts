/** The engine's public API: isomorphic (Node and browser), takes a compiled Model. */
export { simulate } from './simulator.js';
export { SimulationError } from './errors.js';
export { makeStream, streamSeed } from './random.js';
export { makeSampler, distMean, distVariance } from './distributions.js';
export type { Model, Unit, Source, Cohort, Dist, Route, Schedule, DischargeRule, SimOptions, TraceEvent, UnitKind, UnitRole } from './model.js';
export type { CompiledScenario, CompiledStrategy } from './compiled.js';
export { buildModel, exponential, fixed, lognormal } from "./builder.js";
export { MINUTE, HOUR, DAY, WEEK, YEAR } from "./calendar.js";
export type { ModelInput, UnitInput, SourceInput } from "./builder.js";
export type { ReplicationResult, DailySeries, CohortOutcome, Fraction, Fractions } from './replication-result.js';
export { serveReplications } from './replication-protocol.js';
export type { ToWorker, FromWorker, ReplicationWorkerOptions } from './replication-protocol.js';
