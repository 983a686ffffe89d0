import { describe, expect, it } from 'vitest';
import { observedBandSvg, type BandDay } from '../../../viz/charts/observed-band.js';

const day = (index: number, observed: number): BandDay => {
  const date = new Date(Date.UTC(2027, 0, 4 + index)).toISOString().slice(0, 10);
  return { index, date, observed, mean: 50, lo: 45, hi: 55 };
};
const pathPoints = (d: string) => (d.match(/[ML]/g) ?? []).length;

describe('observedBandSvg(days, options)', () => {
  it('draws the band, the mean and every observed day, marking the days outside the band', () => {
    const days = [day(0, 50), day(1, 60), day(2, 44), day(3, 52), day(4, 55)];
    const svg = observedBandSvg(days, { id: 'acute.occupancy', title: 'acute.occupancy', bandLabel: '5–95%' });
    const observed = [...svg.matchAll(/<path class="observed" d="([^"]*)"/g)].map((m) => m[1]);
    expect(observed).toHaveLength(1);
    expect(pathPoints(observed[0])).toBe(5);
    expect(svg.match(/<path class="band" d="[^"]+"/g)).toHaveLength(1);
    expect(svg.match(/<path class="simulated-mean" d="[^"]+"/g)).toHaveLength(1);
    // 60 is above the band and 44 below it; 55 sits on the bound, which is inside.
    const outside = [...svg.matchAll(/<circle class="outside" cx="[^"]*" cy="([^"]*)"[^>]*><title>([^<]*)<\/title>/g)];
    expect(outside.map((m) => m[2])).toEqual([
      '2027-01-05: observed 60.0, band 45.0 to 55.0',
      '2027-01-06: observed 44.0, band 45.0 to 55.0',
    ]);
    // Higher values sit higher on the page (smaller y).
    expect(Number(outside[0][1])).toBeLessThan(Number(outside[1][1]));
    expect(svg).toContain('aria-label="acute.occupancy: observed values against the simulated 5–95% band, 3 of 5 days inside"');
  });

  it('breaks the lines at days not observed instead of bridging them', () => {
    const svg = observedBandSvg([day(0, 50), day(1, 51), day(5, 52), day(6, 53), day(9, 49)], { id: 's', title: 's', bandLabel: '10–90%' });
    const observed = [...svg.matchAll(/<path class="observed" d="([^"]*)"/g)].map((m) => pathPoints(m[1]));
    expect(observed).toEqual([2, 2, 1]);
    expect(svg.match(/<circle class="observed-point"/g)).toHaveLength(1);
  });
});
