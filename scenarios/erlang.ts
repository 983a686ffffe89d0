/**
 * Erlang formulas for the stability estimate: how long a patient waits for one of `c`
 * places offered `a` erlangs of work (arrival rate x mean stay).
 */

/**
 * Erlang B (loss probability), by the stable recursion in its reciprocal,
 * 1/B(k) = 1 + (k/a) / B(k-1): every term is positive, so nothing cancels (relative error
 * about c x 1e-16).
 *
 * PERF: the usual form B(k) = a B(k-1) / (k + a B(k-1)) divides at every place, and the
 * division's latency bounds the loop (an acute hospital's 2,000 places, asked about a
 * thousand times in a load of the default ICS: a quarter of the load); this one multiplies and
 * adds. And it starts at `erlangStart(min(a, c))` places, not 0: 1/B(c) = (c!/a^c) x the sum
 * over j <= c of a^j/j!, whose terms rise to j = min(a, c) and fall away below it at least as
 * fast as a Poisson's lower tail; the terms 12 standard deviations under it weigh less than
 * exp(-72) of the sum (Chernoff: P(N <= m - t) <= exp(-t^2 / 2m)), far under the float's
 * precision.
 */
export function erlangB(c: number, a: number): number {
  const perErlang = 1 / a;
  let r = 1;
  for (let k = erlangStart(Math.min(a, c)) + 1; k <= c; k++) {
    r = 1 + r * (k * perErlang);
    // Past the float's range the reciprocal stays Infinity: B is 0 (a unit of 300 million
    // places, a slip of the keyboard, no longer loops 300 million times in `check`).
    if (r === Infinity) return 0;
  }
  return 1 / r;
}

/** The places below which Erlang B's terms are dropped, for the peak term m: m - 12 sqrt(m) (0 up to m = 144). */
export function erlangStart(m: number): number {
  return m > 144 ? Math.floor(m - 12 * Math.sqrt(m)) : 0;
}

/** Erlang C: probability that an arrival waits, for a < c (`b` works out Erlang B). */
export function erlangC(c: number, a: number, b: (c: number, a: number) => number = erlangB): number {
  if (a >= c) return 1;
  const loss = b(c, a),
    rho = a / c;
  return loss / (1 - rho * (1 - loss));
}

/**
 * Mean wait for a place in M/G/c (Allen–Cunneen: the M/M/c wait scaled by (1 + cs²) / 2,
 * cs² the squared coefficient of variation of the stay); Infinity at or above full load.
 * Capacity is rounded down: a fraction of a place serves nobody. `b` works out Erlang B (a
 * caller asking for the same ones again keeps them).
 */
export function queueWaitMean(places: number, a: number, stay: number, cs2: number, b: (c: number, a: number) => number = erlangB): number {
  const c = Math.floor(places);
  if (a <= 0) return 0;
  if (c <= 0 || a >= c) return Infinity;
  return (((erlangC(c, a, b) * stay) / (c - a)) * (1 + cs2)) / 2;
}
