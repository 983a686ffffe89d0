/**
 * The results module's public API: everything about the results file (ARCHITECTURE §6) —
 * its types, the summariser that turns replication results into it, what each KPI means,
 * the warnings a finished run shows, the JSON codec and the engine version it carries.
 * Isomorphic (the CLI runner and the browser viewer share it). Other folders import it
 * from here only.
 */
export type {
  Stat,
  KpiStats,
  UnitMetricStats,
  Band,
  StrategyResults,
  RunWarning,
  ScenarioWarning,
  Results,
  Change,
  Funding,
  FundingLine,
  Verdict,
  Labels,
  Flow,
} from './format.js';
export { FlowFold, STOCK_START, STOCK_END } from './flow-fold.js';
export {
  RESULTS_FORMAT,
  HEADLINE_KPIS,
  ECONOMIC_KPIS,
  isPriced,
  negligible,
  shownHeadlineKpis,
  edWaitIsAcuteWait,
  sameStat,
  shownSensitivityKpis,
  tooFewDraws,
  type HeadlineKpi,
} from './format.js';
export { UNIT_METRICS, TEAM_METRICS, SYSTEM_KPIS } from '../engine/index.js';
export type { UnitMetricName, UnitMetrics, SystemKpiName, CoreKpiName, SystemKpis } from '../engine/index.js';
export { summarise, summariseFolds, summariseStrategy, pairedDifferences, foldOf, foldWarmupAid, warmupAid } from './summarise.js';
export type { StrategyReps, StrategyFolded, SummariseMeta } from './summarise.js';
export { precision, relativeHalfWidth } from './precision.js';
export { StrategyFold, foldDifferences, firstMeasuredDay, type StrategyMeta } from './summary-fold.js';
export {
  stat,
  quantile,
  tQuantile975,
  ratioStat,
  linearisedRatio,
  withMean,
  withRange,
  shares,
  logGamma,
  wilson,
  ranks,
  EMPTY_STAT,
} from './statistics.js';
export { normalUpper, logNormalSf, normalCdf, normalQuantile, normalQuantileRefined } from './normal.js';
export { range, sampleRows, RANGE_SAMPLE, type Range } from './percentiles.js';
export { BAND_SAMPLE, BandFold, MeanFold } from './daily-bands.js';
export { InOrder } from './in-order.js';
export { bandPlan, type BandPlan } from './band-plan.js';
export { KPI_INFO, UNIT_METRIC_INFO, kpiInfo, displayValue, storedValue, type KpiInfo, type KpiKind } from './kpi-info.js';
export { runWarnings, withRunWarnings, QUEUE_ALPHA } from './run-warnings.js';
export { encode, decode, revive } from './codec.js';
export { ENGINE_VERSION } from './version.js';
export { applyVerdicts, foldEconomics, foldFunding } from './appraisal/index.js';
export type { Comparisons, Adjust } from './appraisal/index.js';
export { withAbsentRanges } from './older-files.js';
export { diffResults, welch, NotComparableError, type Diff, type DiffRow, type DiffSide } from './diff.js';
export { isJournalText, JOURNAL_GIVEN } from './journal-text.js';
