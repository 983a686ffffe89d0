/**
 * One set of durations to fit: distinct (time, censored) values with their counts, in typed
 * arrays. Extracts record dates to the day or the minute, so a million stays hold far fewer
 * distinct durations: the likelihood runs over those, weighted, and gives exactly the
 * likelihood of every stay (durations are first rounded to the second, below any extract's
 * resolution, so that equal differences of dates compare equal). Very large samples are
 * grouped more coarsely (GROUP_ABOVE).
 */
export interface Sample {
  /** Distinct durations in days, all > 0: finished stays ascending, then censored ones ascending. */
  t: Float64Array;
  /** log t, computed once: every family's likelihood needs it. */
  logt: Float64Array;
  /** 1 = right-censored (still in at the end of the extract): t is a lower bound. */
  cens: Uint8Array;
  /** How many stays have this duration and flag. */
  w: Float64Array;
  /** Number of distinct entries. */
  m: number;
  /** Number of stays. */
  n: number;
  /** Uncensored stays. */
  events: number;
  /** For an evenly spaced subsample of at most BOOTSTRAP_SIZE stays (in extract order), the
   *  longest each could have been observed (end of extract - start), in days; the parametric
   *  bootstrap censors its draws at these times. */
  limit: Float64Array;
}

export const BOOTSTRAP_SIZE = 500;
const SECOND = 1 / 86400;
/**
 * PERF: above this many stays, durations are grouped on a log grid of width 0.001 (ten minutes
 * in a week): at most about 13,000 distinct values whatever the size of the extract. Rounding
 * log t to the nearest grid point moves it by at most 0.0005, symmetrically, so the estimates
 * move by orders of magnitude less than their standard errors (0.1% of the mean even at a
 * million stays).
 */
export const GROUP_ABOVE = 20_000;
const GRID = 1e-3;

function runs(sorted: Float64Array, flag: number, t: number[], c: number[], w: number[]): void {
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && sorted[j] === sorted[i]) j++;
    t.push(sorted[i]);
    c.push(flag);
    w.push(j - i);
    i = j;
  }
}

export function makeSample(
  t: ArrayLike<number>,
  cens: ArrayLike<number>,
  limit?: ArrayLike<number>,
  group = t.length > GROUP_ABOVE,
): Sample {
  const n = t.length;
  let events = 0;
  for (let i = 0; i < n; i++) if (!cens[i]) events++;
  const ev = new Float64Array(events),
    ce = new Float64Array(n - events);
  for (let i = 0, a = 0, b = 0; i < n; i++) {
    const r = Math.max(SECOND, Math.round(t[i] / SECOND) * SECOND);
    const x = group ? Math.exp(Math.round(Math.log(r) / GRID) * GRID) : r;
    if (cens[i]) ce[b++] = x;
    else ev[a++] = x;
  }
  ev.sort();
  ce.sort();
  const tt: number[] = [],
    cc: number[] = [],
    ww: number[] = [];
  runs(ev, 0, tt, cc, ww);
  runs(ce, 1, tt, cc, ww);
  const m = tt.length;
  const k = Math.min(n, BOOTSTRAP_SIZE),
    lim = new Float64Array(k);
  for (let i = 0; i < k; i++) lim[i] = limit ? limit[Math.floor((i * n) / k)] : Infinity;
  return {
    t: Float64Array.from(tt),
    logt: Float64Array.from(tt, Math.log),
    cens: Uint8Array.from(cc),
    w: Float64Array.from(ww),
    m,
    n,
    events,
    limit: lim,
  };
}

/**
 * A coarse copy with at most `size` entries: neighbouring distinct durations merged (geometric
 * mean, summed counts). Only a starting point for the optimiser on very large samples.
 */
export function coarsen(s: Sample, size: number): Sample {
  if (s.m <= size) return s;
  const per = s.m / size;
  const t: number[] = [],
    c: number[] = [],
    w: number[] = [];
  for (let g = 0; g < size; g++) {
    const from = Math.floor(g * per),
      to = Math.floor((g + 1) * per);
    let sw = 0,
      sl = 0,
      flag = s.cens[from];
    for (let i = from; i < to; i++) {
      if (s.cens[i] !== flag) {
        t.push(Math.exp(sl / sw));
        c.push(flag);
        w.push(sw);
        sw = 0;
        sl = 0;
        flag = s.cens[i];
      }
      sw += s.w[i];
      sl += s.w[i] * s.logt[i];
    }
    if (sw > 0) {
      t.push(Math.exp(sl / sw));
      c.push(flag);
      w.push(sw);
    }
  }
  return {
    ...s,
    t: Float64Array.from(t),
    logt: Float64Array.from(t, Math.log),
    cens: Uint8Array.from(c),
    w: Float64Array.from(w),
    m: t.length,
  };
}
