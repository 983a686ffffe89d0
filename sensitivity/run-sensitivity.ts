/**
 * `caresim sensitivity` without the CLI. Two analyses in one run on common random numbers:
 *  - one at a time: every uncertain param (and each param listed with ±%) at a low and a high
 *    value with all others at their centre (uncertain ones at their median), against the
 *    all-centre configuration: paired differences with 95% CIs, 2 x inputs + 1 configurations;
 *  - global: the scenario as written (params drawn per replication) with PRCC and standardised
 *    rank regression of every headline KPI on the draws (prcc.ts).
 * Low and high of an uncertain param are the 10th and 90th percentiles of its distribution.
 */
import type { CompiledScenarioWithWarnings } from '../scenarios/index.js';
import type { CompiledStrategy } from '../engine/index.js';
import type { Stat } from '../results/index.js';
import { HEADLINE_KPIS } from '../results/index.js';
import { runScenarioDetailed, type Progress } from '../runner/index.js';
import { sensitivity, type Sensitivity } from './prcc.js';
import { sha256Hex } from '../scenarios/index.js';

export const SENSITIVITY_FORMAT = 'caresim-sensitivity/1';
/** Draws taken to place an uncertain param's percentiles. */
const QUANTILE_DRAWS = 2000;

export interface Input {
  param: string;
  source: 'uncertain' | 'listed';
  low: number;
  centre: number;
  high: number;
  unit: string;
}

export interface SensitivityFile {
  format: typeof SENSITIVITY_FORMAT;
  scenario: { name: string; hash: string };
  seed: number | string;
  replications: number;
  inputs: Input[];
  /** Per headline KPI: each input's low and high minus the centre (paired), largest swing first. */
  one_at_a_time: Record<string, { param: string; low: Stat; high: Stat; swing: number }[]>;
  /** Per headline KPI: PRCC / SRRC from the draws of the scenario as written; absent without uncertain params. */
  global?: Record<string, Sensitivity>;
  /**
   * Replications that failed after a retry, by configuration (`baseline`, `PARAM-low`, ...,
   * `as-written`) and index; absent when none did. The changes and correlations use the rest.
   */
  failures?: { strategy: string; replication: number; error: string }[];
}

export interface SensitivityOptions {
  reps?: number;
  seed?: number | string;
  workers?: number;
  /** `name=pct`: a param to move by ± pct (e.g. `p2_beds=10%`). */
  vary?: { param: string; share: number }[];
  onProgress?: (p: Progress) => void;
  signal?: AbortSignal;
  /**
   * Journal of the finished replications (none when unset): an interrupted or failed analysis
   * keeps them, and `resume` runs only what is missing, ending where an uninterrupted one ends.
   */
  journal?: string;
  resume?: boolean;
  /** Discard an existing journal; without this or `resume` an existing journal is refused. */
  fresh?: boolean;
  /** Notices for the user (a stale journal lock taken over). */
  onNotice?: (message: string) => void;
}

/** The analysis, and the release of its journal (kept, locked, until the caller's outputs are written). */
export interface SensitivityOutcome {
  file: SensitivityFile;
  /** Closes the journal and releases its lock, first removing it when `remove`; safe to call more than once. */
  release(remove: boolean): void;
}

export class SensitivityError extends Error {
  readonly code = 'USAGE';
}

const DAY = 1440;
/** How a param's values are given: days, a rate per the time it was written per (per day unless told), a share in %, or plain. */
interface Scale {
  t: number;
  /** The time a rate is given per (`year`); 'day' unless the scenario wrote it per another. */
  per: string;
  /** Per-day value -> value per `per` (rates); a fraction -> a percentage (shares). */
  factor: number;
  /** A share the scenario wrote in % (`stepup_share: uniform(6%, 12%)`): shown and moved in %. */
  share: boolean;
}
function scaleOf(t: number, per: { unit: string; minutes: number } | undefined, share: boolean): Scale {
  if (t === -1 && per) return { t, per: per.unit, factor: per.minutes / DAY, share: false };
  if (t === 0 && share) return { t, per: 'day', factor: 100, share: true };
  return { t, per: 'day', factor: 1, share: false };
}
/** The unit an input's values are given in: days, per day (or per what the rate was written per), %, or none. */
const unitOf = (s: Scale) => (s.t === 1 ? 'days' : s.t === -1 ? `per ${s.per}` : s.share ? '%' : '');
/** A value as scenario text in the param's own dimension and unit (`0.3/year`, `5 days`, `8.5%`, `40`). */
const text = (v: number, s: Scale) => (s.t === 1 ? `${v} days` : s.t === -1 ? `${v}/${s.per}` : s.share ? `${v}%` : `${v}`);

function quantile(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p,
    lo = Math.floor(h);
  return sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]);
}

/** The analysis; a journal (when given) is removed once it is done. */
export async function runSensitivity(sc: CompiledScenarioWithWarnings, o: SensitivityOptions = {}): Promise<SensitivityFile> {
  const outcome = await runSensitivityDetailed(sc, o);
  outcome.release(true);
  return outcome.file;
}

/**
 * The analysis, holding its journal (when given) until `release`: the caller writes its outputs
 * first, so a write that fails loses no replication.
 */
