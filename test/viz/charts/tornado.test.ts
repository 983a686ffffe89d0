import { describe, expect, it } from 'vitest';
import { tornadoSvg } from '../../../viz/charts/tornado.js';

const opts = { id: 't', title: 'T', axis: 'A', domain: [-1, 1] as [number, number], format: (v: number) => v.toFixed(2) };
const row = (label: string, value: number) => ({ label, bars: [{ side: 'prcc' as const, value, lo: null, hi: null }] });
const labelX = (svg: string) => [...svg.matchAll(/<text class="label" x="([\d.]+)"/g)].map((m) => Number(m[1]));

describe('tornadoSvg(rows, options)', () => {
  it('tornadoSvg leaves room for a long plain label (about 7 px a character) instead of cutting it at the left edge', () => {
    const label = 'Length of a home-care package (P1), days';
    const [x] = labelX(tornadoSvg([row(label, 0.8), row('b', -0.2)], opts));
    expect(x).toBeGreaterThanOrEqual(7 * label.length);
  });

  it('tornadoSvg keeps the usual margin for short names, and draws bars from zero to each value', () => {
    const svg = tornadoSvg([row('p1_length', 0.5), row('frail_crisis', -0.5)], opts);
    expect(labelX(svg)).toEqual([182, 182]);
    const bars = [...svg.matchAll(/data-value="([-\d.]+)" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
      Number(m[3]),
    ]);
    // Plot from 190 to 690: zero at 440, ±0.5 a quarter of the way either side.
    expect(bars).toEqual([
      [0.5, 440, 125],
      [-0.5, 315, 125],
    ]);
  });
});

describe('tornadoSvg(rows, options) with values a file lacks', () => {
  it('tornadoSvg draws no bar and no whisker for a NaN value or interval, and no NaN geometry anywhere', () => {
    const svg = tornadoSvg(
      [
        { label: 'a', bars: [{ side: 'low' as const, value: NaN, lo: NaN, hi: NaN }] },
        { label: 'b', bars: [{ side: 'low' as const, value: 2, lo: NaN, hi: 3 }] },
      ],
      { ...opts, domain: undefined, format: (v: number) => v.toFixed(1) },
    );
    expect(svg).not.toContain('NaN');
    expect([...svg.matchAll(/<rect class="mark"/g)]).toHaveLength(1);
    expect(svg).not.toContain('class="whisker"');
  });
});
