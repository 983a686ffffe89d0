/**
 * The outcome range of a Stat: the 10th and 90th percentiles of the replication values
 * (what one year could look like), beside the CI of the mean (how sure the mean is).
 *  - Percentile rule: R type 7, linear interpolation between order statistics: with the n
 *    defined values sorted x(1) <= ... <= x(n), the p point is x(h) + (h - floor h)(x(h+1) - x(h))
 *    at h = 1 + p (n - 1) (statistics.ts `quantile`).
 *  - Exact over every replication up to RANGE_SAMPLE of them. Beyond, over the RANGE_SAMPLE
 *    replications whose index has the smallest `bandPriority` (the rule of the daily bands):
 *    a pseudo-random subset fixed by the replication indices alone, so a merge of shards and a
 *    one-machine run read the same values in the same order and agree to the bit. The sample
 *    point, read at the level whose expected rank matches (`sampleLevel`), is then the exact
 *    point give or take sqrt(0.1 x 0.9 / RANGE_SAMPLE) = 0.95 percentage points of rank (one sd).
 * The rule needs only (index, value) pairs of at most RANGE_SAMPLE replications, so a fold can
 * hold the range in memory that does not grow with the replication count.
 */
import { bandPriority, sampleLevel } from './daily-bands.js';
import { quantile } from './statistics.js';

/** Replications whose values the range reads (all of them up to this many). */
export const RANGE_SAMPLE = 1000;

export interface Range {
  p10: number | null;
  p90: number | null;
}

/** Rows (positions) a range reads when `indices` label them; memoised per array, since a fold asks once per Stat. */
const chosen = new WeakMap<ArrayLike<number>, number[]>();

/**
 * The positions of the rows a range reads: every row up to RANGE_SAMPLE, else the
 * RANGE_SAMPLE rows whose replication index has the smallest priority, in row order.
 */
export function sampleRows(rows: number, indices?: ArrayLike<number>): number[] | null {
  if (rows <= RANGE_SAMPLE) return null;
  const key = indices ?? null;
  if (key && key.length === rows) {
    const hit = chosen.get(key);
    if (hit) return hit;
  }
  const index = (i: number) => (key && i < key.length ? key[i] : i);
  const order = Array.from({ length: rows }, (_, i) => i);
  const prio = order.map((i) => bandPriority(index(i)));
  order.sort((a, b) => prio[a] - prio[b] || a - b);
  const picked = order.slice(0, RANGE_SAMPLE).sort((a, b) => a - b);
  if (key && key.length === rows) chosen.set(key, picked);
  return picked;
}

/**
 * p10 and p90 of the finite values (type 7), exact up to RANGE_SAMPLE replications and from
 * the index-chosen sample beyond; `indices` are the replication indices of the rows (the row
 * positions when absent). Null when no value is defined.
 */
export function range(values: ArrayLike<number>, indices?: ArrayLike<number>): Range {
  let n = 0;
  for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) n++;
  if (n === 0) return { p10: null, p90: null };
  const rows = sampleRows(values.length, indices);
  const sample: number[] = [];
  if (rows) {
    for (const i of rows) if (Number.isFinite(values[i])) sample.push(values[i]);
  } else {
    for (let i = 0; i < values.length; i++) if (Number.isFinite(values[i])) sample.push(values[i]);
  }
  if (sample.length === 0) return { p10: null, p90: null };
  sample.sort((a, b) => a - b);
  return {
    p10: quantile(sample, sampleLevel(0.1, sample.length, n)),
    p90: quantile(sample, sampleLevel(0.9, sample.length, n)),
  };
}
