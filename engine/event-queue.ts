/**
 * The future event list: a binary min-heap in typed arrays, keyed (time, priority, seq).
 * `seq` is an insertion counter, so events at the same time and priority leave in the order
 * they were scheduled (FIFO ties, reproducible runs). Priority and seq share one float key:
 * priority * 2^44 + seq, exact while fewer than 2^44 events are scheduled.
 * PERF: struct of arrays, no object per event; each event carries an int payload and an
 * int tag (used to recognise stale events lazily instead of deleting them).
 * PERF: pop() leaves a hole at the root instead of sifting the last entry down at once: most
 * events schedule another, and the first push() after a pop fills the hole and sifts down
 * once, where a pop and a push sifted twice. Keys are unique (seq), so the order events leave
 * in does not depend on the heap's shape: the same events leave in the same order.
 */
const PRIORITY_SCALE = 2 ** 44;

export class EventQueue {
  private time: Float64Array;
  private key: Float64Array;
  private payload: Int32Array;
  private tag: Int32Array;
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
    this.time = new Float64Array(capacity);
    this.key = new Float64Array(capacity);
    this.payload = new Int32Array(capacity);
    this.tag = new Int32Array(capacity);
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
    const t0 = this.time[0];
    return time < t0 || (time === t0 && key < this.key[0]);
  }

  /** Time of the next event (Infinity when empty). */
  peekTime(): number {
    if (this.hole) this.fillHole();
    return this.n > 0 ? this.time[0] : Infinity;
  }

  push(time: number, priority: number, payload: number, tag = 0): void {
    const key = priority * PRIORITY_SCALE + this.seq++;
    if (this.hole) {
      this.hole = false;
      this.time[0] = time;
      this.key[0] = key;
      this.payload[0] = payload;
      this.tag[0] = tag;
      this.siftDown();
      return;
    }
    if (this.n === this.time.length) this.grow();
    const T = this.time,
      K = this.key,
      P = this.payload,
      G = this.tag;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = T[parent];
      if (pt < time || (pt === time && K[parent] < key)) break;
      T[i] = pt;
      K[i] = K[parent];
      P[i] = P[parent];
      G[i] = G[parent];
      i = parent;
    }
    T[i] = time;
    K[i] = key;
    P[i] = payload;
    G[i] = tag;
  }

  /** Removes the next event; read it from topTime / topPayload / topTag. */
  pop(): void {
    if (this.hole) this.fillHole();
    this.topTime = this.time[0];
    this.topPayload = this.payload[0];
    this.topTag = this.tag[0];
    this.hole = true;
  }

  /** The last entry takes the root's place and sinks to where it belongs. */
  private fillHole(): void {
    this.hole = false;
    const n = --this.n;
    if (n === 0) return;
    const T = this.time,
      K = this.key,
      P = this.payload,
      G = this.tag;
    T[0] = T[n];
    K[0] = K[n];
    P[0] = P[n];
    G[0] = G[n];
    this.siftDown();
  }

  /** Sinks the entry at the root to its place among the n entries. */
  private siftDown(): void {
    const T = this.time,
      K = this.key,
      P = this.payload,
      G = this.tag,
      n = this.n;
    const lt = T[0],
      lk = K[0],
      lp = P[0],
      lg = G[0];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      let ct = T[c],
        ck = K[c];
      const r = c + 1;
      if (r < n) {
        const rt = T[r],
          rk = K[r];
        if (rt < ct || (rt === ct && rk < ck)) {
          c = r;
          ct = rt;
          ck = rk;
        }
      }
      if (lt < ct || (lt === ct && lk < ck)) break;
      T[i] = ct;
      K[i] = ck;
      P[i] = P[c];
      G[i] = G[c];
      i = c;
    }
    T[i] = lt;
    K[i] = lk;
    P[i] = lp;
    G[i] = lg;
  }

  private grow(): void {
    const cap = this.time.length * 2;
    const t = new Float64Array(cap);
    t.set(this.time);
    this.time = t;
    const k = new Float64Array(cap);
    k.set(this.key);
    this.key = k;
    const p = new Int32Array(cap);
    p.set(this.payload);
    this.payload = p;
    const g = new Int32Array(cap);
    g.set(this.tag);
    this.tag = g;
  }
}