export async function runSensitivityDetailed(sc: CompiledScenarioWithWarnings, o: SensitivityOptions = {}): Promise<SensitivityOutcome> {
  const v = sc.variants!;
  const seed = o.seed ?? sc.seed;
  const base = sc.strategies[0];
  const inputs: (Input & { scale: Scale })[] = [];
  if (v.uncertain.length > 0 && base.drawsFor) {
    // Percentiles from many draws of the param streams (no simulation): far replication indices.
    const rows = Array.from({ length: QUANTILE_DRAWS }, (_, r) => base.drawsFor!(seed, 10_000_000 + r));
    for (const u of v.uncertain) {
      const scale = scaleOf(u.t, v.ratePer(u.name), v.writtenAsShare(u.name));
      const xs = rows.map((row) => row[u.name] * scale.factor).sort((a, b) => a - b);
      inputs.push({
        param: u.name,
        source: 'uncertain',
        low: quantile(xs, 0.1),
        centre: quantile(xs, 0.5),
        high: quantile(xs, 0.9),
        unit: unitOf(scale),
        scale,
      });
    }
  }
  for (const { param, share } of o.vary ?? []) {
    const pv = v.paramValue(param);
    if (!pv) throw new SensitivityError(`--vary ${param}: there is no param \`${param}\` with a single value`);
    if (v.uncertain.some((u) => u.name === param))
      throw new SensitivityError(`--vary ${param}: the param is uncertain already; its low and high come from its distribution`);
    // Two shares for one param would run twice under one name, and the file keep one of them.
    if (inputs.some((i) => i.param === param)) throw new SensitivityError(`--vary ${param}: given twice; give each param once`);
    const scale = scaleOf(pv.t, v.ratePer(param), v.writtenAsShare(param));
    const c = pv.n * DAY ** -pv.t * scale.factor;
    // A whole number (beds, packages) stays whole: capacities must be.
    const round = (x: number) => (pv.t === 0 && !scale.share && Number.isInteger(c) ? Math.round(x) : x);
    const low = round(c * (1 - share)),
      high = round(c * (1 + share));
    // An end the rounding puts back on the centre would read as an input with no effect.
    if (low === c || high === c) {
      const why =
        c === 0
          ? `${param} is 0, which no share moves`
          : `${param} is ${c}, a whole number that stays whole, so ${low === c ? 'the low' : 'the high'} end would be ${c} itself; give a share above ${+(50 / Math.abs(c)).toFixed(2)}%`;
      throw new SensitivityError(`--vary ${param}=${+(share * 100).toFixed(6)}%: ${why}`);
    }
    inputs.push({ param, source: 'listed', low, centre: c, high, unit: unitOf(scale), scale });
  }
  if (inputs.length === 0)
    throw new SensitivityError(`${sc.file} has no uncertain params: give params to move with --vary NAME=PCT (e.g. --vary p2_beds=10%)`);
  const centre = Object.fromEntries(
    inputs.filter((i) => i.source === 'uncertain').map((i) => [`params.${i.param}`, text(i.centre, i.scale)]),
  );
  const strategies: CompiledStrategy[] = [v.variant(centre, 'baseline', 'Every uncertain param at its median')];
  for (const i of inputs) {
    for (const side of ['low', 'high'] as const) {
      strategies.push(
        v.variant({ ...centre, [`params.${i.param}`]: text(i[side], i.scale) }, `${i.param}-${side}`, `${i.param} at its ${side} value`),
      );
    }
  }
  const asWritten = inputs.some((i) => i.source === 'uncertain');
  if (asWritten)
    strategies.push({ ...base, name: 'as-written', description: 'The scenario as written: uncertain params drawn per replication' });
  const reps = o.reps ?? (sc.replications === 'auto' ? 50 : sc.replications);
  // The journal's replications belong to these configurations: a resume with other inputs or
  // shares (the same strategy names, other values) must not take them, so they are in its hash.
  const hash = sha256Hex(JSON.stringify([sc.hash, strategies.map((s) => [s.name, s.set])]));
  const outcome = await runScenarioDetailed(
    { ...sc, hash, strategies, sweep: undefined },
    {
      reps,
      seed,
      workers: o.workers,
      keepRaw: asWritten,
      onProgress: o.onProgress,
      signal: o.signal,
      journal: o.journal,
      journalMadeBy: 'sensitivity',
      resume: o.resume,
      fresh: o.fresh,
      onNotice: o.onNotice,
      holdJournal: true,
    },
  );
  if (outcome.interrupted) {
    outcome.release(false);
    throw new SensitivityError('interrupted');
  }
  const r = outcome.results;
  const kpis = HEADLINE_KPIS.filter((k) => r.strategies.baseline.kpis[k] !== undefined);
  const oat: SensitivityFile['one_at_a_time'] = {};
  for (const k of kpis) {
    oat[k] = inputs
      .map((i) => {
        // Every KPI the baseline has is in every paired difference.
        const low = r.differences[`${i.param}-low`][k]!,
          high = r.differences[`${i.param}-high`][k]!;
        return { param: i.param, low, high, swing: Math.abs((high.mean ?? 0) - (low.mean ?? 0)) };
      })
      .sort((a, b) => b.swing - a.swing);
  }
  const out: SensitivityFile = {
    format: SENSITIVITY_FORMAT,
    scenario: { name: sc.name, hash: sc.hash },
    seed,
    replications: reps,
    inputs: inputs.map(({ scale: _scale, ...i }) => i),
    one_at_a_time: oat,
  };
  if (asWritten && base.drawsFor) {
    const rows = outcome.raw['as-written'];
    const draws = rows.map((x) => base.drawsFor!(seed, x.replication));
    const params = v.uncertain.map((u) => u.name);
    const x = params.map((p) => draws.map((d) => d[p]));
    out.global = {};
    for (const k of kpis)
      out.global[k] = sensitivity(
        k,
        params,
        x,
        rows.map((row) => row.kpis[k] ?? NaN),
        500,
        seed,
      );
  }
  if (r.failures && r.failures.length > 0) out.failures = r.failures;
  return { file: out, release: (remove) => outcome.release(remove) };
}
