import { afterAll, describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { HEADLINE_KPIS, type Results, type SystemKpiName, summariseStrategy } from '../../results/index.js';
import { simulate } from '../../engine/index.js';
import { loadScenario } from '../../scenarios/index.js';
import { startViewer, type Viewer } from '../../viz/node.js';
import { ARTIFACTS, openBrowser, type Browser, setUpOnce } from './browser.js';
import { makeResults } from './fixture.js';

const SCENARIO = fileURLToPath(new URL('./fixtures/small-ics.yaml', import.meta.url));
const PLAN = 'your plan';

let v: Viewer, b: Browser;
const latest = () => b.page.evaluate(() => (window as unknown as { caresimResults: Results }).caresimResults);
const runs = () => b.page.evaluate(() => Number(document.body.dataset.runs ?? 0));

async function settle(run: number): Promise<number> {
  const t = Date.now();
  await b.page.waitForSelector(`body[data-runs="${run}"][data-state=ready]`, { timeout: 60_000 });
  return (Date.now() - t) / 1000;
}

// Without Chromium (or if the page cannot load) every test FAILS with the reason.
setUpOnce(async () => {
  v = await startViewer({ file: SCENARIO, port: 0 });
  b = await openBrowser();
  await b.page.goto(v.url);
  await settle(1);
});

afterAll(async () => {
  await b?.close();
  await v?.close();
});

describe('startViewer({ file: scenario }) in a browser', () => {
  it('runs the replications in Web Workers and matches the engine run in Node', async () => {
    expect(b.errors).toEqual([]);
    const r = await latest();
    const s = loadScenario(SCENARIO);
    const reps = Array.from({ length: r.replications }, (_, i) =>
      simulate(s.strategies[0].modelFor(s.seed, i), { seed: s.seed, replication: i }),
    );
    const node = summariseStrategy(reps, { description: '', set: {} });
    // Same pure function, same random streams: the same sample paths. Chromium's and Node's
    // V8 differ in the last bit of some Math functions, so sums agree to ~1e-15, not bit for bit.
    const expected = JSON.parse(JSON.stringify(node.kpis)) as Results['strategies'][string]['kpis'];
    expect(Object.keys(r.strategies.baseline.kpis)).toEqual(Object.keys(expected));
    for (const [kpi, st] of Object.entries(expected)) {
      const got = r.strategies.baseline.kpis[kpi as SystemKpiName]!;
      if (st.mean === null) {
        expect(got.mean).toBeNull();
        continue;
      }
      expect(Math.abs(got.mean! - st.mean)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(st.mean)));
      expect(got.n).toBe(st.n);
    }
  });

  it('opens with the plan equal to the scenario, every paired difference zero', async () => {
    const r = await latest();
    expect(r.strategies[PLAN].set).toEqual({});
    for (const [kpi, d] of Object.entries(r.differences[PLAN])) {
      if (d.mean !== null) expect([kpi, d.mean]).toEqual([kpi, 0]);
    }
  });

  it('after more acute beds (keyboard on the slider), shows fewer patients waiting for a bed, within seconds', async () => {
    const before = await runs();
    await b.page.focus('#slider-acute');
    await b.page.keyboard.press('End');
    const seconds = await settle(before + 1);
    expect(seconds).toBeLessThan(30);
    const r = await latest();
    expect(r.strategies[PLAN].set['units.acute.capacity']).toBe(await b.page.$eval('#slider-acute', (e) => (e as HTMLInputElement).max));
    const wait = r.differences[PLAN].acute_waiting_mean!;
    expect(wait.ci95[1]!).toBeLessThan(0);
    // The chart shows it too: the plan's bar is shorter than baseline's.
    const bars = await b.page.$$eval('#waiting-lists .bar[data-group=acute_waiting_mean] rect.mark', (rs) =>
      rs.map((e) => ({ s: e.parentElement!.getAttribute('data-strategy'), w: Number(e.getAttribute('width')) })),
    );
    const w = Object.fromEntries(bars.map((x) => [x.s, x.w]));
    expect(w[PLAN]).toBeLessThan(w.baseline);
  });

  it('settles on the last value when a slider is moved several times in a row', async () => {
    await b.page.focus('#slider-p2');
    for (let i = 0; i < 6; i++) await b.page.keyboard.press('ArrowRight');
    const want = await b.page.$eval('#slider-p2', (e) => (e as HTMLInputElement).value);
    await b.page.waitForFunction(
      (v) => {
        const r = (window as unknown as { caresimResults?: Results }).caresimResults;
        return document.body.dataset.state === 'ready' && r?.strategies['your plan']?.set['units.p2.capacity'] === v;
      },
      want,
      { timeout: 60_000 },
    );
    expect(b.errors).toEqual([]);
  });

  it('after fewer UCR responders, reaches fewer patients within 2 hours', async () => {
    const before = await runs();
    await b.page.focus('#slider-ucr');
    await b.page.keyboard.press('Home');
    await settle(before + 1);
    const r = await latest();
    expect(r.differences[PLAN].ucr_within_2h!.ci95[1]!).toBeLessThan(0);
    expect(b.errors).toEqual([]);
    await b.page.screenshot({ path: join(ARTIFACTS, 'viewer.png'), fullPage: true });
  });
});

describe('startViewer({ file: results.json }) in a browser', () => {
  it('shows the finished run with the cards of the file', async () => {
    const r = makeResults({ reps: 3 });
    const file = join(ARTIFACTS, 'viewer-results-browser.json');
    writeFileSync(file, JSON.stringify(r));
    const shown = await startViewer({ file });
    try {
      await b.page.goto(shown.url);
      await b.page.waitForSelector('body[data-state=ready] #report[data-rendered=true]', { timeout: 30_000 });
      const means = await b.page.$$eval('.card[data-strategy=baseline] .value[data-mean]', (vs) =>
        vs.map((v) => [v.closest('.card')!.getAttribute('data-kpi'), Number(v.getAttribute('data-mean'))]),
      );
      // Cards of headline KPIs the model does not answer (the fixture's ED has no spaces, so no occupancy) carry no mean.
      const answered = HEADLINE_KPIS.filter((k) => r.strategies.baseline.kpis[k]?.mean != null);
      expect(Object.fromEntries(means)).toEqual(Object.fromEntries(answered.map((k) => [k, r.strategies.baseline.kpis[k]!.mean])));
      expect(await b.page.$$('#controls input, input[type=range]')).toHaveLength(0);
    } finally {
      await shown.close();
    }
  });
});
