/** Which replications a daily band reads (daily-bands.ts): the rule alone, so a plan of it can import it too. */

/** Replications whose daily values a band keeps (all of them up to this many). */
export const BAND_SAMPLE = 200;

/**
 * A replication's place in the band sample (smaller is kept first): the 32-bit finaliser of
 * MurmurHash3, a bijection, so no two indices tie.
 */
export function bandPriority(index: number): number {
  let h = (index ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
