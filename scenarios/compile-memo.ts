/**
 * What one load of a scenario works out once for all its compiles: the baseline, every
 * strategy and sweep point, every lever end and each replication's recompile for uncertain
 * params read the same rosters, mostly the same demand, and ask the same Erlang formulas
 * again (the default ICS: 32 compiles). Each value is kept under a key written from
 * everything its computation reads, so a hit is the value to the bit. One memo a load, not
 * one a process: a later load works everything out afresh, and nothing outlives the
 * compiled scenario that holds it.
 */

/** A number as key text: String round-trips every double but writes -0 as 0. */
export function numberKey(n: number): string {
  return Object.is(n, -0) ? '-0' : String(n);
}

/**
 * Numbers kept (a value's `size`) before the memo starts again: a bound on memory (2 MB of
 * numbers), never on correctness. A load of the default ICS keeps about 16,000; the recompiles
 * for each replication's draws of an uncertain param that feeds a roster add values that are
 * never asked for again, and a roster longer than this is not kept at all.
 */
export const MEMO_NUMBERS = 1 << 18;

export class CompileMemo {
  private readonly kept = new Map<string, unknown>();
  private held = 0;

  /**
   * The value `make` gives for `key` (which names the computation and everything it reads),
   * worked out once; `size` is roughly how many numbers the value holds.
   */
  get<T>(key: string, make: () => T, size: (value: T) => number = () => 1): T {
    if (this.kept.has(key)) return this.kept.get(key) as T;
    const value = make();
    const n = size(value);
    if (this.held + n > MEMO_NUMBERS) {
      this.kept.clear();
      this.held = 0;
    }
    if (n <= MEMO_NUMBERS) {
      this.kept.set(key, value);
      this.held += n;
    }
    return value;
  }
}
