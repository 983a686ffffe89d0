/**
 * The live viewer's server: loopback only, a handful of routes. For a scenario it compiles
 * models with the slider values applied as `--set` overrides and hands them to the page,
 * whose Web Workers run the engine; for a results file it serves the file as it is.
 * It watches the scenario file and tells the page (server-sent events) when an edit is
 * ready to re-run, or what is wrong with it.
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { encode, ENGINE_VERSION } from '../results/index.js';
import { loadScenario, ScenarioError } from '../scenarios/index.js';
import { loadBundle } from './bundle.js';
import { applyOverrides, leverSliders, overridesFor, slidersFor } from './sliders.js';
import {
  MAX_VIEWER_REPLICATIONS,
  type ModelsReply,
  type ModelsRequest,
  type ScenarioEvent,
  type ScenarioProblem,
  type ViewerInfo,
} from './viewer-api.js';
import { watchFile } from './scenario-watch.js';
import { viewerHtml } from './viewer-html.js';
import { isJournalFile, readResultsFile } from './results-file.js';
import { globalSensitivity } from './global-sensitivity.js';
import type { ReportData } from './attachments.js';

/** A finished run shown as the report shows it, with the global sensitivity of its draws. */
function withSensitivity(r: ReportData): ReportData {
  if (r.draws && r.draws.params.length > 0) r.global_sensitivity = globalSensitivity(r);
  return r;
}

const HOST = '127.0.0.1';
const MAX_BODY = 64 * 1024;

type Reply = { status: number; type: string; body: string };

const json = (value: unknown, status = 200): Reply => ({
  status,
  type: 'application/json; charset=utf-8',
  body: typeof value === 'string' ? value : JSON.stringify(value),
});

/** Info for the page; loading the scenario here also reports a bad file before serving. */
function infoFor(file: string, version = 0): ViewerInfo {
  // A journal (`.ndjson`) is refused as the results reader refuses it, not read as a scenario.
  if (/\.json$/i.test(file) || isJournalFile(file)) return { mode: 'results', results: withSensitivity(readResultsFile(file)) };
  const s = loadScenario(file);
  const reps = s.replications === 'auto' ? 8 : Math.max(4, Math.min(8, s.replications));
  return {
    mode: 'scenario',
    scenario: { name: s.name, hash: s.hash, file: s.file, assumptions: s.assumptions },
    engineVersion: ENGINE_VERSION,
    seed: s.seed,
    horizonDays: s.horizonDays,
    warmupDays: s.warmupDays,
    startDate: s.startDate,
    replications: reps,
    sliders: s.levers ? leverSliders(s.levers) : slidersFor(s.strategies[0].model),
    version,
  };
}

/** Baseline models with the slider overrides, one per replication. */
export function modelsFor(file: string, info: Extract<ViewerInfo, { mode: 'scenario' }>, req: ModelsRequest): ModelsReply {
  const o = overridesFor(info.sliders, req.values ?? {});
  const s = loadScenario(file, { set: o.set });
  const base = s.strategies[0];
  const reps = Math.max(1, Math.min(MAX_VIEWER_REPLICATIONS, Math.floor(req.replications) || info.replications));
  const models = Array.from({ length: reps }, (_, r) => applyOverrides(base.modelFor(s.seed, r), o));
  return { set: o.changes, models: encode(models) };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        reject(new Error('request too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function route(req: IncomingMessage, file: string, info: ViewerInfo): Promise<Reply> {
  // (info is the last good version of the scenario: a broken edit leaves it as it was.)
  const path = new URL(req.url ?? '/', 'http://x').pathname;
  if (req.method === 'GET' && path === '/') {
    const title = info.mode === 'results' ? info.results.scenario.name : info.scenario.name;
    return { status: 200, type: 'text/html; charset=utf-8', body: viewerHtml(title) };
  }
  if (req.method === 'GET' && (path === '/viewer.js' || path === '/viewer-worker.js')) {
    return {
      status: 200,
      type: 'text/javascript; charset=utf-8',
      body: await loadBundle(path === '/viewer.js' ? 'viewer' : 'viewer-worker'),
    };
  }
  if (req.method === 'GET' && path === '/api/info') return json(info);
  if (path === '/favicon.ico') return { status: 204, type: 'image/x-icon', body: '' };
  if (req.method === 'POST' && path === '/api/models' && info.mode === 'scenario') {
    const body = JSON.parse(await readBody(req)) as ModelsRequest;
    return json(modelsFor(file, info, body));
  }
  return { status: 404, type: 'text/plain; charset=utf-8', body: 'not found' };
}

/** Only pages addressed to this server by a loopback name may talk to it (no DNS rebinding). */
function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = req.headers.host ?? '';
  return host === `${HOST}:${port}` || host === `localhost:${port}`;
}

/**
 * A POST must come from the viewer's own page: a page on another site can send a simple
 * cross-site POST to 127.0.0.1 (the browser only hides the answer), so a request whose
 * Origin is not this server is refused. Requests without Origin (curl, the CLI) are not
 * from a browser page and pass.
 */
function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (req.method === 'GET' || req.method === 'HEAD' || origin === undefined) return true;
  return origin === `http://${HOST}:${port}` || origin === `http://localhost:${port}`;
}

