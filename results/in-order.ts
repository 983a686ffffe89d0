/**
 * Hands items to a sink in index order whatever order they arrive in, so a fold that is
 * not order-free (floating-point sums, P-square) gives the same result for any worker
 * count, shard split or resumed run. Expected indices are start, start + step, ... below
 * `limit`; an index that will never come (a failed replication) is `skip`ped. Only items
 * that arrived ahead of a missing index wait here: a handful while workers finish out of
 * order.
 */
export class InOrder<T> {
  private readonly pending = new Map<number, T>();
  private readonly skipped = new Set<number>();
  private readonly start: number;

  constructor(
    private next: number,
    private readonly step: number,
    private limit: number,
    private readonly sink: (index: number, item: T) => void,
  ) {
    this.start = next;
  }

  /** Whether `index` is one of the expected indices (start, start + step, ...). */
  private expected(index: number): boolean {
    return index >= this.start && (index - this.start) % this.step === 0;
  }

  /** Items waiting for an earlier index. */
  get waiting(): number {
    return this.pending.size;
  }

  add(index: number, item: T): void {
    if (index < this.next || this.pending.has(index) || !this.expected(index)) return;
    this.pending.set(index, item);
    this.drain();
  }

  skip(index: number): void {
    if (index < this.next) return;
    this.skipped.add(index);
    this.drain();
  }

  /** Raises (never lowers) the bound below which indices are folded. */
  setLimit(limit: number): void {
    this.limit = Math.max(this.limit, limit);
    this.drain();
  }

  /**
   * Folds what is waiting below the limit, in index order, giving up on the missing indices
   * before it (an interrupted run: they will not come now).
   */
  flush(): void {
    const ready = [...this.pending.keys()].filter((i) => i < this.limit).sort((a, b) => a - b);
    for (const i of ready) {
      const item = this.pending.get(i)!;
      this.pending.delete(i);
      this.next = i + this.step;
      this.sink(i, item);
    }
  }

  private drain(): void {
    while (this.next < this.limit) {
      const item = this.pending.get(this.next);
      if (item !== undefined) {
        this.pending.delete(this.next);
        this.sink(this.next, item);
      } else if (this.skipped.has(this.next)) {
        this.skipped.delete(this.next);
      } else {
        return;
      }
      this.next += this.step;
    }
  }
}
