/**
 * Erlang formulas for the stability estimate: how long a patient waits for one of `c`
 * places offered `a` erlangs of work (arrival rate x mean stay).
 */

/** Erlang B (loss probability), by the stable recursion B(k) = a B(k-1) / (k + a B(k-1)). */
export function erlangB(c: number, a: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (a * b) / (k + a * b);
  return b;
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
