import { describe, expect, it } from 'vitest';
import { STRATEGY_COLOURS, strategyColour } from '../../viz/palette.js';

describe('strategyColour(index)', () => {
  it('strategyColour gives black to the baseline only, however many strategies there are', () => {
    expect(strategyColour(0)).toBe('#000000');
    for (let i = 1; i < 30; i++) expect(strategyColour(i)).not.toBe('#000000');
  });
  it('strategyColour keeps the first seven colours in order, then cycles through the non-black ones', () => {
    expect(STRATEGY_COLOURS.map((_, i) => strategyColour(i))).toEqual(STRATEGY_COLOURS);
    expect(strategyColour(7)).toBe(STRATEGY_COLOURS[1]);
  });
});
