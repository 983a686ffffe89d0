import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode } from '../../results/index.js';
import type { Model } from '../../engine/model.js';
import { startViewer, type Viewer } from '../../viz/node.js';
import { makeResults } from './fixture.js';
import { loadScenario } from '../../scenarios/index.js';
import { libraryFile } from '../../cli/paths.js';

const SCENARIO = fileURLToPath(new URL('./fixtures/small-ics.yaml', import.meta.url));

function call(
  url: string,
  opts: { method?: string; host?: string; origin?: string; body?: unknown } = {},
): Promise<{ status: number; text: string }> {
  const u = new URL(url);
  const headers: Record<string, string> = { host: opts.host ?? u.host, 'content-type': 'application/json' };
  if (opts.origin !== undefined) headers.origin = opts.origin;
  return new Promise((resolve, reject) => {
    const req = request({ hostname: u.hostname, port: u.port, path: u.pathname, method: opts.method ?? 'GET', headers }, (res) => {
      let text = '';
      res.on('data', (c) => {
        text += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
    });
    req.on('error', reject);
    req.end(opts.body === undefined ? undefined : JSON.stringify(opts.body));
  });
}

describe('startViewer({ file: scenario })', () => {
  let v: Viewer;
  beforeAll(async () => {
    v = await startViewer({ file: SCENARIO, port: 0 });
  });
  afterAll(async () => {
    await v?.close();
  });

  it('listens on the loopback address only', () => {
    expect(v.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('refuses requests addressed to another host name (DNS rebinding)', async () => {
    expect((await call(`${v.url}api/info`, { host: 'attacker.example:80' })).status).toBe(403);
    expect((await call(`${v.url}api/info`)).status).toBe(200);
  });

  it('refuses a POST from a page on another site, and takes one from its own page or without Origin', async () => {
    const body = { values: {}, replications: 1 };
    for (const origin of [
      'http://attacker.example',
      'null',
      `http://127.0.0.1:${new URL(v.url).port}.attacker.example`,
      'http://127.0.0.1:1',
    ]) {
      expect((await call(`${v.url}api/models`, { method: 'POST', origin, body })).status, origin).toBe(403);
    }
    expect((await call(`${v.url}api/models`, { method: 'POST', origin: v.url.replace(/\/$/, ''), body })).status).toBe(200);
    expect((await call(`${v.url}api/models`, { method: 'POST', origin: `http://localhost:${new URL(v.url).port}`, body })).status).toBe(
      200,
    );
    expect((await call(`${v.url}api/models`, { method: 'POST', body })).status).toBe(200);
  });

  it('serves sliders for the capacities of the scenario', async () => {
    const info = JSON.parse((await call(`${v.url}api/info`)).text);
    expect(info.mode).toBe('scenario');
    expect(info.sliders.map((s: { id: string }) => s.id)).toEqual(['acute', 'p1', 'p2', 'ucr', 'crisis']);
    expect(info.sliders[0].value).toBe(72);
  });

  it('compiles one model per replication with the slider values applied', async () => {
    const plain = JSON.parse((await call(`${v.url}api/models`, { method: 'POST', body: { values: {}, replications: 3 } })).text);
    const moved = JSON.parse(
      (await call(`${v.url}api/models`, { method: 'POST', body: { values: { acute: 90, crisis: 50 }, replications: 3 } })).text,
    );
    const a = decode<Model[]>(plain.models),
      b = decode<Model[]>(moved.models);
    expect(a).toHaveLength(3);
    expect(a[0].units.find((u) => u.name === 'ed')!.capacity).toBe(Infinity);
    expect(b.map((m) => m.units.find((u) => u.name === 'acute')!.capacity)).toEqual([90, 90, 90]);
    a[0].cohorts.forEach((c, i) => expect(b[0].cohorts[i].crisis).toBeCloseTo(c.crisis / 2, 15));
    expect(moved.set).toEqual({ 'units.acute.capacity': '90', 'crisis rates': '50% lower' });
  });

  it('answers a malformed request with 400 and unknown paths with 404', async () => {
    expect((await call(`${v.url}api/models`, { method: 'POST', body: undefined })).status).toBe(400);
    expect((await call(`${v.url}nothing`)).status).toBe(404);
  });
});

describe('startViewer({ file: results.json })', () => {
  it('serves the finished results as they are', async () => {
    const r = makeResults({ reps: 3 });
    const dir = join(process.cwd(), 'test-artifacts');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'viewer-results.json');
    writeFileSync(file, JSON.stringify(r));
    const v = await startViewer({ file });
    try {
      const info = JSON.parse((await call(`${v.url}api/info`)).text);
      expect(info).toEqual({ mode: 'results', results: r });
    } finally {
      await v.close();
    }
  });

  it('rejects an invalid scenario before serving', async () => {
    const file = join(process.cwd(), 'test-artifacts', 'bad-scenario.yaml');
    writeFileSync(file, 'caresim: 1\nname: bad\nunits:\n  acute: { kind: bedz }\n');
    await expect(startViewer({ file })).rejects.toThrow();
  });
});

describe('startViewer({ file: the default ICS, with levers })', () => {
  it('offers its levers as sliders and compiles a moved lever exactly as the same --set would', async () => {
    const file = libraryFile('ics-default.yaml')!;
    const v = await startViewer({ file });
    try {
      const info = JSON.parse((await call(`${v.url}api/info`)).text) as { sliders: { id: string; value: number }[]; seed: number };
      expect(info.sliders.map((d) => d.id)).toEqual(expect.arrayContaining(['lever-handoff_factor', 'lever-ucr_day', 'lever-ucr_night']));
      expect(info.sliders.some((d) => d.id === 'crisis')).toBe(false);
      const reply = JSON.parse(
        (
          await call(`${v.url}api/models`, {
            method: 'POST',
            body: { values: { 'lever-handoff_factor': 0.5, 'lever-ucr_night': 6 }, replications: 2 },
          })
        ).text,
      );
      expect(reply.set).toEqual({ 'params.handoff_factor': '0.5', 'params.ucr_night': '6' });
      const s = loadScenario(file, { set: ['params.handoff_factor=0.5', 'params.ucr_night=6'] });
      const models = decode<Model[]>(reply.models);
      expect(models).toEqual([0, 1].map((r) => s.strategies[0].modelFor(info.seed, r)));
      // And the levers did change the model: not the scenario as written.
      expect(models[0]).not.toEqual(loadScenario(file).strategies[0].modelFor(info.seed, 0));
    } finally {
      await v.close();
    }
  });
});
