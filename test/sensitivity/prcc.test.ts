import { describe, it, expect } from 'vitest';
import { leastSquares, sensitivity } from '../../sensitivity/prcc.js';
import { makeStream } from '../../engine/random.js';
import { Normals } from '../optimise/normal-draws.js';

describe('leastSquares(cols, y)', () => {
  it('leastSquares(cols, y) recovers exact coefficients of a noiseless plane', () => {
    const a = [1, 2, 3, 4, 5],
      b = [2, 1, 0, 3, 1];
    const y = a.map((v, i) => 4 + 2 * v - 3 * b[i]);
    const c = leastSquares([a, b], y);
    expect(c[0]).toBeCloseTo(4, 9);
    expect(c[1]).toBeCloseTo(2, 9);
    expect(c[2]).toBeCloseTo(-3, 9);
  });
});

describe('sensitivity(output, inputs, x, y)', () => {
  // y = 3 x1 - 2 x2 + 0.5 x3 + 0 x4 + noise, inputs independent uniform(0, 1), noise sd 0.3.
  const n = 1000;
  const u = makeStream('linear', 0, 'x');
  const z = new Normals('linear-noise');
  const beta = [3, -2, 0.5, 0];
  const x = beta.map(() => Array.from({ length: n }, () => u.next()));
  const y = Array.from({ length: n }, (_, i) => beta.reduce((s, b, j) => s + b * x[j][i], 0) + 0.3 * z.next());
  const s = sensitivity('y', ['x1', 'x2', 'x3', 'x4'], x, y, 300, 5);

  it('sensitivity ranks the inputs of a linear model by the size of their effect, with the right signs', () => {
    expect(s.inputs.map((i) => i.input)).toEqual(['x1', 'x2', 'x3', 'x4']);
    const by = Object.fromEntries(s.inputs.map((i) => [i.input, i]));
    expect(by.x1.prcc).toBeGreaterThan(0);
    expect(by.x2.prcc).toBeLessThan(0);
    expect(by.x3.prcc).toBeGreaterThan(0);
    // The input with no effect: its interval covers 0; the others' exclude it.
    expect(by.x4.prcc_ci95[0]).toBeLessThan(0);
    expect(by.x4.prcc_ci95[1]).toBeGreaterThan(0);
    for (const k of ['x1', 'x2', 'x3']) expect(by[k].prcc_ci95[0] * by[k].prcc_ci95[1]).toBeGreaterThan(0);
  });

  it('sensitivity gives standardised coefficients near beta_j sd(x_j) / sd(y) and variance shares that add up to R^2', () => {
    // sd(uniform) = 1/sqrt(12); var(y) = sum beta^2 / 12 + 0.09.
    const vy = beta.reduce((a, b) => a + (b * b) / 12, 0) + 0.09;
    const by = Object.fromEntries(s.inputs.map((i) => [i.input, i]));
    beta.forEach((b, j) => {
      const std = b / Math.sqrt(12) / Math.sqrt(vy);
      // Ranks bend a linear relation a little: a tolerance of 0.04 on a scale of 1.
      expect(Math.abs(by[`x${j + 1}`].srrc - std)).toBeLessThan(0.04);
    });
    const shares = s.inputs.reduce((a, i) => a + i.share, 0);
    // Equal only for exactly uncorrelated inputs; sample correlations of about 1/sqrt(n) leave cross terms.
    expect(Math.abs(shares - s.r2)).toBeLessThan(0.05);
    expect(s.r2).toBeGreaterThan(0.9);
  });
});
