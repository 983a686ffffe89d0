/**
 * Lines observed series up with a results file: which strategy, which unit and series,
 * which simulated day each date is. Everything that does not fit is collected (with line
 * numbers and a hint) so the user sees every problem at once; a comparison starts only
 * when there is none.
 */
import { isJournalText, JOURNAL_GIVEN, type Results, type UnitMetricName } from '../results/index.js';
import { formatDay, parseDay } from './dates.js';
import { suggestName } from '../scenarios/index.js';
import type { Observed, Problem } from './observed.js';

/** Daily series of the results file that have a band across replications. */
export const BANDED_SERIES = ['occupancy', 'blocked', 'queue', 'admissions'] as const;
export type BandedSeries = (typeof BANDED_SERIES)[number];
/** Series every results file carries (`admissions` came later: older files lack it). */
const ALWAYS = ['occupancy', 'blocked', 'queue'] as const;
/** The unit metric that is the measured-period mean of each daily series. */
const PERIOD_METRIC: Record<BandedSeries, UnitMetricName> = {
  occupancy: 'occupancy_mean',
  blocked: 'blocked_mean',
  queue: 'queue_mean',
  admissions: 'admitted_per_day',
};

export interface AlignedDay {
  /** Index into the daily series: 0 is `start_date`, the first measured day. */
  index: number;
  date: string;
  observed: number;
  mean: number;
  lo: number;
  hi: number;
}

export interface AlignedSeries {
  name: string;
  unit: string;
  series: BandedSeries;
  days: AlignedDay[];
  /** Rows with no value (NA or empty). */
  missing: number;
  /** Days in the simulated period. */
  simulatedDays: number;
  /** The series' whole-period mean across replications (`units.<unit>.<series>_mean`), when the results have it. */
  period: { mean: number; sd: number; n: number } | null;
}

export interface BandChoice {
  /** Percentiles of the band, e.g. [5, 95]. */
  percentiles: [number, number];
  keys: ['p10', 'p90'] | ['p05', 'p95'];
}

export interface Aligned {
  strategy: string;
  band: BandChoice;
  /** Replications behind the band (those that finished). */
  replications: number;
  startDate: string;
  endDate: string;
  series: AlignedSeries[];
}

export class CompareMismatch extends Error {
  readonly code = 'COMPARE_MISMATCH';
  constructor(
    readonly file: string,
    readonly problems: Problem[],
  ) {
    super(`${file}: ${problems.length} problem${problems.length === 1 ? '' : 's'}`);
  }
}

type Band = Record<string, number[] | undefined>;

