import { describe, expect, it } from 'vitest';
import { compareFiles, formatComparison } from '../../compare/index.js';
import { bandResults, longCsv, observedSeries } from './fixture.js';

describe('formatComparison(comparison)', () => {
  it('does not call a handful of days plain "consistent": it says how little they can show', async () => {
    const results = JSON.stringify(await bandResults(2, 20, 'band'));
    const [observed] = await observedSeries(2, 1, 'observed');
    const week = compareFiles({
      resultsFile: 'r.json',
      resultsText: results,
      observedFile: 'o.csv',
      observedText: longCsv('ward.occupancy', observed.slice(0, 5)),
    }).comparison;
    expect(week.series[0].verdict).toBe('consistent');
    expect(week.series[0].effective_days).toBeLessThan(10);
    const text = formatComparison(week);
    expect(text).not.toContain('Every series is consistent');
    expect(text).toContain(
      `ward.occupancy: no mismatch found, but only about ${Math.round(week.series[0].effective_days)} independent days`,
    );
    // A whole year carries enough independent days for the verdict to stand without a caveat.
    const year = compareFiles({
      resultsFile: 'r.json',
      resultsText: results,
      observedFile: 'o.csv',
      observedText: longCsv('ward.occupancy', observed),
    }).comparison;
    expect(year.series[0].effective_days).toBeGreaterThanOrEqual(10);
    expect(formatComparison(year)).not.toContain('no mismatch found, but only');
  });
});
