import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { optimiseHtml } from '../../viz/optimise-html.js';
import { runOptimise } from '../../optimise/run-optimise.js';
import type { OptimiseFile } from '../../optimise/output.js';
import { fixture } from '../optimise/problem.js';
import { ARTIFACTS, openBrowser, type Browser, setUpOnce } from './browser.js';

let b: Browser, f: OptimiseFile;
setUpOnce(async () => {
  f = await runOptimise(fixture('erlang-c.yaml').sc, { budget: 400, workers: 0 });
  const path = join(ARTIFACTS, 'optimise.html');
  writeFileSync(path, optimiseHtml(f, 'Erlang C'));
  b = await openBrowser();
  await b.page.goto(pathToFileURL(path).href);
});
afterAll(async () => {
  await b?.page.screenshot({ path: join(ARTIFACTS, 'optimise.png'), fullPage: true });
  await b?.close();
});

describe('optimiseHtml(file, title) in the browser', () => {
  it('optimiseHtml states the result in words and shows the chosen plan against its target first', async () => {
    expect(await b.page.$eval('p.statement', (p) => p.textContent)).toBe(f.statement);
    const rows = await b.page.$$eval('table.plans tr[data-role]', (rs) =>
      rs.map((r) => [r.getAttribute('data-role'), r.querySelector('td')!.textContent, r.getAttribute('data-met')]),
    );
    expect(rows[0]).toEqual(['Chosen plan', 'params.places = 12', 'true']);
    expect(rows.length).toBe(1 + f.runners_up.length);
    expect(await b.page.$eval('pre.strategy', (p) => p.textContent)).toContain('set: { params.places: 12 }');
  });

  it('optimiseHtml draws the trade-off: one point per plan on the curve, falling as cost rises, with the target line', async () => {
    const pts = await b.page.$$eval('#trade-off circle.point', (cs) =>
      cs.map((c) => ({ x: Number(c.getAttribute('cx')), y: Number(c.getAttribute('cy')), met: c.getAttribute('data-met') })),
    );
    expect(pts).toHaveLength(f.trade_off!.points.length);
    for (let i = 1; i < pts.length; i++) {
      expect(pts[i].x).toBeGreaterThan(pts[i - 1].x);
      expect(pts[i].y).toBeGreaterThan(pts[i - 1].y); // a lower P(wait) sits lower on the page (SVG y grows downwards)
    }
    expect(pts.some((p) => p.met === 'true')).toBe(true);
    expect(pts.some((p) => p.met === 'false')).toBe(true);
    expect(await b.page.$$eval('table.evidence tr[data-status]', (rs) => rs.length)).toBe(f.evidence.visited);
    expect(b.errors).toEqual([]);
  });
});
