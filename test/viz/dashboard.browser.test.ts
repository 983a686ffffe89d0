import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Results, Stat } from '../../results/index.js';
import { mainStrategies } from '../../viz/data.js';
import { displayedResolution, parseDisplayed } from '../../viz/format.js';
import { ARTIFACTS, openBrowser, showReport, type Browser, setUpOnce } from './browser.js';
import { makeResults } from './fixture.js';

let b: Browser, r: Results;
// The order of the summary, written out here rather than imported, so a change in the code cannot move it unseen.
const ORDER = ['better', 'trade-off', 'no clear difference', 'worse'];
const diffOf = (s: string, k: string) => (r.differences[s] as Record<string, Stat>)[k];

setUpOnce(async () => {
  r = makeResults({ sweep: true, labelled: true });
  r.warnings = [
    {
      code: 'queue-growing',
      strategy: 'community',
      unit: 'p1',
      message: 'the queue of `p1` in strategy `community` is still growing over the measured period',
    },
  ];
  b = await openBrowser();
  await showReport(b, r, 'board.html');
});

afterAll(async () => {
  await b?.page.screenshot({ path: join(ARTIFACTS, 'board.png') });
  await b?.close();
});

describe('renderDashboard(root, results) with labels and outcome ranges', () => {
  it('renders without errors, the summary first', async () => {
    expect(b.errors).toEqual([]);
    const first = await b.page.$eval('#report > section', (s) => s.id);
    expect(first).toBe('summary');
  });

  it('lists every strategy in the summary in verdict order, then by net cost, each with the CI of its finding', async () => {
    const items = await b.page.$$eval('#summary li[data-strategy]', (lis) =>
      lis.map((li) => ({
        strategy: li.getAttribute('data-strategy')!,
        verdict: li.getAttribute('data-verdict')!,
        kpi: li.getAttribute('data-kpi')!,
        name: li.querySelector('.summary-name')!.textContent,
        finding: li.querySelector('.finding')!.textContent,
        net: li.querySelector('.net-cost')!.getAttribute('data-net'),
      })),
    );
    const expected = mainStrategies(r).filter((s) => s !== 'baseline');
    expect(items.map((i) => i.strategy).sort()).toEqual([...expected].sort());
    const ranks = items.map((i) => ORDER.indexOf(i.verdict));
    expect(ranks).toEqual([...ranks].sort((a, c) => a - c));
    for (let i = 1; i < items.length; i++) {
      if (items[i].verdict === items[i - 1].verdict && items[i].net !== null && items[i - 1].net !== null)
        expect(Number(items[i].net)).toBeGreaterThanOrEqual(Number(items[i - 1].net));
    }
    for (const item of items) {
      expect(item.verdict).toBe(r.strategies[item.strategy].verdict!.verdict);
      expect(item.name).toBe(r.labels!.strategies![item.strategy]);
      // The bracket holds the 95% CI of the paired difference, as sizes of the move (or signed when it spans zero).
      const d = diffOf(item.strategy, item.kpi);
      const bracket = /\(([^()]*?)(?:–| to )([^()]*?)\)/.exec(item.finding)!;
      expect(bracket).not.toBeNull();
      const percent = item.kpi === 'acute_occupancy' || item.kpi === 'ucr_within_2h' ? 100 : 1;
      const shown = [parseDisplayed(bracket[1]), parseDisplayed(bracket[2])].sort((a, c) => a - c);
      const fall = d.mean! < 0;
      const truth = [d.ci95[0]! * percent, d.ci95[1]! * percent].map((x) => (fall ? -x : x)).sort((a, c) => a - c);
      shown.forEach((x, i) => expect(Math.abs(x - truth[i])).toBeLessThanOrEqual(displayedResolution(bracket[1 + i]) + 1e-9));
    }
  });

  it('shows no internal name outside the methods and the data tables', async () => {
    const labels = r.labels!;
    const names = new Set<string>([
      ...Object.keys(r.strategies),
      ...Object.keys(r.strategies.baseline.units),
      ...Object.keys(r.strategies.baseline.population ?? {}),
      ...(r.sweep?.paths ?? []),
      ...Object.values(r.strategies).flatMap((s) => Object.keys(s.set ?? {})),
    ]);
    // An English word its own label uses ("acute" in "Acute beds", "baseline") is plain already; "p1" is not.
    const plain = (n: string) =>
      /^[a-z]+$/.test(n) &&
      Object.values(labels).some(
        (t: Record<string, string> | undefined) => t?.[n] !== undefined && new RegExp(`\\b${n}\\b`, 'i').test(t[n]),
      );
    const internal = [...names].filter((n) => !plain(n));
    expect(internal).toContain('p1');
    expect(internal).toContain('fewer_acute');
    expect(internal).toContain('units.p1.capacity');
    const texts = await b.page.evaluate(() => {
      const out: string[] = [];
      const walk = document.createTreeWalker(document.getElementById('report')!, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        const el = n.parentElement!;
        if (el.closest('#methods, details.data-table, script, style')) continue;
        out.push(n.textContent ?? '');
      }
      // Option labels and tooltips are read too.
      return out;
    });
    const all = texts.join('\n');
    for (const n of internal) {
      const re = new RegExp(`(^|[^A-Za-z0-9_.])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_])`);
      expect(re.test(all), `"${n}" shown: ${all.match(new RegExp(`.{0,40}${n.replace(/\./g, '\\.')}.{0,40}`))?.[0]}`).toBe(false);
    }
    expect(all).toContain('the queue of Home care (P1) in strategy More community capacity');
  });

  it('draws every chart with data, and each downloads as an SVG with marks, and as a PNG', async () => {
    const ids = await b.page.$$eval('figure.chart', (fs) => fs.map((f) => f.id));
    expect(ids.length).toBeGreaterThan(8);
    for (const [i, id] of ids.entries()) {
      // Chromium lets one page start about ten downloads, then blocks the rest as automatic
      // downloads: a fresh load of the report every eight keeps each click a new page's.
      if (i > 0 && i % 8 === 0) {
        await b.page.reload();
        await b.page.waitForSelector('#report[data-rendered=true]', { timeout: 30_000 });
      }
      const bound = await b.page.$eval(
        `[id="${id}"]`,
        (f) =>
          [...f.querySelectorAll('svg .mean, svg .band, svg circle, svg rect.mark')].filter(
            (e) => (e as unknown as { __data__?: unknown }).__data__ !== undefined,
          ).length,
      );
      expect(bound, id).toBeGreaterThan(0);
      const [download] = await Promise.all([b.page.waitForEvent('download'), b.page.click(`[id="${id}"] .download-svg`)]);
      expect(download.suggestedFilename()).toBe(`${id}.svg`);
      const text = readFileSync(await download.path(), 'utf8');
      const parsed = await b.page.evaluate((t) => {
        const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
        return {
          error: doc.querySelector('parsererror') !== null,
          root: doc.documentElement.nodeName,
          marks: doc.querySelectorAll('path, rect, circle').length,
          styled: (doc.querySelector('style')?.textContent ?? '').includes('.axis'),
        };
      }, text);
      expect(parsed, id).toEqual({ error: false, root: 'svg', marks: parsed.marks, styled: true });
      expect(parsed.marks, id).toBeGreaterThan(2);
    }
    const [png] = await Promise.all([b.page.waitForEvent('download'), b.page.click(`[id="${ids[0]}"] .download-png`)]);
    const bytes = readFileSync(await png.path());
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.suggestedFilename()).toBe(`${ids[0]}.png`);
  });

  it('draws the 10th–90th percentile bands at the values of the results file, on the axis scale', async () => {
    const bars = await b.page.$$eval('#ucr-standard g.bar', (gs) =>
      gs.map((g) => ({
        strategy: g.getAttribute('data-strategy')!,
        x: Number(g.querySelector('rect.range')?.getAttribute('x')),
        width: Number(g.querySelector('rect.range')?.getAttribute('width')),
      })),
    );
    const ticks = await b.page.$$eval('#ucr-standard .axis.x .tick', (ts) =>
      ts.map((t) => ({ at: Number(/translate\(([-\d.]+)/.exec(t.getAttribute('transform')!)![1]), label: t.textContent })),
    );
    // The axis is linear: two ticks give its scale.
    const [t0, t1] = [ticks[0], ticks[ticks.length - 1]];
    const v0 = parseDisplayed(t0.label),
      v1 = parseDisplayed(t1.label);
    const scale = (v: number) => t0.at + ((v - v0) / (v1 - v0)) * (t1.at - t0.at);
    expect(bars.length).toBe(mainStrategies(r).length);
    for (const bar of bars) {
      const s = r.strategies[bar.strategy].kpis.ucr_within_2h as Stat & { p10: number; p90: number };
      // d3 puts ticks half a pixel off for crisp lines; the band's width has no such offset.
      expect(Math.abs(bar.x - scale(s.p10 * 100))).toBeLessThanOrEqual(0.5 + 1e-6);
      expect(Math.abs(bar.width - (scale(s.p90 * 100) - scale(s.p10 * 100)))).toBeLessThan(1e-6);
    }
    const cards = await b.page.$$eval('.card .range', (ps) =>
      ps.map((p) => ({
        kpi: p.closest('.card')!.getAttribute('data-kpi')!,
        strategy: p.closest('.card')!.getAttribute('data-strategy')!,
        avoided: p.closest('.card')!.getAttribute('data-avoided') === 'true',
        text: p.textContent,
      })),
    );
    expect(cards.length).toBeGreaterThan(10);
    for (const c of cards.filter((x) => !x.avoided && x.kpi === 'delayed_bed_days_per_day')) {
      const s = (r.strategies[c.strategy].kpis as Record<string, Stat & { p10: number; p90: number }>)[c.kpi];
      const [lo, hi] = c.text.replace('a year could range ', '').split(' to ');
      expect(Math.abs(parseDisplayed(lo) - s.p10)).toBeLessThanOrEqual(displayedResolution(lo) + 1e-9);
      expect(Math.abs(parseDisplayed(hi) - s.p90)).toBeLessThanOrEqual(displayedResolution(hi) + 1e-9);
    }
  });

  it('scales the acute occupancy axis to the data, with the 92% and 95% lines, and marks the baseline on sweeps', async () => {
    const fan = await b.page.$eval('#fan-acute', (f) => ({
      domain: f.querySelector('svg')!.getAttribute('data-y-domain')!.split(',').map(Number),
      refs: [...f.querySelectorAll('.series[data-strategy=baseline] path.occupancy-ref')].map((p) => Number(p.getAttribute('data-share'))),
      panels: f.querySelectorAll('.series.panel').length,
    }));
    const acute = r.strategies.baseline.daily.acute;
    const lowest = Math.min(...acute.occupancy.p05.filter((x) => x !== null));
    const highest = Math.max(...acute.occupancy.p95.filter((x) => x !== null), ...acute.capacity);
    // Everything drawn is inside the axis, and the axis does not run far beyond it.
    expect(fan.domain[0]).toBeLessThanOrEqual(Math.min(lowest, 0.92 * Math.min(...acute.capacity)));
    expect(fan.domain[1]).toBeGreaterThanOrEqual(highest);
    expect(fan.domain[1]).toBeLessThanOrEqual(highest * 1.2);
    expect(fan.refs).toEqual([0.92, 0.95]);
    expect(fan.panels).toBe(mainStrategies(r).length);
    // Beside the baseline: the strategy the summary puts first.
    const top = await b.page.$eval('#summary li[data-strategy]', (li) => li.getAttribute('data-strategy'));
    const visible = await b.page.$$eval('#fan-acute .series.panel', (gs) =>
      gs.filter((g) => (g as SVGGElement).style.display !== 'none').map((g) => g.getAttribute('data-strategy')),
    );
    expect(visible).toEqual(['baseline', top]);
    expect(await b.page.$$eval('figure.chart-fan:not(#fan-acute) path.occupancy-ref', (p) => p.length)).toBe(0);
    const rings = await b.page.$$eval('figure.chart-sweep circle.baseline-point', (cs) =>
      cs.map((c) => Number(c.getAttribute('data-mean'))),
    );
    expect(rings.length).toBeGreaterThan(0);
    expect(rings[0]).toBe(r.strategies.baseline.kpis.delayed_bed_days_per_day!.mean);
    expect(await b.page.$eval('#ucr-standard .ref', (g) => g.getAttribute('data-value'))).toBe('0.7');
  });

  it('compares any two strategies, saying when the interval is not paired', async () => {
    await b.page.selectOption('#compare-two select.pick-a', 'community');
    await b.page.selectOption('#compare-two select.pick-b', 'fewer_acute');
    const rows = await b.page.$$eval('#compare-two tbody tr', (trs) =>
      trs.map((t) => ({
        kpi: t.getAttribute('data-kpi')!,
        mean: Number(t.getAttribute('data-diff-mean')),
        paired: t.getAttribute('data-paired'),
      })),
    );
    expect(rows.length).toBeGreaterThan(4);
    for (const row of rows) {
      expect(row.paired).toBe('false');
      const a = (r.strategies.community.kpis as Record<string, Stat>)[row.kpi].mean!,
        c = (r.strategies.fewer_acute.kpis as Record<string, Stat>)[row.kpi].mean!;
      expect(row.mean).toBeCloseTo(c - a, 9);
    }
    expect(await b.page.textContent('#compare-two .pair-note')).toContain('as if they were independent');
    await b.page.selectOption('#compare-two select.pick-a', 'baseline');
    expect(await b.page.$$eval('#compare-two tbody tr', (trs) => trs.every((t) => t.getAttribute('data-paired') === 'true'))).toBe(true);
  });

  it('prints the board brief on two A4 pages: summary and key chart, then methods', async () => {
    await b.page.emulateMedia({ media: 'print' });
    const full = await b.page.pdf({ format: 'A4', printBackground: true });
    await b.page.evaluate(() => document.body.classList.add('brief'));
    const shown = await b.page.evaluate(() =>
      ['#summary', '#headline', '#methods', '#fan-acute', '#waits', '.downloads'].map(
        (s) => getComputedStyle(document.querySelector(s)!).display,
      ),
    );
    expect(shown.map((d) => d !== 'none')).toEqual([true, false, true, true, false, false]);
    const brief = await b.page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    expect(pages(brief)).toBe(2);
    expect(pages(full)).toBeGreaterThan(2);
    await b.page.evaluate(() => document.body.classList.remove('brief'));
    await b.page.emulateMedia({ media: 'screen' });
  });
});
