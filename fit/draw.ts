/**
 * Seeded draws from a fitted or known family: the synthetic extracts, the tests and the
 * bootstrap use it. Gamma goes through the engine's sampler (its quantile needs a root
 * search); the others invert their distribution function.
 */
import type { Family } from './families.js';
import { makeSampler } from '../engine/index.js';
import type { Stream } from '../engine/index.js';

export function drawer(f: Family, p: number[], rng: Stream): () => number {
  if (f.name === 'gamma') {
    const k = Math.exp(p[0]),
      mean = Math.exp(p[0] + p[1]);
    const s = makeSampler({ kind: 'gamma', mean, sd: mean / Math.sqrt(k) }, rng);
    return () => Math.max(s.next(), 1e-9);
  }
  return () => {
    const u = rng.next();
    return Math.max(f.quantile(u === 0 ? 1e-12 : u, p), 1e-9);
  };
}
