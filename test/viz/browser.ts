/**
 * Headless Chromium for the viz tests, driven by playwright-core. The browser tests never
 * skip: they use CHROMIUM_PATH when set, Debian's /usr/bin/chromium when installed, and
 * otherwise the Chromium shipped inside the @sparticuz/chromium npm package, so
 * `npm ci && npm test` needs nothing from outside npm.
 */
import { beforeAll, beforeEach } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import type { Results } from '../../results/index.js';
import { reportPage } from '../../viz/node.js';
import { writeFileAtomic } from '../../runner/atomic.js';

export const ARTIFACTS = join(process.cwd(), 'test-artifacts');
const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const PACKAGE = '@sparticuz/chromium';

export interface Browser {
  context: BrowserContext;
  page: Page;
  errors: string[];
  close(): Promise<void>;
}
export interface ChromiumChoice {
  executable: string;
  source: 'CHROMIUM_PATH' | 'system' | 'package';
  env: Record<string, string>;
}

const BUNDLES = ['report.js', 'viewer.js', 'viewer-worker.js'].map((f) => join(process.cwd(), 'dist', f));
const SOURCES = ['viz', 'viz/charts', 'viz/sections', 'engine', 'runner'].map((d) => join(process.cwd(), d));

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

/**
 * Unpacks the packaged Chromium once into node_modules/.cache, keyed by the package's
 * version. The package unpacks into os.tmpdir(), so a child process with TMPDIR pointed at
 * a private staging folder does it; the folder is then renamed into place, so two test
 * files starting together, or a run killed half-way, never leave a half-written binary
 * where the next run would use it.
 */
function packagedChromium(): ChromiumChoice {
  const pkg = join(process.cwd(), 'node_modules', PACKAGE, 'package.json');
  const version = (JSON.parse(readFileSync(pkg, 'utf8')) as { version: string }).version;
  const cache = join(process.cwd(), 'node_modules', '.cache', 'caresim-chromium');
  const dir = join(cache, version);
  if (!existsSync(join(dir, 'chromium'))) {
    mkdirSync(cache, { recursive: true });
    const staging = mkdtempSync(join(cache, 'unpacking-'));
    try {
      const script = `import(${JSON.stringify(PACKAGE)}).then(async (m) => { await m.default.executablePath(); })`;
      execFileSync(process.execPath, ['-e', script], { env: { ...process.env, TMPDIR: staging }, stdio: 'pipe' });
      // Fonts: the machine's own configuration first, then the packaged fonts, so text
      // renders on a machine that has no fonts installed.
      writeFileSync(
        join(staging, 'fonts.conf'),
        [
          '<?xml version="1.0"?>',
          '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
          '<fontconfig>',
          '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
          `  <dir>${join(dir, 'fonts')}</dir>`,
          `  <cachedir>${join(dir, 'fonts-cache')}</cachedir>`,
          '</fontconfig>',
          '',
        ].join('\n'),
      );
      try {
        renameSync(staging, dir);
      } catch (e) {
        // Another test file finished unpacking first: use its copy.
        if (!existsSync(join(dir, 'chromium'))) throw e;
      }
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  return { executable: join(dir, 'chromium'), source: 'package', env: { FONTCONFIG_FILE: join(dir, 'fonts.conf') } };
}

/** Which Chromium the browser tests launch: CHROMIUM_PATH, then Debian's, then the packaged one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env, systemPath = SYSTEM_CHROMIUM): ChromiumChoice {
  const wanted = env.CHROMIUM_PATH;
  if (wanted !== undefined && wanted !== '') {
    if (!existsSync(wanted))
      throw new Error(`CHROMIUM_PATH is set to ${wanted}, which does not exist; unset it to use ${systemPath} or the packaged Chromium.`);
    return { executable: wanted, source: 'CHROMIUM_PATH', env: {} };
  }
  if (existsSync(systemPath)) return { executable: systemPath, source: 'system', env: {} };
  return packagedChromium();
}

/**
 * Runs `setup` once before a file's tests, and makes every test of the file fail with its
 * error: a failing beforeAll would only mark them skipped, and a missing Chromium must show.
 */
export function setUpOnce(setup: () => Promise<void>, timeout?: number): void {
  let failed: Error | undefined;
  beforeAll(async () => {
    try {
      await setup();
    } catch (e) {
      failed = e instanceof Error ? e : new Error(String(e));
    }
  }, timeout);
  beforeEach(() => {
    if (failed) throw failed;
  });
}

export async function openBrowser(): Promise<Browser> {
  const choice = findChromium();
  mkdirSync(ARTIFACTS, { recursive: true });
  buildBundles();
  const profile = mkdtempSync(join(tmpdir(), 'caresim-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: choice.executable,
    headless: true,
    viewport: { width: 1200, height: 900 },
    env: { ...process.env, ...choice.env },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return {
    context,
    page,
    errors,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Writes the report of `r` as ARTIFACTS/`name`, opens it and waits until it has drawn; returns the file. */
export async function showReport(b: Browser, r: Results, name: string): Promise<string> {
  const file = join(ARTIFACTS, name);
  writeFileAtomic(file, await reportPage(r));
  await b.page.goto(pathToFileURL(file).href);
  await b.page.waitForSelector('#report[data-rendered=true]', { timeout: 30_000 });
  return file;
}
