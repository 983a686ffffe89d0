/** Standard normal draws for the optimiser's pure tests (Box-Muller on one seeded stream). */
import { makeStream, type Stream } from '../../engine/random.js';

export class Normals {
  private readonly s: Stream;
  constructor(seed: string) {
    this.s = makeStream(seed, 0, 'test-normals');
  }
  next(): number {
    const u = 1 - this.s.next(),
      v = this.s.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
}
