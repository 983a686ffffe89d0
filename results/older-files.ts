/**
 * Results files written before a field was added still read: what they lack is filled in as
 * absent, so a reader meets the current types. Files from before the outcome range have Stats
 * without `p10`/`p90`: they read as null ("not known"), never as a made-up range.
 */
import type { Results } from './format.js';

const isStat = (o: Record<string, unknown>) => Array.isArray(o.ci95) && typeof o.n === 'number' && 'mean' in o;

function fill(v: unknown): void {
  if (v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) {
    // Daily series are long lists of numbers: nothing to fill in them.
    if (v.length > 0 && typeof v[0] === 'number') return;
    for (const x of v) fill(x);
    return;
  }
  const o = v as Record<string, unknown>;
  if (isStat(o)) {
    if (!('p10' in o)) o.p10 = null;
    if (!('p90' in o)) o.p90 = null;
    return;
  }
  for (const k of Object.keys(o)) fill(o[k]);
}

/** The results with every Stat given `p10`/`p90` (null where the file had none), in place. */
export function withAbsentRanges(results: Results): Results {
  fill(results.strategies);
  fill(results.differences);
  return results;
}
