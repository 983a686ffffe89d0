import { describe, expect, it } from 'vitest';
import { wilson } from '../../fit/wilson.js';

describe('wilson', () => {
  it('wilson(k, n) gives the published Wilson score intervals, inside [0, 1] even at 0 of n', () => {
    const [a, b] = wilson(50, 100);
    expect(a).toBeCloseTo(0.4038, 4);
    expect(b).toBeCloseTo(0.5962, 4);
    const [c, d] = wilson(0, 10);
    expect(c).toBe(0);
    expect(d).toBeCloseTo(0.2775, 4);
  });
});
