import { describe, it, expect } from 'vitest';
import { waitBin, waitBinByLog, BIN_BASE, BIN_GROWTH, WAIT_BINS } from '../../engine/wait-bins.js';
import { makeStream } from '../../engine/random.js';

/** The double `steps` ulps away from x > 0 (negative: below). */
function ulps(x: number, steps: number): number {
  const f = new Float64Array([x]);
  const i = new BigInt64Array(f.buffer);
  i[0] += BigInt(steps);
  return f[0];
}

describe('waitBin(w)', () => {
  it('equals the logarithm formula on two million waits from a microsecond to centuries', () => {
    const rng = makeStream(5, 0, 'wait-bins');
    let differ = 0;
    for (let k = 0; k < 2_000_000; k++) {
      const w = Math.exp(-14 + 40 * rng.next());
      if (waitBin(w) !== waitBinByLog(w)) differ++;
    }
    expect(differ).toBe(0);
  });

  it('equals the formula within 100 ulps of every bin boundary, where the bin changes', () => {
    const differ: number[] = [];
    let changes = 0;
    for (let bin = 3; bin < WAIT_BINS; bin++) {
      const edge = BIN_BASE * Math.exp((bin - 2) * BIN_GROWTH);
      for (let d = -100; d <= 100; d++) {
        const w = ulps(edge, d);
        if (waitBin(w) !== waitBinByLog(w)) differ.push(w);
        if (waitBinByLog(w) !== waitBinByLog(ulps(w, -1))) changes++;
      }
    }
    expect(differ).toEqual([]);
    // Every boundary was crossed inside its window, so the windows tested the bin changes themselves.
    expect(changes).toBe(WAIT_BINS - 3);
  });

  it('gives 0 to no wait, 1 below BIN_BASE and the last bin to huge waits, as the formula', () => {
    for (const w of [0, -1, NaN, 1e-300, ulps(BIN_BASE, -1), BIN_BASE, ulps(BIN_BASE, 1), 1e7, 6e8, 1e300, Infinity]) {
      expect([w, waitBin(w)]).toEqual([w, waitBinByLog(w)]);
    }
    expect([waitBin(0), waitBin(0.005), waitBin(BIN_BASE), waitBin(1e300)]).toEqual([0, 1, 2, WAIT_BINS - 1]);
  });
});
