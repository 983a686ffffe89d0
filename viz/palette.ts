/**
 * Okabe-Ito colours: distinguishable with the common colour-vision deficiencies. Baseline
 * is always black; strategies take the rest in order. Verdict colours pair blue (better)
 * with vermillion (worse), never red with green.
 */
export const STRATEGY_COLOURS = ['#000000', '#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00'];
/** Dash patterns so overlaid lines stay apart in grey print too. */
export const STRATEGY_DASHES = ['', '6 3', '2 2', '8 3 2 3', '1 3', '10 4', '4 4'];

export const VERDICT_COLOURS = { better: '#0072B2', worse: '#D55E00', unclear: '#666666', changed: '#666666' } as const;

/** Black is the baseline's alone: past the seventh strategy the colours cycle through the others. */
export function strategyColour(index: number): string {
  return index <= 0 ? STRATEGY_COLOURS[0] : STRATEGY_COLOURS[1 + ((index - 1) % (STRATEGY_COLOURS.length - 1))];
}

export function strategyDash(index: number): string {
  return STRATEGY_DASHES[index % STRATEGY_DASHES.length];
}
