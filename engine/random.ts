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
 * A uniform generator on [0, 1). It can return exactly 0 (probability 2^-32), so callers
 * take logarithms of 1 - u, never of u.
 */
export type Rng = () => number;

export function streamSeed(seed: number | string, replication: number, name: string): string {
  return `caresim:${seed}:${replication}:${name}`;
}

export function makeStream(seed: number | string, replication: number, name: string): Rng {
  // PERF: alea's own function, unwrapped: a wrapper closure cost about 6% of run time.
  return seedrandom.alea(streamSeed(seed, replication, name));
}
