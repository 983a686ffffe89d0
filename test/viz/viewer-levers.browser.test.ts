/**
 * The live viewer on a scenario with `levers:`, in real Chromium: one slider per lever, a
 * moved slider re-runs the plan against the baseline, "save this plan" writes a strategy that
 * reproduces the viewer's figures, and the page follows edits of the scenario file on disk.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Results, type SystemKpiName, summariseStrategy } from '../../results/index.js';
import { simulate } from '../../engine/index.js';
import { loadScenarioText } from '../../scenarios/index.js';
import { startViewer, type Viewer } from '../../viz/node.js';
import { ARTIFACTS, openBrowser, type Browser, setUpOnce } from './browser.js';
import { tempDir } from '../temp-dir.js';

const FIXTURE = fileURLToPath(new URL('./fixtures/levers-ics.yaml', import.meta.url));
const PLAN = 'your plan';
const file = join(tempDir('viewer-levers'), 'levers-ics.yaml');
copyFileSync(FIXTURE, file);
const original = readFileSync(file, 'utf8');

let v: Viewer, b: Browser;
const latest = () => b.page.evaluate(() => (window as unknown as { caresimResults: Results }).caresimResults);
const runs = () => b.page.evaluate(() => Number(document.body.dataset.runs ?? 0));
const settle = (run: number) => b.page.waitForSelector(`body[data-runs="${run}"][data-state=ready]`, { timeout: 90_000 });
const sliderValue = (id: string) => b.page.$eval(`#slider-${id}`, (e) => (e as HTMLInputElement).value);

setUpOnce(async () => {
  v = await startViewer({ file, port: 0 });
  b = await openBrowser();
  await b.page.goto(v.url);
  await settle(1);
});
afterAll(async () => {
  await b?.close();
  await v?.close();
});

describe('startViewer({ file: scenario with levers }) in a browser', () => {
  it('shows one slider per lever, labelled as the scenario says, at the scenario value', async () => {
    const sliders = await b.page.$$eval('input[type=range]', (xs) =>
      xs.map((x) => [x.id, (x as HTMLInputElement).value, x.closest('label')!.querySelector('span > span')!.textContent]),
    );
    expect(sliders).toEqual([
      ['slider-lever-handoff_factor', '1', "Hand-off delays (x today's): "],
      ['slider-lever-ucr_day', '3', 'UCR responders by day: '],
      ['slider-lever-ucr_night', '1', 'UCR responders at night: '],
      ['slider-lever-acute_beds', '72', 'Acute beds: '],
    ]);
  });

  it('after faster hand-offs (slider to its lowest), shows fewer delayed bed-days than baseline', async () => {
    const before = await runs();
    await b.page.focus('#slider-lever-handoff_factor');
    await b.page.keyboard.press('Home');
    await settle(before + 1);
    const r = await latest();
    expect(r.strategies[PLAN].set).toEqual({ 'params.handoff_factor': '0.25' });
    expect(r.differences[PLAN].delayed_bed_days_per_day!.ci95[1]!).toBeLessThan(0);
  });

  it('the UCR day and night rosters move separately: more night responders reach more patients within 2 hours', async () => {
    const before = await runs();
    await b.page.focus('#slider-lever-ucr_night');
    await b.page.keyboard.press('End');
    await settle(before + 1);
    const r = await latest();
    expect(r.strategies[PLAN].set).toEqual({ 'params.handoff_factor': '0.25', 'params.ucr_night': '4' });
    expect(await sliderValue('lever-ucr_day')).toBe('3');
    expect(r.differences[PLAN].ucr_within_2h!.ci95[0]!).toBeGreaterThan(0);
  });

  it('"save this plan" writes a strategy that, pasted into the scenario, reproduces the figures of the page (same seed)', async () => {
    await b.page.fill('#plan-name', 'Night cover');
    await b.page.fill('#plan-description', 'Faster hand-offs, full night cover');
    await b.page.click('#save-plan');
    const yaml = (await b.page.textContent('#plan-yaml'))!;
    expect(yaml).toBe(
      '  night-cover:\n    description: "Faster hand-offs, full night cover"\n    set:\n      params.handoff_factor: 0.25\n      params.ucr_night: 4\n',
    );
    expect(await b.page.getAttribute('#plan-download', 'download')).toBe('night-cover.yaml');
    const r = await latest();
    const sc = loadScenarioText(original.replace('strategies:\n', `strategies:\n${yaml}`), file);
    const st = sc.strategies.find((s) => s.name === 'night-cover')!;
    expect(st.description).toBe('Faster hand-offs, full night cover');
    const reps = Array.from({ length: r.replications }, (_, i) => simulate(st.modelFor(sc.seed, i), { seed: sc.seed, replication: i }));
    const node = JSON.parse(
      JSON.stringify(summariseStrategy(reps, { description: '', set: {} }).kpis),
    ) as Results['strategies'][string]['kpis'];
    for (const [kpi, s] of Object.entries(node)) {
      const got = r.strategies[PLAN].kpis[kpi as SystemKpiName]!;
      if (s.mean === null) expect(got.mean).toBeNull();
      // Chromium's and Node's V8 may differ in the last bit of some Math functions.
      else expect([kpi, Math.abs(got.mean! - s.mean) <= 1e-9 * Math.max(1, Math.abs(s.mean))]).toEqual([kpi, true]);
    }
  });

  it('re-reads and re-runs when the scenario file changes on disk', async () => {
    const before = await runs();
    writeFileSync(file, original.replace('acute_beds: 72', 'acute_beds: 80'));
    await b.page.waitForSelector('body[data-version="1"]', { timeout: 30_000 });
    await settle(before + 1);
    expect(await sliderValue('lever-acute_beds')).toBe('80');
    const r = await latest();
    // The new baseline: 80 acute beds in every day of its capacity.
    expect(new Set(r.strategies.baseline.daily.acute.capacity)).toEqual(new Set([80]));
    expect(b.errors).toEqual([]);
  });

  it('shows the located errors of a broken edit and keeps the last good results; a fixed file clears them', async () => {
    const good = await latest();
    const before = await runs();
    const broken = original.replace('acute_beds: 72', 'acute_beds: 80').replace('params.ucr_day: {', 'params.ucr_dya: {');
    writeFileSync(file, broken);
    await b.page.waitForSelector('#scenario-errors', { timeout: 30_000 });
    const line = broken.split('\n').findIndex((l) => l.includes('params.ucr_dya')) + 1;
    const text = (await b.page.textContent('#scenario-errors'))!;
    expect(text).toContain(`levers-ics.yaml:${line}:3`);
    expect(text).toMatch(/there is no param `ucr_dya`.*hint: did you mean `ucr_day`/s);
    expect(await b.page.getAttribute('body', 'data-scenario')).toBe('broken');
    expect(await runs()).toBe(before);
    expect(await latest()).toEqual(good);
    await b.page.screenshot({ path: join(ARTIFACTS, 'viewer-levers-error.png'), fullPage: true });
    writeFileSync(file, original);
    await b.page.waitForSelector('body[data-version="2"][data-scenario=ok]', { timeout: 30_000 });
    await settle(before + 1);
    expect(await b.page.$('#scenario-errors')).toBeNull();
    expect(await sliderValue('lever-acute_beds')).toBe('72');
    expect(b.errors).toEqual([]);
  });
});
