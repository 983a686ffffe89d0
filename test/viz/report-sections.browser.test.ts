/**
 * The board report's sections for which inputs matter and the cheapest plan, in real
 * Chromium: the PRCC tornado from the run's draws, the one-at-a-time tornado and the
 * optimisation result from the files given with --sensitivity and --optimise.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeStream } from '../../engine/index.js';
import type { Results } from '../../results/index.js';
import { runOptimise } from '../../optimise/run-optimise.js';
import type { OptimiseFile } from '../../optimise/output.js';
import type { SensitivityFile } from '../../sensitivity/run-sensitivity.js';
import { globalSensitivity } from '../../viz/global-sensitivity.js';
import { reportPage } from '../../viz/node.js';
import { writeFileAtomic } from '../../runner/atomic.js';
import { fixture } from '../optimise/problem.js';
import { ARTIFACTS, openBrowser, setUpOnce, type Browser } from './browser.js';
import { makeResults } from './fixture.js';
import { economicResults } from './economic-results.js';
import { economicRows } from '../../viz/economics.js';

/** A run whose draws drive delayed discharges as 3a - b (c does nothing), with plain labels for a and b. */
function withDraws(n: number): Results {
  const rng = makeStream(3, 0, 'report-sections');
  const values = Array.from({ length: n }, () => [rng.next(), rng.next(), rng.next()]);
  const r = makeResults({ reps: 3 });
  return Object.assign(r, {
    draws: {
      params: ['a', 'b', 'c'],
      values,
      kpis: {
        delayed_bed_days_per_day: values.map(([a, b], i) => 3 * a - b + 0.05 * Math.sin(i)),
        cost_per_day: values.map(([, , c], i) => 1000 + c + 0.05 * Math.cos(i)),
      },
    },
    labels: { params: { a: 'Length of a home-care package', b: 'Frail crisis rate' } },
  });
}

const stat = (mean: number, h: number) => ({ mean, sd: h, ci95: [mean - h, mean + h] as [number, number], p10: null, p90: null, n: 20 });
const sens = (hash: string): SensitivityFile => ({
  format: 'caresim-sensitivity/1',
  scenario: { name: 'Test ICS', hash },
  seed: 1,
  replications: 20,
  inputs: [
    { param: 'p1_length', source: 'uncertain', low: 22.6, centre: 24, high: 25.4, unit: 'days' },
    { param: 'p2_beds', source: 'listed', low: 261, centre: 290, high: 319, unit: '' },
  ],
  one_at_a_time: {
    delayed_bed_days_per_day: [
      { param: 'p1_length', low: stat(-12, 3), high: stat(15, 3), swing: 27 },
      { param: 'p2_beds', low: stat(1, 1), high: stat(-0.5, 1), swing: 1.5 },
    ],
  },
});

let b: Browser, r: Results, opt: OptimiseFile;
const open = async (name: string, results: Results, attached = {}) => {
  const file = join(ARTIFACTS, name);
  writeFileAtomic(file, await reportPage(results, attached));
  await b.page.goto(pathToFileURL(file).href);
  await b.page.waitForSelector('#report[data-rendered=true]', { timeout: 30_000 });
};

setUpOnce(async () => {
  r = withDraws(40);
  opt = await runOptimise(fixture('erlang-c.yaml').sc, { budget: 400, workers: 0 });
  b = await openBrowser();
  await open('report-sections.html', r, { optimise: opt, sensitivity: sens(r.scenario.hash) });
});
afterAll(async () => {
  await b?.page.screenshot({ path: join(ARTIFACTS, 'report-sections.png'), fullPage: true });
  await b?.close();
});

