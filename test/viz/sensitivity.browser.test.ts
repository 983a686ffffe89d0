import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { sensitivityHtml } from '../../viz/sensitivity-html.js';
import type { SensitivityFile } from '../../sensitivity/run-sensitivity.js';
import { ARTIFACTS, openBrowser, type Browser, setUpOnce } from './browser.js';
import { KPI_INFO } from '../../results/index.js';

const stat = (mean: number, h: number) => ({ mean, sd: h, ci95: [mean - h, mean + h] as [number, number], p10: null, p90: null, n: 20 });
const file: SensitivityFile = {
  format: 'caresim-sensitivity/1',
  scenario: { name: 'Test ICS', hash: 'x' },
  seed: 1,
  replications: 20,
  inputs: [
    { param: 'p1_length', source: 'uncertain', low: 22.6, centre: 24, high: 25.4, unit: 'days' },
    { param: 'frail_crisis', source: 'uncertain', low: 1.64, centre: 1.8, high: 1.96, unit: 'per day' },
    { param: 'p2_beds', source: 'listed', low: 261, centre: 290, high: 319, unit: '' },
  ],
  one_at_a_time: {
    delayed_bed_days_per_day: [
      { param: 'p1_length', low: stat(-12, 3), high: stat(15, 3), swing: 27 },
      { param: 'frail_crisis', low: stat(-4, 2), high: stat(5, 2), swing: 9 },
      { param: 'p2_beds', low: stat(1, 1), high: stat(-0.5, 1), swing: 1.5 },
    ],
  },
  global: {
    delayed_bed_days_per_day: {
      output: 'delayed_bed_days_per_day',
      n: 20,
      r2: 0.8,
      inputs: [
        { input: 'p1_length', prcc: 0.85, prcc_ci95: [0.7, 0.93], srrc: 0.7, srrc_ci95: [0.5, 0.8], share: 0.49 },
        { input: 'frail_crisis', prcc: -0.3, prcc_ci95: [-0.6, 0.1], srrc: -0.2, srrc_ci95: [-0.4, 0.1], share: 0.04 },
      ],
    },
  },
};

let b: Browser;
setUpOnce(async () => {
  const path = join(ARTIFACTS, 'sensitivity.html');
  writeFileSync(path, sensitivityHtml(file, 'Test ICS'));
  b = await openBrowser();
  await b.page.goto(pathToFileURL(path).href);
});
afterAll(async () => {
  await b?.page.screenshot({ path: join(ARTIFACTS, 'sensitivity.png'), fullPage: true });
  await b?.close();
});

describe('sensitivityHtml(file, title) in the browser', () => {
  it('sensitivityHtml draws the one-at-a-time tornado largest swing on top, low and high bars either side of zero', async () => {
    const rows = await b.page.$$eval('#oat-delayed_bed_days_per_day g.row', (gs) =>
      gs.map((g) => {
        const bars = [...g.querySelectorAll('rect.mark')].map((r) => {
          const box = (r as SVGRectElement).getBBox();
          return { side: r.getAttribute('data-side'), x: box.x, w: box.width };
        });
        return {
          input: g.getAttribute('data-input'),
          bars,
          y: (g as SVGGElement).getBBox().y + (g as SVGGElement).transform.baseVal.consolidate()!.matrix.f,
        };
      }),
    );
    expect(rows.map((r) => r.input)).toEqual(['p1_length (22.6–25.4 days)', 'frail_crisis (1.64–1.96 per day)', 'p2_beds (261–319)']);
    expect(rows[0].y).toBeLessThan(rows[1].y);
    const zero = await b.page.$eval('#oat-delayed_bed_days_per_day path.zero', (p) => (p as SVGPathElement).getBBox().x);
    const [low, high] = rows[0].bars;
    expect(low.side).toBe('low');
    expect(low.x + low.w).toBeCloseTo(zero, 0); // the low bar ends at zero (a fall)
    expect(high.x).toBeCloseTo(zero, 0); // the high bar starts there (a rise)
    expect(high.w / low.w).toBeCloseTo(15 / 12, 1);
  });

  it('sensitivityHtml labels plainly: the KPI by its name, the axis with its unit, a PRCC tornado from -1 to 1', async () => {
    // The KPI's plain label from the one KPI table, not its internal name.
    const label = KPI_INFO.delayed_bed_days_per_day!.label;
    expect(label).not.toContain('_');
    expect(await b.page.$eval('section[data-kpi=delayed_bed_days_per_day] h2', (h) => h.textContent)).toBe(label);
    expect(await b.page.$eval('#oat-delayed_bed_days_per_day text.axis-title', (t) => t.textContent)).toBe(
      `Change in ${label.toLowerCase()} (acute beds a day)`,
    );
    const prcc = await b.page.$$eval('#prcc-delayed_bed_days_per_day rect.mark', (rs) =>
      rs.map((r) => Number(r.getAttribute('data-value'))),
    );
    expect(prcc).toEqual([0.85, -0.3]);
    expect(b.errors).toEqual([]);
  });
});
