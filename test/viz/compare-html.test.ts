import { describe, expect, it } from 'vitest';
import { compareHtml } from '../../viz/compare-html.js';
import { compare } from '../../compare/compare.js';
import type { Aligned } from '../../compare/match.js';

function aligned(): Aligned {
  const days = (shift: number) =>
    Array.from({ length: 60 }, (_, i) => ({
      index: i,
      date: new Date(Date.UTC(2027, 0, 4 + i)).toISOString().slice(0, 10),
      observed: 50 + shift + 4 * Math.sin(i / 3),
      mean: 50,
      lo: 44,
      hi: 56,
    }));
  return {
    strategy: 'baseline',
    band: { percentiles: [5, 95], keys: ['p05', 'p95'] },
    replications: 40,
    startDate: '2027-01-04',
    endDate: '2027-07-04',
    series: [
      { name: 'acute.occupancy', unit: 'acute', series: 'occupancy', days: days(0), missing: 0, simulatedDays: 60, period: null },
      { name: 'p1.<occupancy>', unit: 'p1', series: 'occupancy', days: days(12), missing: 2, simulatedDays: 60, period: null },
      { name: 'p2.queue', unit: 'p2', series: 'queue', days: [], missing: 5, simulatedDays: 60, period: null },
    ],
  };
}

describe('compareHtml(comparison, days, title)', () => {
  const a = aligned();
  const c = compare(a, { results: 'results.json', observed: 'observed.csv' });
  const html = compareHtml(c, Object.fromEntries(a.series.map((s) => [s.name, s.days])), 'Example & co');

  it('has a section and a chart for every series with data, with its verdict', () => {
    const sections = [...html.matchAll(/<section class="compare-series" data-series="([^"]*)" data-verdict="([^"]*)">/g)].map((m) => [
      m[1],
      m[2],
    ]);
    expect(sections).toEqual([
      ['acute.occupancy', 'consistent'],
      ['p1.&lt;occupancy&gt;', 'mismatch'],
      ['p2.queue', 'none'],
    ]);
    const charts = [...html.matchAll(/<svg [^>]*data-series="([^"]*)"/g)].map((m) => m[1]);
    expect(charts).toEqual(['acute.occupancy', 'p1.&lt;occupancy&gt;']);
    expect(html).toContain('Mismatch: simulated too low');
    expect(html).toContain('1 of 3 series do not match the model.');
  });

  it('names the band it judges by and stands alone (no script, nothing fetched)', () => {
    expect(html).toContain('the results carry no 10–90% band, so the 5–95% band is used');
    expect(html).toContain('<title>Example &amp; co: observed against simulated</title>');
    expect(html).not.toMatch(/<script|\s(src|href)=/);
  });
});

describe('compareHtml(comparison, days, title) on a few days', () => {
  it('does not call a handful of days plainly consistent', () => {
    const a = aligned();
    a.series = [{ ...a.series[0], days: a.series[0].days.slice(0, 5) }];
    const c = compare(a, { results: 'results.json', observed: 'observed.csv' });
    expect(c.series[0].verdict).toBe('consistent');
    const html = compareHtml(c, { 'acute.occupancy': a.series[0].days }, 'Short');
    expect(html).not.toContain('Every series is consistent with the model.');
    expect(html).toContain('<strong>Consistent, on little data</strong>');
    expect(html).toContain('No series contradicts the model, but 1 has too few independent days to show much.');
  });
});
