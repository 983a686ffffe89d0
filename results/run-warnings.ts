/**
 * Warnings about a finished run, computed from the summarised results alone (the daily
 * mean series and the baseline's series from t = 0), so a single run, merged shards and
 * the viewer all give the same ones:
 * - `queue-growing`: a unit's queue is still rising over the measured period (Mann–Kendall
 *   with the Hamed–Rao autocorrelation correction, one-sided, p < QUEUE_ALPHA, and a rise
 *   of at least one patient): its averages depend on how long the run is.
 * - `warmup-short`: MSER-5 on the baseline's mean daily occupancy from t = 0 puts the end
 *   of the warm-up after `time.warmup`, and the occupancy at the end of the warm-up lies
 *   outside the range it keeps afterwards: the first measured days still carry the empty start.
 */
import type { Results, RunWarning, ScenarioWarning } from './format.js';
import { batchMeans, mannKendall, MAX_POINTS } from './trend.js';
import { mser5 } from './mser.js';

/** One-sided level of the trend test: many units and strategies are tested at once. */
export const QUEUE_ALPHA = 0.01;

const f = (x: number) => String(Number(x.toPrecision(3)));
const mean = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);

function queueGrowing(strategy: string, unit: string, series: readonly number[]): RunWarning | null {
  if (series.length < 70) return null;
  const { points, size } = batchMeans(series, Math.min(MAX_POINTS, Math.floor(series.length / 7)));
  const t = mannKendall(points);
  if (!t || t.p >= QUEUE_ALPHA) return null;
  const perDay = t.slope / size;
  const tenth = Math.max(1, Math.floor(series.length / 10));
  const first = mean(series.slice(0, tenth)),
    last = mean(series.slice(-tenth));
  if (perDay * series.length < 1 || last <= first) return null;
  return {
    code: 'queue-growing',
    strategy,
    unit,
    message: `the queue of \`${unit}\`${strategy === 'baseline' ? '' : ` in strategy \`${strategy}\``} is still growing over the measured period: about ${f(first)} waiting in its first tenth, ${f(last)} in its last (${f(perDay)} more a day; Mann–Kendall trend test corrected for autocorrelation, p = ${t.p < 1e-6 ? '< 0.000001' : f(t.p)}). Its averages depend on the length of the run; check its offered load (caresim check).`,
    slope_per_day: perDay,
    p_value: t.p,
  };
}

function warmupShort(unit: string, series: readonly number[], warmupDays: number): RunWarning | null {
  const d = mser5(series);
  if (d === null || d <= warmupDays) return null;
  const at = series[Math.min(series.length - 1, Math.max(0, Math.round(warmupDays)))];
  const rest = series.slice(d);
  const after = mean(rest);
  // MSER-5 also cuts into slow seasonal swings; it is a warm-up problem only when the level
  // at the end of the warm-up lies outside the range (5th to 95th percentile) the unit keeps
  // after the cut, i.e. the first measured days still carry the empty start.
  // PERF: a typed array sorts numerically without a call per comparison (111,112 days in model A).
  const sorted = Float64Array.from(rest).sort();
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
  if (at >= q(0.05) && at <= q(0.95)) return null;
  return {
    code: 'warmup-short',
    strategy: 'baseline',
    unit,
    message: `the warm-up is too short for \`${unit}\`: MSER-5 on the baseline's mean daily occupancy ends it at day ${d} (the scenario has ${f(warmupDays)}); it holds ${f(at)} at the end of the warm-up against ${f(after)} afterwards. Set \`time.warmup\` to at least ${d} days.`,
    suggested_warmup_days: d,
    warmup_days: warmupDays,
  };
}

/** Every warning about the run, in a fixed order: warm-up first, then strategies in order. */
export function runWarnings(r: Results): RunWarning[] {
  const growing: RunWarning[] = [];
  for (const [name, st] of Object.entries(r.strategies)) {
    for (const [unit, d] of Object.entries(st.daily)) {
      const w = queueGrowing(name, unit, d.queue.mean);
      if (w) growing.push(w);
    }
  }
  // A unit whose baseline queue keeps growing never settles: no warm-up would be long enough.
  const unsettled = new Set(growing.filter((w) => w.strategy === 'baseline').map((w) => w.unit));
  const warmup: RunWarning[] = [];
  for (const [unit, series] of Object.entries(r.warmup_aid ?? {})) {
    const w = unsettled.has(unit) ? null : warmupShort(unit, series, r.warmup_days);
    if (w) warmup.push(w);
  }
  return [...warmup, ...growing];
}

/** The results with `warnings` set, and the scenario's own warnings from `check` (each left out when there are none). */
export function withRunWarnings(r: Results, scenario: readonly ScenarioWarning[] = []): Results {
  const w = runWarnings(r);
  if (w.length > 0) r.warnings = w;
  else delete r.warnings;
  if (scenario.length > 0) r.scenario_warnings = [...scenario];
  else delete r.scenario_warnings;
  return r;
}