function openBrowser(url: string): void {
  const cmd = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  // No browser is fine: the CLI prints the address anyway.
  const child = spawn(cmd, [url], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
}

/** A broken scenario's errors as the page lists them. */
function problemsOf(e: unknown): ScenarioProblem[] {
  if (e instanceof ScenarioError) {
    return e.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => ({
        where: `${d.file}:${d.line}:${d.col}`,
        message: d.message,
        path: d.path,
        ...(d.expected ? { expected: d.expected } : {}),
        ...(d.hint ? { hint: d.hint } : {}),
      }));
  }
  return [{ where: '', message: e instanceof Error ? e.message : String(e), path: '' }];
}

/** The scenario as last read: good info to serve, and the problems of the file on disk now. */
class LiveScenario {
  private readonly clients = new Set<ServerResponse>();
  private event: ScenarioEvent = { version: 0, problems: [] };
  private stop: () => void = () => undefined;

  constructor(
    private readonly file: string,
    public info: ViewerInfo,
  ) {
    if (info.mode === 'scenario') this.stop = watchFile(file, () => this.reread());
  }

  private reread(): void {
    try {
      this.info = infoFor(this.file, this.event.version + 1);
      this.event = { version: this.event.version + 1, problems: [] };
    } catch (e) {
      this.event = { version: this.event.version, problems: problemsOf(e) };
    }
    for (const c of this.clients) this.send(c);
  }

  private send(res: ServerResponse): void {
    res.write(`data: ${JSON.stringify(this.event)}\n\n`);
  }

  /** A page listening for changes (server-sent events). */
  listen(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', connection: 'keep-alive' });
    this.clients.add(res);
    req.on('close', () => this.clients.delete(res));
    this.send(res);
  }

  close(): void {
    this.stop();
    for (const c of this.clients) c.end();
    this.clients.clear();
  }
}

export async function serveViewer(file: string, port: number, open: boolean): Promise<{ url: string; close(): Promise<void> }> {
  const live = new LiveScenario(file, infoFor(file));
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const actual = (server.address() as AddressInfo).port;
    if (!hostAllowed(req, actual) || !originAllowed(req, actual)) {
      res.writeHead(403).end('forbidden');
      return;
    }
    if (req.method === 'GET' && req.url === '/api/events') {
      live.listen(req, res);
      return;
    }
    route(req, file, live.info).then(
      (r) => res.writeHead(r.status, { 'content-type': r.type, 'cache-control': 'no-store' }).end(r.body),
      (e: unknown) =>
        res
          .writeHead(400, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: e instanceof Error ? e.message : String(e) })),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e) => {
      live.close();
      reject(e);
    });
    server.listen(port, HOST, () => resolve());
  });
  const url = `http://${HOST}:${(server.address() as AddressInfo).port}/`;
  if (open) openBrowser(url);
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        live.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
