/**
 * Finds the browser bundles (dist/report.js, dist/viewer.js, dist/viewer-worker.js) next
 * to the running CLI bundle, or in dist/ when running from source. If they are missing
 * (a source checkout that was never built) they are built in memory with esbuild.
 */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type BundleName = 'report' | 'viewer' | 'viewer-worker';

const ENTRIES: Record<BundleName, string> = { report: 'report-entry.ts', viewer: 'viewer-entry.ts', 'viewer-worker': 'viewer-worker.ts' };

const cache = new Map<BundleName, string>();

function candidates(name: BundleName): string[] {
  return [new URL(`./${name}.js`, import.meta.url), new URL(`../dist/${name}.js`, import.meta.url)]
    .filter((u) => u.protocol === 'file:')
    .map((u) => fileURLToPath(u));
}

export async function loadBundle(name: BundleName): Promise<string> {
  const hit = cache.get(name);
  if (hit !== undefined) return hit;
  const file = candidates(name).find((f) => existsSync(f));
  const code = file ? readFileSync(file, 'utf8') : await buildInMemory(name);
  cache.set(name, code);
  return code;
}

async function buildInMemory(name: BundleName): Promise<string> {
  const source = ENTRIES[name];
  const entry = ['./', '../viz/'].map((p) => fileURLToPath(new URL(p + source, import.meta.url))).find((f) => existsSync(f));
  if (!entry) throw new Error(`the browser bundle ${name}.js is missing: run "npm run build"`);
  // A computed specifier keeps esbuild (a development dependency) out of the CLI bundle.
  const specifier = 'esbuild';
  const esbuild = (await import(specifier)) as typeof import('esbuild');
  const out = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return out.outputFiles[0].text;
}
