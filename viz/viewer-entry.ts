/**
 * Browser entry of the live viewer (bundled to dist/viewer.js). For a scenario: ask the
 * server for compiled models with the sliders applied, run the replications in Web
 * Workers, summarise them against the scenario's own baseline (same seeds, so the
 * differences are paired) and redraw the dashboard. When the scenario file changes on
 * disk the server says so (server-sent events): a good edit is re-read and re-run, a broken
 * one is listed with its locations while the last results stay.
 */
import type { ReplicationResult } from '../engine/index.js';
import { type Results, summarise, decode } from '../results/index.js';
import type { Model } from '../engine/index.js';
import { renderDashboard } from './dashboard.js';
import { buildControls, type Controls } from './viewer-controls.js';
import { buildSavePanel } from './viewer-save.js';
import { showProblems } from './viewer-problems.js';
import { Cancelled, ReplicationPool } from './viewer-pool.js';
import type { ModelsReply, ScenarioEvent, ViewerInfo } from './viewer-api.js';

type ScenarioInfo = Extract<ViewerInfo, { mode: 'scenario' }>;
export const PLAN = 'your plan';

const status = document.getElementById('status')!;
const report = document.getElementById('report')!;
const setState = (state: string, text: string) => {
  document.body.dataset.state = state;
  status.textContent = text;
};

function show(results: Results): void {
  // The last results stay inspectable (browser console, tests) as plain data.
  (window as unknown as { caresimResults?: Results }).caresimResults = results;
  report.replaceChildren();
  renderDashboard(report, results);
  report.setAttribute('data-rendered', 'true');
}

async function fetchModels(
  values: Record<string, number>,
  replications: number,
): Promise<{ set: Record<string, string>; models: Model[] }> {
  const res = await fetch('/api/models', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ values, replications }),
  });
  const reply = (await res.json()) as ModelsReply & { error?: string };
  if (!res.ok) throw new Error(reply.error ?? `server answered ${res.status}`);
  return { set: reply.set, models: decode<Model[]>(reply.models) };
}

function live(first: ScenarioInfo): void {
  const pool = new ReplicationPool('/viewer-worker.js', Math.max(1, Math.min(8, navigator.hardwareConcurrency || 2)));
  let info = first;
  let baselines = new Map<number, Promise<ReplicationResult[]>>();
  let generation = 0,
    runs = 0;
  let defaults = Object.fromEntries(info.sliders.map((d) => [d.id, d.value]));
  const baseline = (reps: number) => {
    let p = baselines.get(reps);
    if (!p) {
      p = fetchModels(defaults, reps).then((m) => pool.run(m.models, info.seed));
      p.catch(() => baselines.delete(reps));
      baselines.set(reps, p);
    }
    return p;
  };
  const run = async (controls: Controls) => {
    const mine = ++generation;
    const reps = controls.replications();
    const started = performance.now();
    setState('running', `Running ${reps} replications of your plan in ${pool.size} browser workers…`);
    try {
      const values = controls.values();
      const untouched = info.sliders.every((d) => values[d.id] === d.value);
      const base = await baseline(reps);
      // Sliders at the scenario's values: the plan is the baseline, same seeds, no need to run it twice.
      const plan = untouched ? { set: {}, models: [] } : await fetchModels(values, reps);
      // A newer run may have started while this one waited: starting the pool now would
      // cancel the newer run's tasks, and this run's answer is stale anyway.
      if (mine !== generation) return;
      const reps2 = untouched
        ? base
        : await pool.run(plan.models, info.seed, (n) => {
            if (mine === generation) status.textContent = `Running: ${n} of ${reps} replications done…`;
          });
      if (mine !== generation) return;
      const results = summarise(
        [
          { name: 'baseline', description: 'The scenario as written', set: {}, reps: base },
          { name: PLAN, description: 'The scenario with the slider settings above', set: plan.set, reps: reps2 },
        ],
        {
          scenario: info.scenario,
          engineVersion: info.engineVersion,
          seed: info.seed,
          replications: reps,
          horizonDays: info.horizonDays,
          warmupDays: info.warmupDays,
          startDate: info.startDate,
        },
      );
      show(results);
      document.body.dataset.runs = String(++runs);
      setState(
        'ready',
        `Updated in ${((performance.now() - started) / 1000).toFixed(1)} s (${reps} replications each of baseline and your plan, run in this browser).`,
      );
    } catch (e) {
      if (e instanceof Cancelled || mine !== generation) return;
      setState('error', `Could not run: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const host = document.getElementById('viewer')!;
  const build = () => {
    const controls: Controls = buildControls(host, info.sliders, info.replications, () => void run(controls));
    buildSavePanel(host, info.sliders, () => controls.values());
    void run(controls);
  };
  build();
  // A new good version of the file: read it again and run it as if the page had just opened
  // (its baseline is another model, so no earlier run is reused).
  const reload = async (version: number) => {
    const next = (await (await fetch('/api/info')).json()) as ViewerInfo;
    if (next.mode !== 'scenario' || next.version < version || next.version === info.version) return;
    info = next;
    baselines = new Map();
    defaults = Object.fromEntries(info.sliders.map((d) => [d.id, d.value]));
    document.body.dataset.version = String(info.version);
    build();
  };
  document.body.dataset.version = String(info.version);
  new EventSource('/api/events').onmessage = (m: MessageEvent<string>) => {
    const e = JSON.parse(m.data) as ScenarioEvent;
    showProblems(e.problems);
    if (e.problems.length === 0 && e.version !== info.version)
      reload(e.version).catch((err: unknown) => setState('error', `Could not reload: ${err instanceof Error ? err.message : String(err)}`));
  };
}

async function main(): Promise<void> {
  const info = (await (await fetch('/api/info')).json()) as ViewerInfo;
  if (info.mode === 'results') {
    show(info.results);
    setState('ready', 'Showing a finished run.');
    return;
  }
  live(info);
}

main().catch((e: unknown) => setState('error', `Could not start: ${e instanceof Error ? e.message : String(e)}`));
