// What build.mjs leaves out of start-up: the built CLI, run as users run it, with Node's own
// record of what it loaded and a count of the Intl.Segmenters built.
import { beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ensureBuilt, library, root, runCli } from './cli/cli-process.js';
import { tempDir } from './temp-dir.js';

interface Probed {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Intl.Segmenters built: each copy of string-width builds one when it is loaded. */
  segmenters: number;
  /** Whether the main thread loaded Node's crypto module. */
  crypto: boolean;
}

/** Counts Intl.Segmenters built and says whether crypto was loaded, when the process exits. */
const PROBE = [
  'const Real = Intl.Segmenter; let built = 0;',
  'Intl.Segmenter = class extends Real { constructor(...a) { super(...a); built++; } };',
  "process.on('exit', () => process.stderr.write(",
  "  `\\nprobe: ${built} ${process.moduleLoadList.includes('NativeModule crypto')}\\n`));",
].join('\n');
let probe: string;

beforeAll(() => {
  ensureBuilt();
  probe = join(tempDir('probe'), 'probe.mjs');
  writeFileSync(probe, PROBE);
});

function probed(args: string[]): Probed {
  const r = runCli(args, { NODE_OPTIONS: `--import=${pathToFileURL(probe).href}` });
  const m = /probe: (\d+) (true|false)/.exec(r.stderr);
  expect(m, r.stderr).not.toBeNull();
  return { ...r, segmenters: Number(m![1]), crypto: m![2] === 'true' };
}

describe('string-width, loaded only for text beyond printable ASCII', () => {
  it('is not loaded by a command that prints no help, nor for help of printable ASCII', () => {
    expect(probed(['--version']).segmenters).toBe(0);
    const check = probed(['check', library('model-b.yaml')]);
    expect(check.code).toBe(0);
    expect(check.segmenters).toBe(0);
    const help = probed(['check', '--help']);
    expect(help.stdout).toContain('caresim check');
    expect(help.segmenters).toBe(0);
  });

  it('is loaded for help beyond ASCII, which it lays out in the same columns', () => {
    const help = probed(['sensitivity', '--help']);
    expect(help.code).toBe(0);
    expect(help.segmenters).toBeGreaterThan(0);
    const vary = help.stdout.split('\n').find((l) => l.includes('--vary'));
    expect(vary).toContain('±');
    // The options table ends each row with its type in one column: `±` measured as one column.
    const rows = help.stdout.split('\n').filter((l) => /^\s+(-\w, )?--\w+.*\[\w+\]$/.test(l));
    expect(rows.length).toBeGreaterThan(5);
    expect(rows).toContain(vary);
    expect(new Set(rows.map((l) => l.length)).size).toBe(1);
  });
});

describe("seedrandom without Node's crypto", () => {
  it('runs a scenario in the main thread without loading it', () => {
    const out = join(tempDir('no-crypto'), 'r.json');
    const r = probed(['run', library('mm1.yaml'), '--reps', '3', '--workers', '0', '-q', '--fresh', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.crypto).toBe(false);
    expect(probed(['--version']).crypto).toBe(false);
  });
});

describe('the bundles Node loads for the CLI, the library and the workers', () => {
  it('are ASCII, which Node decodes and V8 holds as one byte a character', () => {
    const dist = join(root, 'dist');
    const bundles = readdirSync(dist).filter((f) => f.startsWith('chunk-') || ['cli.js', 'index.js', 'worker.js'].includes(f));
    expect(bundles.length).toBeGreaterThan(5);
    for (const f of bundles) {
      const text = readFileSync(join(dist, f), 'utf8');
      const at = text.search(/[\u0080-\uffff]/);
      expect({ f, beyondAscii: at < 0 ? null : text.slice(Math.max(0, at - 40), at + 40) }).toEqual({ f, beyondAscii: null });
    }
  });
});
