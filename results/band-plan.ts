/**
 * The band sample of a run whose replication indices are known before it starts (a fixed
 * `--reps`, a merge of shard files, a list of replications): the BAND_SAMPLE indices with the
 * smallest `bandPriority`, which is the sample BandFold keeps once every replication has come
 * in, and behind them a short reserve for sample members that fail or never come (the sample
 * then takes the next priorities, which the reserve holds). Knowing the sample in advance lets
 * a fold keep, per day, only the values the band quantiles read (band-extremes.ts).
 */
import { BAND_SAMPLE, bandPriority } from './band-sample.js';

/** Replications behind the sample whose series a plan keeps whole, in priority order. */
export const BAND_RESERVE = 8;

export interface BandPlan {
  /** Rank in priority order of each planned index up to BAND_SAMPLE + BAND_RESERVE (0 = kept first). */
  readonly rank: ReadonlyMap<number, number>;
  /** Sample members: min(BAND_SAMPLE, planned indices). */
  readonly size: number;
  /** Reserve ranks after them (size .. size + reserve - 1). */
  readonly reserve: number;
  /** Every planned index, to tell a replication outside the plan. */
  readonly planned: ReadonlySet<number>;
}

/** The plan of a run of the given replication indices (distinct). */
export function bandPlan(indices: Iterable<number>): BandPlan {
  const planned = new Set(indices);
  const byPriority = [...planned].map((i) => [bandPriority(i), i] as const).sort((a, b) => a[0] - b[0]);
  const size = Math.min(BAND_SAMPLE, byPriority.length);
  const reserve = Math.min(BAND_RESERVE, byPriority.length - size);
  const rank = new Map<number, number>();
  for (let r = 0; r < size + reserve; r++) rank.set(byPriority[r][1], r);
  return { rank, size, reserve, planned };
}
