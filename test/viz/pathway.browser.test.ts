import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Results } from '../../results/index.js';
import { ARTIFACTS, openBrowser, showReport, type Browser, setUpOnce } from './browser.js';
import { makeResults } from './fixture.js';

let b: Browser, r: Results;

// Without Chromium (or if the page cannot load) every test FAILS with the reason.
setUpOnce(async () => {
  r = makeResults();
  b = await openBrowser();
  await showReport(b, r, 'pathway.html');
});

afterAll(async () => {
  await b?.page.locator('#pathway').screenshot({ path: join(ARTIFACTS, 'pathway.png') });
  await b?.close();
});

interface Band {
  source: string;
  target: string;
  edge: string;
  value: number;
  width: number;
  delayed: boolean;
  stroke: string;
}

async function bands(id: string): Promise<{ bands: Band[]; rows: string[]; units: string[] }> {
  return b.page.$eval(`#${id}`, (fig) => ({
    bands: [...fig.querySelectorAll('path.flow')].map((p) => ({
      source: p.getAttribute('data-source')!,
      target: p.getAttribute('data-target')!,
      edge: p.getAttribute('data-edge')!,
      value: Number(p.getAttribute('data-value')),
      width: Number(p.getAttribute('stroke-width')),
      delayed: p.classList.contains('delayed'),
      stroke: p.getAttribute('stroke')!,
    })),
    rows: [...fig.querySelectorAll('details.data-table tbody tr')].map((tr) => tr.getAttribute('data-edge')!),
    units: [...fig.querySelectorAll('g.node[data-kind=unit]')].map((g) => g.getAttribute('data-node')!),
  }));
}

describe('reportPage(results): the pathway section', () => {
  it('draws the baseline and the strategy side by side, with no page errors', async () => {
    expect(b.errors).toEqual([]);
    expect(await b.page.$$eval('#pathway figure.chart-sankey', (fs) => fs.map((f) => f.id))).toEqual([
      'sankey-baseline',
      'sankey-strategy',
    ]);
  });

  for (const [id, strategy] of [
    ['sankey-baseline', 'baseline'],
    ['sankey-strategy', 'community'],
  ] as const) {
    it(`${id}: every band has its row in the table behind the chart`, async () => {
      const d = await bands(id);
      expect(d.bands.length).toBeGreaterThan(5);
      for (const x of d.bands) expect(d.rows).toContain(x.edge);
      // And every row is drawn.
      for (const row of d.rows) expect(d.bands.some((x) => x.edge === row)).toBe(true);
    });

    it(`${id}: in = out for every unit box, in patients a day and in drawn band widths`, async () => {
      const d = await bands(id);
      expect(d.units.sort()).toEqual(['acute', 'ed', 'p1', 'p2', 'ucr'].map((u) => `unit:${u}`));
      for (const u of d.units) {
        const into = d.bands.filter((x) => x.target === u),
          out = d.bands.filter((x) => x.source === u);
        const sum = (xs: Band[], k: 'value' | 'width') => xs.reduce((a, x) => a + x[k], 0);
        expect(Math.abs(sum(into, 'value') - sum(out, 'value'))).toBeLessThan(1e-9 * sum(into, 'value'));
        // Bands thinner than a pixel are drawn one pixel wide: allow that much per band.
        expect(Math.abs(sum(into, 'width') - sum(out, 'width'))).toBeLessThanOrEqual(into.length + out.length);
      }
    });

    it(`${id}: bands carry the results file's patients a day, delayed bands highlighted`, async () => {
      const d = await bands(id);
      const flows = r.strategies[strategy].flows!;
      for (const f of flows) {
        if (f.from.startsWith('stock:') || f.to.startsWith('stock:')) continue;
        const drawn = d.bands.filter((x) => x.edge === `${f.from}->${f.to}`);
        const total = drawn.reduce((a, x) => a + x.value, 0);
        // A loop is drawn twice (out to "back to", in from "returning to"); each carries the edge.
        const copies = drawn.some((x) => x.target.startsWith('back:')) ? 2 : 1;
        expect(total).toBeCloseTo(copies * f.per_day.mean!, 9);
        const delayed = drawn.filter((x) => x.delayed).reduce((a, x) => a + x.value, 0);
        expect(delayed).toBeCloseTo(copies * (f.delayed_per_day?.mean ?? 0), 9);
      }
      const highlighted = d.bands.filter((x) => x.delayed);
      expect(highlighted.length).toBeGreaterThan(0);
      for (const x of highlighted) expect(x.stroke.toUpperCase()).toBe('#D55E00');
      for (const x of d.bands.filter((y) => !y.delayed)) expect(x.stroke.toUpperCase()).not.toBe('#D55E00');
      expect(await b.page.$eval(`#${id} .legend`, (l) => l.textContent)).toContain('delayed');
    });
  }
});

describe('reportPage(results): the pathway picker', () => {
  it('redraws the right-hand diagram for the strategy chosen', async () => {
    const three = makeResults();
    three.strategies['community-again'] = { ...three.strategies.community, description: 'the same, under another name' };
    await showReport(b, three, 'pathway-picker.html');
    const caption = () => b.page.$eval('#sankey-strategy figcaption', (c) => c.textContent);
    expect(await b.page.$$eval('#pathway .pathway-picker option', (os) => os.map((o) => o.textContent))).toEqual([
      'community',
      'community-again',
    ]);
    expect(await caption()).toBe('community');
    await b.page.selectOption('#pathway .pathway-picker', 'community-again');
    expect(await caption()).toBe('community-again');
    expect(await b.page.$$eval('#pathway figure.chart-sankey', (fs) => fs.length)).toBe(2);
    expect(b.errors).toEqual([]);
  });
});
