/**
 * The future event list: a binary min-heap in typed arrays, keyed (time, priority, seq).
 * `seq` is an insertion counter, so events at the same time and priority leave in the order
 * they were scheduled (FIFO ties, reproducible runs). Priority and seq share one float key:
 * priority * 2^44 + seq, exact while fewer than 2^44 events are scheduled.
 * PERF: no object per event: entry i's time and key sit side by side in one float array
 * (tk[2i], tk[2i+1]) and its int payload and tag in one int array, so comparing two siblings
 * reads one cache line, not two arrays' worth. The tag is used to recognise stale events
 * lazily instead of deleting them.
 * PERF: pop() leaves a hole at the root instead of sifting the last entry down at once: most
 * events schedule another, and the first push() after a pop fills the hole and sifts down
 * once, where a pop and a push sifted twice. Keys are unique (seq), so the order events leave
 * in does not depend on the heap's shape: the same events leave in the same order.
 */
const PRIORITY_SCALE = 2 ** 44;

export class EventQueue {
  private tk: Float64Array;
  private pg: Int32Array;
  private seq = 0;
  /** Entries in the arrays, the hole included. */
  private n = 0;
  /** The root is the last popped event, not yet replaced (see the PERF note above). */
  private hole = false;
  /** Filled by pop(): the popped event's time, payload and tag. */
  topTime = 0;
  topPayload = 0;
  topTag = 0;

  constructor(capacity = 1024) {
    this.tk = new Float64Array(2 * capacity);
    this.pg = new Int32Array(2 * capacity);
  }

  /** Events pending. */
  get size(): number {
    return this.hole ? this.n - 1 : this.n;
  }

  /**
   * The key an event of `priority` scheduled now would get, taking its place in the insertion
   * order: for an event kept outside the heap (the midnight, see simulator.ts) that must leave
   * in exactly the order it would have left the heap.
   */
  reserve(priority: number): number {
    return priority * PRIORITY_SCALE + this.seq++;
  }

  /** Whether an event at `time` with a reserve()d `key` leaves before every pending event (true when empty). */
  before(time: number, key: number): boolean {
    if (this.hole) this.fillHole();
    if (this.n === 0) return true;
    const t0 = this.tk[0];
    return time < t0 || (time === t0 && key < this.tk[1]);
  }

  /** Time of the next event (Infinity when empty). */
  peekTime(): number {
    if (this.hole) this.fillHole();
    return this.n > 0 ? this.tk[0] : Infinity;
  }

  push(time: number, priority: number, payload: number, tag = 0): void {
    const key = priority * PRIORITY_SCALE + this.seq++;
    if (this.hole) {
      this.hole = false;
      this.siftDown(time, key, payload, tag);
      return;
    }
    if (2 * this.n === this.tk.length) this.grow();
    const TK = this.tk,
      PG = this.pg;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = TK[2 * parent];
      if (pt < time || (pt === time && TK[2 * parent + 1] < key)) break;
      TK[2 * i] = pt;
      TK[2 * i + 1] = TK[2 * parent + 1];
      PG[2 * i] = PG[2 * parent];
      PG[2 * i + 1] = PG[2 * parent + 1];
      i = parent;
    }
    TK[2 * i] = time;
    TK[2 * i + 1] = key;
    PG[2 * i] = payload;
    PG[2 * i + 1] = tag;
  }

  /** Removes the next event; read it from topTime / topPayload / topTag. */
  pop(): void {
    if (this.hole) this.fillHole();
    this.topTime = this.tk[0];
    this.topPayload = this.pg[0];
    this.topTag = this.pg[1];
    this.hole = true;
  }

  /** The last entry takes the root's place and sinks to where it belongs. */
  private fillHole(): void {
    this.hole = false;
    const n = --this.n;
    if (n === 0) return;
    const TK = this.tk,
      PG = this.pg;
    this.siftDown(TK[2 * n], TK[2 * n + 1], PG[2 * n], PG[2 * n + 1]);
  }

  /** Puts the entry (time, key, payload, tag) in the root's place and sinks it among the n entries. */
  private siftDown(time: number, key: number, payload: number, tag: number): void {
    const TK = this.tk,
      PG = this.pg,
      n = this.n;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ct = TK[2 * c],
        ck = TK[2 * c + 1];
      if (c + 1 < n) {
        const rt = TK[2 * c + 2],
          rk = TK[2 * c + 3];
        if (rt < ct || (rt === ct && rk < ck)) {
          c++;
          ct = rt;
          ck = rk;
        }
      }
      if (time < ct || (time === ct && key < ck)) break;
      TK[2 * i] = ct;
      TK[2 * i + 1] = ck;
      PG[2 * i] = PG[2 * c];
      PG[2 * i + 1] = PG[2 * c + 1];
      i = c;
    }
    TK[2 * i] = time;
    TK[2 * i + 1] = key;
    PG[2 * i] = payload;
    PG[2 * i + 1] = tag;
  }

  private grow(): void {
    const tk = new Float64Array(2 * this.tk.length);
    tk.set(this.tk);
    this.tk = tk;
    const pg = new Int32Array(2 * this.pg.length);
    pg.set(this.pg);
    this.pg = pg;
  }
}
