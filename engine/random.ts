/**
 * The only source of randomness in caresim. One stream per stochastic process, seeded
 * from (master seed, replication, stream name): the scenario is not part of the seed, so
 * every strategy sees the same random numbers (common random numbers) and paired
 * differences between strategies are sharp.
 * alea is used because it is fast (a few ns a draw) and its sequence is pinned by a
 * golden test, so results stay reproducible across versions.
 */
import seedrandom from 'seedrandom';

/**
 * One random stream: alea's generator with its state in four number fields. seedrandom seeds it
 * (so the sequence is alea's, pinned by a golden test); the draws are done here because a
 * class with one shape lets V8 inline `next()` at every call site and keep the number
 * unboxed, where a different closure per stream and replication was called through a
 * generic call that allocated every draw and made optimised code deoptimise whenever a new
 * replication brought new closures.
 */
export class Stream {
  /**
   * s0, s1, s2, c of alea. PERF: plain fields, not a Float64Array (model B's engine ran about
   * 7% faster): a draw loads and stores them without the typed array's extra indirection.
   */
  private s0: number;
  private s1: number;
  private s2: number;
  private c: number;

  constructor(seed: string) {
    const st = seedrandom.alea(seed, { state: true }).state();
    this.s0 = st.s0;
    this.s1 = st.s1;
    this.s2 = st.s2;
    this.c = st.c;
  }

  /**
   * A uniform draw on [0, 1). It can be exactly 0 (probability 2^-32), so callers take
   * logarithms of 1 - u, never of u.
   */
  next(): number {
    const t = 2091639 * this.s0 + this.c * 2.3283064365386963e-10; // 2^-32
    this.s0 = this.s1;
    this.s1 = this.s2;
    this.c = t | 0;
    return (this.s2 = t - this.c);
  }
}

export function streamSeed(seed: number | string, replication: number, name: string): string {
  return `caresim:${seed}:${replication}:${name}`;
}

export function makeStream(seed: number | string, replication: number, name: string): Stream {
  return new Stream(streamSeed(seed, replication, name));
}
