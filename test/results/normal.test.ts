import { describe, expect, it } from 'vitest';
import { normalUpper, logNormalSf, normalCdf, normalQuantile, normalQuantileRefined } from '../../results/normal.js';

describe('normalUpper(z)', () => {
  it('matches the standard normal tail', () => {
    expect(normalUpper(0)).toBeCloseTo(0.5, 7);
    expect(normalUpper(1.959964)).toBeCloseTo(0.025, 6);
    expect(normalUpper(3.090232)).toBeCloseTo(0.001, 6);
    expect(normalUpper(-1.644854)).toBeCloseTo(0.95, 6);
  });
});

describe('logNormalSf(z), normalQuantileRefined(p)', () => {
  it('logNormalSf(z) matches known tail values, including where the plain value underflows', () => {
    expect(Math.exp(logNormalSf(0))).toBeCloseTo(0.5, 7);
    expect(Math.exp(logNormalSf(1.959964))).toBeCloseTo(0.025, 7);
    expect(Math.exp(logNormalSf(-1))).toBeCloseTo(0.841344746, 6);
    // log P(Z > 40) ≈ -z²/2 - log(z √(2π)) (Mills ratio; the next term is -1/z² relative)
    expect(logNormalSf(40)).toBeCloseTo(-800 - Math.log(40 * Math.sqrt(2 * Math.PI)) - 1 / 1600, 4);
  });

  it('normalQuantileRefined(p) inverts normalCdf', () => {
    for (const p of [1e-6, 0.01, 0.3, 0.5, 0.9, 0.999]) expect(normalCdf(normalQuantileRefined(p))).toBeCloseTo(p, 8);
  });
});

describe('normalQuantile(p)', () => {
  it('normalQuantile(p) matches the normal table in both tails and the centre', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 5);
    expect(normalQuantile(0.5)).toBeCloseTo(0, 9);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.090232, 5);
    expect(normalQuantile(0.99)).toBeCloseTo(2.326348, 5);
  });
});
