/**
 * Any two strategies compared, from what the results file holds. Differences are paired only
 * against the baseline (every strategy ran the baseline's random numbers); for two other
 * strategies the difference of means is exact, but its interval is computed as if the two
 * were independent (half-widths added in quadrature), which is wider than a paired interval
 * would be: a clear difference is clear, an unclear one may still be real.
 */
import type { Results, Stat } from '../results/index.js';
import { BASELINE } from './data.js';
import { hasMean, type Verdict, verdictOf } from './format.js';

export interface PairDifference {
  /** b minus a. */
  diff: Stat & { mean: number };
  paired: boolean;
  verdict: Verdict;
}

const halfWidth = (s: Stat): number | null => (s.ci95[0] === null || s.ci95[1] === null ? null : (s.ci95[1] - s.ci95[0]) / 2);

function negate(s: Stat & { mean: number }): Stat & { mean: number } {
  const [lo, hi] = s.ci95;
  // The outcome range of the negated values: their 10th percentile is minus the 90th.
  const neg = (x: number | null) => (x === null ? null : -x);
  return { mean: -s.mean, sd: s.sd, ci95: [neg(hi), neg(lo)], p10: neg(s.p90), p90: neg(s.p10), n: s.n };
}

export function pairDifference(r: Results, a: string, b: string, kpi: string): PairDifference | null {
  const stat = (s: string) => (r.strategies[s]?.kpis as Record<string, Stat | undefined> | undefined)?.[kpi];
  const paired = (s: string) => (r.differences?.[s] as Record<string, Stat | undefined> | undefined)?.[kpi];
  let diff: (Stat & { mean: number }) | null = null;
  let isPaired = true;
  if (a === b) {
    const s = stat(a);
    if (hasMean(s)) diff = { mean: 0, sd: 0, ci95: [0, 0], p10: 0, p90: 0, n: s.n };
  } else if (a === BASELINE) {
    const d = paired(b);
    if (hasMean(d)) diff = d;
  } else if (b === BASELINE) {
    const d = paired(a);
    if (hasMean(d)) diff = negate(d);
  } else {
    const sa = stat(a),
      sb = stat(b);
    if (hasMean(sa) && hasMean(sb)) {
      isPaired = false;
      const ha = halfWidth(sa),
        hb = halfWidth(sb);
      const mean = sb.mean - sa.mean;
      const h = ha === null || hb === null ? null : Math.sqrt(ha * ha + hb * hb);
      // No outcome range: the replications' own differences are not in the results file.
      diff = { mean, sd: null, ci95: h === null ? [null, null] : [mean - h, mean + h], p10: null, p90: null, n: Math.min(sa.n, sb.n) };
    }
  }
  return diff ? { diff, paired: isPaired, verdict: verdictOf(kpi, diff) } : null;
}
