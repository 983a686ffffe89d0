/** The engine's public API: isomorphic (Node and browser), takes a compiled Model. */
export { simulate } from './simulator.js';
export { SimulationError } from './errors.js';
export { makeStream, streamSeed, type Stream } from './random.js';
export { makeSampler, distMean, distVariance, distProblem } from './distributions.js';
export type {
  Model,
  Unit,
  Source,
  Cohort,
  Population,
  Seasonality,
  Dist,
  Route,
  Schedule,
  DischargeRule,
  SimOptions,
  TraceEvent,
  UnitKind,
  UnitRole,
  StaffGroup,
  Staffing,
  Economics,
} from './model.js';
export type { CompiledScenario, CompiledStrategy, ScenarioLabels } from './compiled.js';
export { buildModel, exponential, fixed, lognormal } from './builder.js';
export { MINUTE, HOUR, DAY, WEEK, YEAR } from './calendar.js';
export type { ModelInput, UnitInput, SourceInput } from './builder.js';
export type { ReplicationResult, DailySeries, CohortOutcome, Fraction, Fractions, FlowCount } from './replication-result.js';
export { serveReplications } from './replication-protocol.js';
export type { ToWorker, FromWorker, ReplicationWorkerOptions } from './replication-protocol.js';
export { UNIT_METRICS, TEAM_METRICS, STAFF_METRICS, COST_METRICS, SYSTEM_KPIS, PAIRED_KPIS } from './metrics.js';
export type { UnitMetricName, UnitMetrics, SystemKpiName, CoreKpiName, SystemKpis, PairedKpiName } from './metrics.js';
export {
  MAX_REPLICATIONS,
  MAX_ARRIVALS,
  MAX_PATIENTS,
  MAX_WORKERS_PER_CORE,
  REPLICATIONS_WHY,
  MAX_REPS_WHY,
  MAX_BOOTSTRAP,
  BOOTSTRAP_WHY,
  WORKERS_WHY,
  MIN_MEMORY_MB,
  AUTO_MIN,
  SET_TEXT,
  wholeNumberProblem,
  quoted,
} from './limits.js';
export { PATIENT_BYTES } from './patients.js';
export { own, table } from './own.js';
export { EventQueue } from './event-queue.js';