/** A parsed results file, or the problem that says what the file is instead. */
export function asResults(value: unknown, text: string, file: string): Results {
  const r = value as Partial<Results> | null;
  if (r && typeof r === 'object' && r.format === 'caresim-results/1') {
    if (typeof r.start_date !== 'string' || parseDay(r.start_date) === null || !r.strategies) {
      throw new CompareMismatch(file, [
        {
          message: 'this results file has no `start_date` or no strategies',
          hint: 'write it again with `caresim run FILE --out results.json`',
        },
      ]);
    }
    const damaged = damagedDaily(r as Results);
    if (damaged)
      throw new CompareMismatch(file, [
        {
          message: `the daily series of ${damaged} are missing or damaged`,
          hint: 'write it again with `caresim run FILE --out results.json`',
        },
      ]);
    return r as Results;
  }
  if (isJournalText(text)) throw new CompareMismatch(file, [{ message: `this is ${JOURNAL_GIVEN.what}`, hint: JOURNAL_GIVEN.instead }]);
  if (r && typeof r === 'object' && typeof r.format === 'string' && r.format.startsWith('caresim-')) {
    throw new CompareMismatch(file, [
      { message: `this is a \`${r.format}\` file, not a results file`, hint: 'give the JSON file that `caresim run --out` wrote' },
    ]);
  }
  if (value === null && /^\s*\{/.test(text)) {
    const cut = text.includes('"caresim-results/1"');
    throw new CompareMismatch(file, [
      {
        message: cut ? 'this results file is cut short (not complete JSON)' : 'this is not valid JSON',
        hint: cut
          ? 'the run that wrote it may have stopped or the copy may be incomplete: run again with caresim run FILE --out results.json'
          : 'give the JSON file that `caresim run --out` wrote',
      },
    ]);
  }
  const scenario = /^\s*(#[^\n]*\n\s*)*caresim\s*:/.test(text) || /\n\s*units\s*:/.test(text);
  const csv = /^[^\n{[]*,[^\n]*\n/.test(text) && !text.trimStart().startsWith('{');
  throw new CompareMismatch(file, [
    {
      message: scenario
        ? 'this is a scenario file, not a results file'
        : csv
          ? 'this looks like a CSV file, not a results file'
          : 'this is not a caresim results file (no `format: "caresim-results/1"`)',
      hint: scenario
        ? `run it first: caresim run ${file} --out results.json, then compare results.json`
        : csv
          ? 'the results file comes first: caresim compare results.json observed.csv'
          : 'give the JSON file that `caresim run --out` wrote',
    },
  ]);
}

/** `strategy \`s\`, unit \`u\`` for the first daily series that is not a list of numbers, or null. */
function damagedDaily(r: Results): string | null {
  for (const [name, st] of Object.entries(r.strategies)) {
    const daily = (st as { daily?: unknown }).daily;
    if (!daily || typeof daily !== 'object') return `strategy \`${name}\``;
    for (const [unit, d] of Object.entries(daily as Record<string, Record<string, { mean?: unknown } | undefined>>)) {
      if (!d || typeof d !== 'object' || ALWAYS.some((k) => !Array.isArray(d[k]?.mean))) return `strategy \`${name}\`, unit \`${unit}\``;
    }
  }
  return null;
}

/** The band to judge by: 10–90% when the results carry it, else 5–95%. */
export function bandChoice(daily: Results['strategies'][string]['daily']): BandChoice {
  const first = Object.values(daily)[0] as unknown as Record<string, Band> | undefined;
  const b = first?.occupancy;
  return b && Array.isArray(b.p10) && Array.isArray(b.p90)
    ? { percentiles: [10, 90], keys: ['p10', 'p90'] }
    : { percentiles: [5, 95], keys: ['p05', 'p95'] };
}

export function align(
  results: Results,
  observed: Observed,
  strategyName: string | undefined,
  observedFile: string,
  resultsFile = observedFile,
): Aligned {
  const problems: Problem[] = [];
  const names = Object.keys(results.strategies);
  const strategy = strategyName ?? 'baseline';
  const s = results.strategies[strategy] ?? (strategyName === undefined ? results.strategies[names[0]] : undefined);
  if (!s) {
    throw new CompareMismatch(resultsFile, [
      { message: `the results have no strategy \`${strategy}\``, hint: suggestName(strategy, names) ?? `strategies: ${names.join(', ')}` },
    ]);
  }
  const strategyUsed = results.strategies[strategy] ? strategy : names[0];
  const band = bandChoice(s.daily);
  const start = parseDay(results.start_date)!;
  const units = Object.keys(s.daily);
  if (units.length === 0)
    throw new CompareMismatch(resultsFile, [{ message: `strategy \`${strategyUsed}\` has no daily series in the results` }]);
  const days = Math.min(...units.map((u) => s.daily[u].occupancy.mean.length));
  const startDate = results.start_date,
    endDate = formatDay(start + days - 1);
  const known = units.flatMap((u) => BANDED_SERIES.map((k) => `${u}.${k}`));
  const out: AlignedSeries[] = [];
  problems.push(...observed.problems);
  if (observed.series.length === 0 && observed.problems.length === 0) problems.push({ message: 'no observed series in the file' });
  let inside = 0,
    outside = 0;
  for (const o of observed.series) {
    const dot = o.name.lastIndexOf('.');
    const unit = dot > 0 ? o.name.slice(0, dot) : '',
      key = dot > 0 ? o.name.slice(dot + 1) : o.name;
    const where = { line: o.line };
    if (!units.includes(unit)) {
      problems.push({
        ...where,
        message: `\`${o.name}\`: no unit \`${unit || o.name}\` in the results`,
        hint: suggestName(o.name, known) ?? `series are <unit>.<series> with units ${units.join(', ')}`,
      });
      continue;
    }
    if (!(BANDED_SERIES as readonly string[]).includes(key)) {
      const why =
        key === 'capacity'
          ? 'capacity is an input of the scenario, not an outcome with a band'
          : /arriv|discharg/.test(key)
            ? 'results files carry no daily arrivals or discharges yet'
            : `no daily series \`${key}\``;
      problems.push({
        ...where,
        message: `\`${o.name}\`: ${why}`,
        hint: suggestName(o.name, known) ?? `daily series of ${unit}: ${BANDED_SERIES.map((k) => `${unit}.${k}`).join(', ')}`,
      });
      continue;
    }
    const b = s.daily[unit][key as BandedSeries] as unknown as Band | undefined;
    if (!b || !Array.isArray(b.mean)) {
      problems.push({
        ...where,
        message: `\`${o.name}\`: this results file has no daily admissions (written by an earlier caresim)`,
        hint: 'run the scenario again to write a results file with them',
      });
      continue;
    }
    const lo = b[band.keys[0]] ?? [],
      hi = b[band.keys[1]] ?? [],
      mean = b.mean ?? [];
    const st = s.units[unit]?.[PERIOD_METRIC[key as BandedSeries]];
    const period = st && st.mean !== null && st.sd !== null && st.n >= 2 ? { mean: st.mean, sd: st.sd, n: st.n } : null;
    const aligned: AlignedSeries = {
      name: o.name,
      unit,
      series: key as BandedSeries,
      days: [],
      missing: o.missing,
      simulatedDays: days,
      period,
    };
    const out0: number[] = [];
    for (const p of o.points) {
      const index = p.day - start;
      if (index < 0 || index >= days) {
        outside++;
        out0.push(p.line);
        continue;
      }
      inside++;
      if (![mean[index], lo[index], hi[index]].every((v) => typeof v === 'number' && Number.isFinite(v))) continue;
      aligned.days.push({ index, date: formatDay(p.day), observed: p.value, mean: mean[index], lo: lo[index], hi: hi[index] });
    }
    if (out0.length > 0) {
      const first = o.points.find((p) => p.line === out0[0])!;
      const inWarmup = first.day < start && first.day >= start - results.warmup_days;
      problems.push({
        line: out0[0],
        message: `\`${o.name}\`: ${out0.length} date${out0.length === 1 ? '' : 's'} outside the simulated period ${startDate} to ${endDate} (first: ${formatDay(first.day)})`,
        hint: inWarmup
          ? 'days before time.start are warm-up, which results leave out: remove them or move time.start'
          : 'remove those rows, or set time.start and time.horizon in the scenario to cover them',
      });
    }
    // Not when its rows were refused above: those problems already say why it is empty.
    if (o.points.length === 0 && (o.missing > 0 || observed.problems.length === 0))
      problems.push({ ...where, message: `\`${o.name}\`: no observed values` });
    out.push(aligned);
  }
  if (inside === 0 && outside > 0) {
    problems.unshift({
      message: `no observed day falls in the simulated period ${startDate} to ${endDate}`,
      hint: "the observed dates and the scenario's time.start and time.horizon must overlap",
    });
  }
  if (problems.length > 0) throw new CompareMismatch(observedFile, problems);
  // The replications behind the bands: those that finished (a shard file holds only its own).
  const counted = units.map((u) => s.units[u]?.occupancy_mean?.n ?? 0);
  const failed = (results.failures ?? []).filter((f) => f.strategy === strategyUsed).length;
  const replications = Math.max(...counted) > 0 ? Math.max(...counted) : results.replications - failed;
  if (replications < 2) {
    // One replication is a line, not a band: it would hold a fresh draw 0% of the time, so
    // 0% coverage would pass whatever was observed, and no spread is known for the period mean.
    throw new CompareMismatch(resultsFile, [
      {
        message: `the results hold ${replications} replication${replications === 1 ? '' : 's'}, so there is no band to compare with`,
        hint: 'run at least 2, better 20 or more: caresim run FILE --reps 20 --out results.json',
      },
    ]);
  }
  return { strategy: strategyUsed, band, replications, startDate, endDate, series: out };
}
