/**
 * Headless Chromium for the viz tests, driven by playwright-core. The browser tests never
 * skip: without Chromium they fail and say how to install it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS = join(process.cwd(), 'test-artifacts');

export interface Browser { context: BrowserContext; page: Page; errors: string[]; close(): Promise<void> }

const BUNDLES = ['report.js', 'viewer.js', 'viewer-worker.js'].map((f) => join(process.cwd(), 'dist', f));
const SOURCES = ['viz', 'viz/charts', 'engine', 'runner'].map((d) => join(process.cwd(), d));

function newestSource(): number {
  let newest = 0;
  for (const dir of SOURCES) {
    for (const f of readdirSync(dir)) if (f.endsWith('.ts')) newest = Math.max(newest, statSync(join(dir, f)).mtimeMs);
  }
  return newest;
}

/**
 * Rebuilds dist/ when a browser bundle is older than the source it comes from, so the page
 * runs the current code. `npm test` builds first, so in CI nothing is rewritten while
 * other suites run the CLI bundle.
 */
export function buildBundles(): void {
  const stale = BUNDLES.some((b) => !existsSync(b) || statSync(b).mtimeMs < newestSource());
  if (stale) execFileSync(process.execPath, ['build.mjs'], { cwd: process.cwd(), stdio: 'pipe' });
}

export async function openBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}; the browser tests need it (Debian: apt-get install -y chromium, or set CHROMIUM_PATH).`);
  }
  mkdirSync(ARTIFACTS, { recursive: true });
  buildBundles();
  const profile = mkdtempSync(join(tmpdir(), 'caresim-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM, headless: true, viewport: { width: 1200, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const page = context.pages()[0] ?? await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  return {
    context, page, errors,
    close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}
