import { afterAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { type Results, type SystemKpiName, HEADLINE_KPIS, kpiInfo } from '../../results/index.js';
import { differenceRows, mainStrategies, strategyNames, sweepPoints } from '../../viz/data.js';
import { displayedResolution, parseDisplayed } from '../../viz/format.js';
import { ARTIFACTS, openBrowser, showReport, type Browser, setUpOnce } from './browser.js';
import { makeResults } from './fixture.js';

let b: Browser, r: Results;
const requests: string[] = [];

// Without Chromium (or if the page cannot load) every test FAILS with the reason.
setUpOnce(async () => {
  r = makeResults({ sweep: true });
  r.warnings = [
    {
      code: 'queue-growing',
      strategy: 'baseline',
      unit: 'acute',
      message: 'the queue of `acute` is still growing over the measured period',
      slope_per_day: 2,
      p_value: 1e-5,
    },
  ];
  r.scenario_warnings = [
    {
      code: 'overloaded',
      key: 'units.p1',
      line: 12,
      col: 3,
      message: 'offered load of `p1` is 1.02 at its peak',
      hint: 'add places to `p1`',
    },
  ];
  b = await openBrowser();
  b.page.on('request', (req) => requests.push(req.url()));
  await showReport(b, r, 'report.html');
});

afterAll(async () => {
  await b?.page.screenshot({ path: join(ARTIFACTS, 'report.png'), fullPage: true });
  await b?.close();
});

describe('reportPage(results) opened from file://', () => {
  it('renders without errors and without fetching anything but the file itself', () => {
    expect(b.errors).toEqual([]);
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
  });

  it("shows each strategy's verdict under its heading, as the results file gives it, and none for the baseline", async () => {
    const shown = await b.page.$$eval('.strategy-cards', (blocks) =>
      blocks.map((x) => [x.getAttribute('data-strategy'), x.querySelector('.verdict-line')?.getAttribute('data-verdict') ?? null]),
    );
    expect(shown.length).toBe(strategyNames(r).length);
    for (const [s, verdict] of shown) expect(verdict).toBe(r.strategies[s!].verdict?.verdict ?? null);
    expect(shown.filter(([, v]) => v !== null).length).toBe(strategyNames(r).length - 1);
  });

  it('draws every chart with marks bound to the results data and a table behind it', async () => {
    const charts = await b.page.$$eval('figure.chart', (figs) =>
      figs.map((f) => ({
        kind: f.getAttribute('data-chart'),
        bound: [...f.querySelectorAll('svg .mean, svg .band, svg circle, svg rect.mark')].filter(
          (e) => (e as unknown as { __data__?: unknown }).__data__ !== undefined,
        ).length,
        rows: f.querySelectorAll('details.data-table tbody tr').length,
        focusable: f.getAttribute('tabindex'),
        axisTitles: [...f.querySelectorAll('.axis-title')].map((t) => t.textContent),
      })),
    );
    expect(new Set(charts.map((c) => c.kind))).toEqual(new Set(['compare', 'fan', 'bars', 'sweep', 'sankey']));
    for (const c of charts) {
      expect(c.bound).toBeGreaterThan(0);
      expect(c.rows).toBeGreaterThan(0);
      expect(c.focusable).toBe('0');
    }
    for (const c of charts.filter((x) => x.kind === 'fan' || x.kind === 'bars' || x.kind === 'sweep'))
      expect(c.axisTitles.length).toBeGreaterThan(0);
  });

  it('binds each fan chart mean line to the daily means of its unit and strategy', async () => {
    const lines = await b.page.$$eval('figure.chart-fan .series', (gs) =>
      gs.map((g) => ({
        unit: g.closest('figure')!.getAttribute('data-unit')!,
        strategy: g.getAttribute('data-strategy')!,
        means: (g.querySelector('.mean') as unknown as { __data__: { mean: number }[] }).__data__.map((p) => p.mean),
        warmup:
          (g.closest('figure')!.querySelector('.warmup-line') as unknown as { __data__: { mean: number }[] } | null)?.__data__.length ?? 0,
      })),
    );
    const units = Object.keys(r.strategies.baseline.daily);
    expect(lines).toHaveLength(units.length * mainStrategies(r).length);
    for (const l of lines) {
      // The report carries daily series rounded to 0.01 places (see compact.ts).
      const expected = r.strategies[l.strategy].daily[l.unit].occupancy.mean;
      expect(l.means).toHaveLength(expected.length);
      l.means.forEach((m, i) => expect(Math.abs(m - expected[i])).toBeLessThanOrEqual(0.005 + 1e-12));
      expect(l.warmup).toBe(r.warmup_days);
    }
  });

  it('plots every paired difference of the headline KPIs and every sweep point', async () => {
    const dots = await b.page.$$eval('figure.chart-compare circle.diff', (cs) =>
      cs.map((c) => (c as unknown as { __data__: { kpi: SystemKpiName; strategy: string; diff: { mean: number } } }).__data__),
    );
    const expected = differenceRows(r);
    expect(dots).toHaveLength(expected.length);
    for (const d of dots) expect(d.diff.mean).toBe(r.differences[d.strategy][d.kpi]!.mean);
    const sweep = await b.page.$$eval('figure.chart-sweep', (fs) =>
      fs.map((f) => ({ kpi: f.getAttribute('data-kpi')!, n: f.querySelectorAll('circle.point').length })),
    );
    expect(sweep.map((s) => s.kpi)).toEqual(HEADLINE_KPIS.filter((k) => sweepPoints(r, k).length > 0));
    for (const s of sweep) expect(s.n).toBe(3);
  });

  it('shows on each card the numbers of the results file, within the rounding shown', async () => {
    const cards = await b.page.$$eval('.card', (cs) =>
      cs.map((c) => ({
        kpi: c.getAttribute('data-kpi')! as SystemKpiName,
        strategy: c.getAttribute('data-strategy')!,
        number: c.querySelector('.number')?.textContent ?? null,
        ci: c.querySelector('.ci')?.textContent ?? '',
        diff: c.querySelector('.diff-text')?.textContent ?? null,
        avoided: c.getAttribute('data-avoided') === 'true',
        context: c.querySelector('.context')?.textContent ?? '',
      })),
    );
    expect(cards).toHaveLength(HEADLINE_KPIS.length * strategyNames(r).length);
    expect(cards.filter((c) => c.avoided)).toHaveLength(strategyNames(r).length - 1);
    // Shares are shown as percentages and time in ED in hours; the results file keeps fractions and days.
    const close = (shown: string, value: number, scale: number) => {
      expect(Math.abs(parseDisplayed(shown) - value * scale)).toBeLessThanOrEqual(displayedResolution(shown) + 1e-9);
    };
    for (const c of cards) {
      if (c.avoided) {
        // Admissions avoided lead with baseline minus strategy, the paired difference negated.
        const d = r.differences[c.strategy][c.kpi]!;
        close(c.number!, -d.mean!, 1);
        const [lo, hi] = c.ci.replace('95% CI ', '').split(' to ');
        close(lo, -d.ci95[1]!, 1);
        close(hi, -d.ci95[0]!, 1);
        expect(c.context).toContain(`admissions: `);
        continue;
      }
      const s = r.strategies[c.strategy].kpis[c.kpi];
      // A headline KPI the model does not answer (the fixture's ED has no spaces, so no occupancy).
      if (s?.mean == null) {
        expect(c.number).toBeNull();
        continue;
      }
      const kind = kpiInfo(c.kpi).kind;
      const scale = kind === 'fraction' ? 100 : kind === 'hours' ? 24 : 1;
      close(c.number!, s.mean, scale);
      const [lo, hi] = c.ci.replace('95% CI ', '').split(' to ');
      close(lo, s.ci95[0]!, scale);
      close(hi, s.ci95[1]!, scale);
      if (c.strategy === 'baseline') {
        expect(c.diff).toBeNull();
        continue;
      }
      const d = r.differences[c.strategy][c.kpi]!;
      if (c.diff!.startsWith('no difference')) {
        expect([d.mean, d.ci95[0], d.ci95[1]]).toEqual([0, 0, 0]);
        continue;
      }
      close(c.diff!.split(' ')[0], d.mean!, scale);
    }
  });

  it('shows the warnings about the run before the headline results', async () => {
    expect(await b.page.textContent('#warnings li[data-code=queue-growing]')).toBe(
      'the queue of acute is still growing over the measured period',
    );
    // The scenario's warnings from check, in plain names with the line of the file.
    expect(await b.page.textContent('#warnings ul.check li[data-code=overloaded]')).toBe(
      'offered load of p1 is 1.02 at its peak (scenario line 12; add places to p1)',
    );
    expect(
      await b.page.evaluate(
        () => !!(document.querySelector('#warnings')!.compareDocumentPosition(document.querySelector('#headline')!) & 4),
      ),
    ).toBe(true);
  });

  it('prints the methods panel from the results file', async () => {
    const text = await b.page.textContent('#methods');
    for (const needle of [
      r.scenario.name,
      r.scenario.hash,
      String(r.replications),
      `${r.warmup_days} days`,
      String(r.seed),
      r.engine.version,
      ...r.scenario.assumptions,
    ]) {
      expect(text).toContain(needle);
    }
  });

  it('is reachable by keyboard: tabbing lands on cards and charts', async () => {
    const seen = new Set<string>();
    for (let i = 0; i < 40; i++) {
      await b.page.keyboard.press('Tab');
      seen.add(
        await b.page.evaluate(() => {
          const a = document.activeElement;
          return a?.classList.contains('card') ? 'card' : a?.matches('figure.chart') ? 'chart' : (a?.tagName.toLowerCase() ?? '');
        }),
      );
    }
    expect(seen).toContain('card');
    expect(seen).toContain('chart');
  });

  it('prints on A4 with the tables folded away', async () => {
    await b.page.emulateMedia({ media: 'print' });
    const hidden = await b.page.$$eval('details.data-table', (ds) => ds.every((d) => getComputedStyle(d).display === 'none'));
    expect(hidden).toBe(true);
    const pdf = await b.page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    await b.page.emulateMedia({ media: 'screen' });
  });
});
