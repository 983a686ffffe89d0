/**
 * FIFO of patient ids with the token each had when it joined, as a growable ring buffer.
 * Entries whose patient has since left (reneged) are skipped lazily by the caller, which
 * compares the stored token with the patient's current one.
 * PERF: power-of-two capacity so wrap-around is a mask.
 */
export class Ring {
  private ids: Int32Array;
  private toks: Int32Array;
  private head = 0;
  private mask: number;
  /** Entries stored, stale ones included. */
  length = 0;

  constructor(capacity = 64) {
    let cap = 1;
    while (cap < capacity) cap <<= 1;
    this.ids = new Int32Array(cap);
    this.toks = new Int32Array(cap);
    this.mask = cap - 1;
  }

  /** Entries it holds before it grows. */
  get capacity(): number {
    return this.mask + 1;
  }

  /** Empties the ring, keeping its capacity (a new replication reuses it). */
  clear(): void {
    this.head = 0;
    this.length = 0;
  }

  push(id: number, token: number): void {
    if (this.length > this.mask) this.grow();
    const i = (this.head + this.length++) & this.mask;
    this.ids[i] = id;
    this.toks[i] = token;
  }

  headId(): number {
    return this.ids[this.head];
  }
  headToken(): number {
    return this.toks[this.head];
  }

  shift(): number {
    const id = this.ids[this.head];
    this.head = (this.head + 1) & this.mask;
    this.length--;
    return id;
  }

  /**
   * Doubles the capacity of a full ring, its entries first in order. PERF: two block copies
   * per column instead of a loop: an overloaded unit's queue grows to thousands in the first
   * replication of a thread, while its code still runs in the interpreter.
   */
  private grow(): void {
    const cap = (this.mask + 1) * 2,
      h = this.head,
      tail = this.mask + 1 - h;
    const ids = new Int32Array(cap),
      toks = new Int32Array(cap);
    ids.set(this.ids.subarray(h));
    ids.set(this.ids.subarray(0, h), tail);
    toks.set(this.toks.subarray(h));
    toks.set(this.toks.subarray(0, h), tail);
    this.ids = ids;
    this.toks = toks;
    this.head = 0;
    this.mask = cap - 1;
  }
}