describe('reportPage(results with draws, { optimise, sensitivity }) in the browser', () => {
  it('draws the PRCC tornado of each KPI in rank order, with the values globalSensitivity computes from the file', async () => {
    const g = globalSensitivity(r);
    if (!g.shown) throw new Error(g.reason);
    for (const k of g.kpis) {
      const bars = await b.page.$$eval(`#global-sensitivity svg#prcc-${k.output} g.row`, (rows) =>
        rows.map((row) => [row.getAttribute('data-input'), Number(row.querySelector('rect.mark')!.getAttribute('data-value'))]),
      );
      const label = (p: string) => (r as { labels?: { params: Record<string, string> } }).labels!.params[p] ?? p;
      expect(bars).toEqual(k.inputs.map((i) => [label(i.input), i.prcc]));
      const sizes = bars.map(([, v]) => Math.abs(v as number));
      expect(sizes).toEqual([...sizes].sort((x, y) => y - x));
    }
    // The known answer: a drives delayed discharges up, b down, c hardly at all.
    const first = await b.page.$$eval('#global-sensitivity svg#prcc-delayed_bed_days_per_day g.row', (rows) =>
      rows.map((row) => row.getAttribute('data-input')),
    );
    expect(first).toEqual(['Length of a home-care package', 'Frail crisis rate', 'c']);
  });

  it('shows one KPI at a time, chosen in the list, with the table of the numbers behind it', async () => {
    const visible = () =>
      b.page.$$eval('#global-sensitivity figure[data-kpi]', (fs) =>
        fs.filter((f) => !(f as HTMLElement).hidden).map((f) => f.getAttribute('data-kpi')),
      );
    expect(await visible()).toEqual(['delayed_bed_days_per_day']);
    await b.page.selectOption('#global-sensitivity select.sensitivity-kpi', 'cost_per_day');
    expect(await visible()).toEqual(['cost_per_day']);
    const cells = await b.page.$$eval('#global-sensitivity figure[data-kpi=cost_per_day] table tbody tr', (rows) =>
      rows.map((row) => [...row.querySelectorAll('td')].map((td) => td.textContent)),
    );
    const g = globalSensitivity(r);
    const cost = g.shown ? g.kpis.find((k) => k.output === 'cost_per_day')! : null;
    expect(cells.map((c) => [c[1], c[2]])).toEqual(cost!.inputs.map((i) => [i.input, i.prcc.toFixed(2)]));
  });

  it('lists the chosen plan of the optimisation file with its figures, then the runners-up', async () => {
    const rows = await b.page.$$eval('#optimisation table.plans tr[data-role]', (rs) =>
      rs.map((row) => [row.getAttribute('data-role'), ...[...row.querySelectorAll('td')].map((td) => td.textContent)]),
    );
    const c = opt.chosen!;
    expect(rows[0][0]).toBe('Chosen plan');
    expect(rows[0][1]).toBe(
      Object.entries(c.values)
        .map(([k, v]) => `${k} = ${v}`)
        .join(', '),
    );
    // Three significant figures, whole numbers from 100 up, as the stand-alone page prints them.
    const fmt = (v: number) => (Math.abs(v) >= 100 ? Math.round(v).toLocaleString('en-GB') : Number(v.toPrecision(3)).toString());
    expect(rows[0][2]).toBe(`${fmt(c.objective.mean)} (${fmt(c.objective.ci95[0])} to ${fmt(c.objective.ci95[1])})`);
    expect(rows[0][rows[0].length - 1]).toBe(String(c.replications));
    expect(rows.length).toBe(1 + opt.runners_up.length);
    expect(await b.page.$eval('#optimisation p.statement', (p) => p.textContent)).toBe(opt.statement);
    expect(await b.page.$eval('#optimisation pre.strategy', (p) => p.textContent)).toBe(opt.strategy_yaml);
  });

  it('draws the one-at-a-time tornado of the sensitivity file, largest swing first, bars equal to its differences', async () => {
    const bars = await b.page.$$eval('#sensitivity svg#oat-delayed_bed_days_per_day rect.mark', (rs) =>
      rs.map((x) => [x.closest('g.row')!.getAttribute('data-input'), x.getAttribute('data-side'), Number(x.getAttribute('data-value'))]),
    );
    expect(bars).toEqual([
      ['p1_length (22.6–25.4 days)', 'low', -12],
      ['p1_length (22.6–25.4 days)', 'high', 15],
      ['p2_beds (261–319)', 'low', 1],
      ['p2_beds (261–319)', 'high', -0.5],
    ]);
    expect(b.errors).toEqual([]);
  });

  it('says why no tornado is drawn for a run with too few replications', async () => {
    await open('report-sections-few.html', withDraws(12));
    const text = await b.page.$eval('#global-sensitivity p.not-shown', (p) => p.textContent);
    expect(text).toMatch(/from 20 replications up .* this run has 12/);
    expect(await b.page.$$('#global-sensitivity svg')).toHaveLength(0);
    expect(await b.page.$$('#optimisation, #sensitivity')).toHaveLength(0);
  });

  it('shows a real sensitivity file whose KPIs partly did not vary (null r2 and PRCC) without an error, saying which are left out', async () => {
    // Written by `caresim sensitivity test/sensitivity/fixtures/demand.yaml --reps 4`.
    const real = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', 'attach-sensitivity.json'), 'utf8')) as SensitivityFile;
    await open('report-sections-flat.html', r, { sensitivity: real });
    expect(b.errors).toEqual([]);
    const flat = await b.page.$$eval('#sensitivity section.sens-kpi:has(p.not-varied)', (ss) => ss.map((x) => x.getAttribute('data-kpi')));
    expect(flat).toEqual(['delayed_bed_days_per_day', 'waits_12h_per_day']);
    expect(await b.page.$$('#sensitivity svg#prcc-acute_occupancy rect.mark')).toHaveLength(2);
  });

  it('shows the economic case of every strategy, each cell the paired figure of the results file, and words where it has none', async () => {
    const econ = await economicResults();
    await open('report-economics.html', econ);
    expect(b.errors).toEqual([]);
    const shown = await b.page.$$eval('#economics table.economics-table tbody tr', (rows) =>
      rows.map((row) => ({
        strategy: row.getAttribute('data-strategy'),
        cells: [...row.querySelectorAll('td')].map((td) => ({
          kpi: td.getAttribute('data-kpi'),
          mean: td.getAttribute('data-mean'),
          text: td.querySelector('.value, .no-value')!.textContent,
          // Word joiners keep a sign with its number; the text is the same without them.
          ci: td.querySelector('.ci')?.textContent?.replaceAll('\u2060', '') ?? '',
        })),
      })),
    );
    const want = economicRows(econ);
    expect(shown.map((x) => x.strategy)).toEqual(['more-p1', 'close-beds', 'close-now', 'faster']);
    shown.forEach((row, i) => {
      expect(row.cells.map((c) => c.kpi)).toEqual(want.kpis);
      row.cells.forEach((c, j) => {
        const file = (econ.differences[row.strategy!] as Record<string, { mean: number | null }>)[c.kpi!].mean;
        expect(c.mean).toBe(file === null ? '' : String(file));
        expect([c.text, c.ci]).toEqual([want.rows[i].cells[j].text, want.rows[i].cells[j].ci]);
      });
    });
    const headings = await b.page.$$eval('#economics thead th', (ths) => ths.map((t) => t.textContent));
    expect(headings.slice(0, 3)).toEqual(['Strategy', 'Change in cost / year', 'One-off cost']);
  });
});
