/**
 * One set of durations to fit: times in days with a right-censoring flag, in typed arrays so
 * that a unit with hundreds of thousands of stays costs a few megabytes and the likelihood
 * loops stay monomorphic.
 */
export interface Sample {
  /** Durations in days, all > 0. */
  t: Float64Array;
  /** log t, computed once: every family's likelihood needs it. */
  logt: Float64Array;
  /** 1 = right-censored (still in at the end of the extract): t is a lower bound. */
  cens: Uint8Array;
  /** For each stay, the longest it could have been observed (end of extract - start), in days;
   *  the parametric bootstrap censors its draws at these times. */
  limit: Float64Array;
  n: number;
  /** Uncensored stays. */
  events: number;
}

export function makeSample(t: ArrayLike<number>, cens: ArrayLike<number>, limit?: ArrayLike<number>): Sample {
  const n = t.length;
  const tt = Float64Array.from(t), logt = new Float64Array(n), c = Uint8Array.from(cens);
  let events = 0;
  for (let i = 0; i < n; i++) {
    logt[i] = Math.log(tt[i]);
    if (!c[i]) events++;
  }
  return { t: tt, logt, cens: c, limit: limit ? Float64Array.from(limit) : new Float64Array(n).fill(Infinity), n, events };
}
