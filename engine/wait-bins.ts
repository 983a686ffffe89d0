/**
 * The bins of the wait histogram: 0 for no wait, 1 below BIN_BASE, then 1% wide bins,
 * bin 2 + floor(ln(w / BIN_BASE) / ln(1.01)), the last one open-ended.
 * PERF: a wait is binned from its float's exponent and top mantissa bits instead of a
 * logarithm. The bits pick a segment of 1/128 of an octave (narrower than a bin, so it holds at
 * most one bin boundary); a table filled with the formula itself gives the segment's bin and the
 * exact double where the next bin starts. The result is the formula's for every double (the
 * tests compare both on millions of waits and on each side of every boundary).
 */
// PERF: the plain numbers come first: the bundler writes a constant in as a number only when
// nothing but plain constants stands before it in its module (see codes.ts).
export const BIN_BASE = 0.01; // minutes: the first positive bin starts here
export const WAIT_BINS = 2100; // 0.01 min .. about 11 years
/** Mantissa bits below the segment index: 52 - 20 + 13 of the high word, 7 mantissa bits kept. */
const SHIFT = 13;
export const BIN_GROWTH = Math.log(1.01);

/** The histogram bin of a wait w, by the defining formula. */
export function waitBinByLog(w: number): number {
  if (!(w > 0)) return 0;
  if (w < BIN_BASE) return 1;
  const bin = 2 + Math.floor(Math.log(w / BIN_BASE) / BIN_GROWTH);
  return bin >= WAIT_BINS ? WAIT_BINS - 1 : bin;
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** Index of the word holding the sign, exponent and top of the mantissa. */
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0;

function segmentOf(w: number): number {
  f64[0] = w;
  return u32[HI] >>> SHIFT;
}

/** The smallest double of segment `seg` (mantissa bits below the index zero). */
function segmentStart(seg: number): number {
  u32[HI] = seg << SHIFT;
  u32[1 - HI] = 0;
  return f64[0];
}

/** The largest double below x (x > 0). */
function prevDouble(x: number): number {
  f64[0] = x;
  if (u32[1 - HI] === 0) {
    u32[1 - HI] = 0xffffffff;
    u32[HI]--;
  } else u32[1 - HI]--;
  return f64[0];
}

/** The smallest double above x (x > 0). */
function nextDouble(x: number): number {
  f64[0] = x;
  if (u32[1 - HI] === 0xffffffff) {
    u32[1 - HI] = 0;
    u32[HI]++;
  } else u32[1 - HI]++;
  return f64[0];
}

/**
 * The first double whose bin is `bin` (3 <= bin < WAIT_BINS): BIN_BASE * 1.01^(bin - 2) is a
 * few ulps from it, and the formula settles which.
 */
function firstOfBin(bin: number): number {
  let x = BIN_BASE * Math.exp((bin - 2) * BIN_GROWTH);
  while (waitBinByLog(x) >= bin) x = prevDouble(x);
  while (waitBinByLog(x) < bin) x = nextDouble(x);
  return x;
}

const FIRST = segmentOf(BIN_BASE);
/** Segments from the one where the last bin starts: past it, every wait is in the last bin. */
const SEGMENTS = segmentOf(firstOfBin(WAIT_BINS - 1)) - FIRST + 1;
/**
 * Per segment from BIN_BASE's on: the bin of its first wait (-1: not worked out yet) and the
 * double where the next bin starts in it (Infinity: none). Filled as waits reach a segment, so a
 * run pays a few logarithms for each segment its waits use, not for the whole table.
 */
const segBin = new Int32Array(SEGMENTS).fill(-1);
const segSplit = new Float64Array(SEGMENTS);

function fillSegment(k: number): void {
  const seg = FIRST + k,
    start = Math.max(segmentStart(seg), BIN_BASE),
    end = prevDouble(segmentStart(seg + 1)),
    b0 = waitBinByLog(start),
    b1 = waitBinByLog(end);
  // A segment is narrower than a bin, so it holds at most one boundary.
  if (b1 > b0 + 1) throw new Error(`wait bins: segment ${seg} spans bins ${b0} to ${b1}`);
  segSplit[k] = b1 === b0 ? Infinity : firstOfBin(b1);
  segBin[k] = b0;
}

/** The histogram bin of a wait w, equal to waitBinByLog(w) for every double. */
export function waitBin(w: number): number {
  if (!(w > 0)) return 0;
  if (w < BIN_BASE) return 1;
  const k = segmentOf(w) - FIRST;
  if (k >= SEGMENTS) return WAIT_BINS - 1;
  if (segBin[k] < 0) fillSegment(k);
  return w >= segSplit[k] ? segBin[k] + 1 : segBin[k];
}
