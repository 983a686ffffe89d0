// Bundles the CLI, the worker, the library and the benchmarks into dist/ (one file each): start-up time
// matters because users run the CLI many times and benchmarks time whole processes.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// Bundled CommonJS dependencies may call require() for Node built-ins.
const banner = { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" };

const node = [
  ['runner/worker.ts', 'dist/worker.js'],
  ['bench/main.ts', 'dist/bench.js'],
  ['bench/model-run.ts', 'dist/bench-model.js'],
  ['bench/runner-scaling.ts', 'dist/runner-scaling.js'],
  ['bench/compile.ts', 'dist/bench-compile.js'],
  ['bench/fit.ts', 'dist/bench-fit.js'],
  ['bench/large-ics.ts', 'dist/bench-large.js'],
  ['examples/generate-extracts.ts', 'dist/generate-extracts.js'],
];
const browser = [
  ['viz/report-entry.ts', 'dist/report.js'],
  ['viz/viewer-entry.ts', 'dist/viewer.js'],
  ['viz/viewer-worker.ts', 'dist/viewer-worker.js'],
];

mkdirSync('dist', { recursive: true });
for (const f of readdirSync('dist')) if (f.startsWith('chunk-')) rmSync(join('dist', f));
/**
 * PERF: string-width (in yargs, cliui and wrap-ansi, for laying out help) builds an
 * Intl.Segmenter and Unicode regular expressions when it is loaded, 35-40 ms of every
 * command's start-up. Each `import ... from 'string-width'` gets a front that answers for
 * printable ASCII (cli/text-width.ts) and `require`s the importer's own copy for other
 * text; a module reached only by `require` is wrapped by the bundler and evaluated at its
 * first call, so a command that prints no help never loads it (docs/decisions.md).
 */
const lazyStringWidth = {
  name: 'lazy-string-width',
  setup(b) {
    const front = resolve('cli/text-width.ts');
    b.onResolve({ filter: /^string-width$/ }, async (args) => {
      // A `require` (cli-progress's older copy, without the Segmenter) wants the function itself.
      if (args.pluginData === 'own copy' || args.kind !== 'import-statement') return undefined;
      const own = await b.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'own copy' });
      if (own.errors.length > 0) return { errors: own.errors };
      // Relative, so that no path of the machine that built it lands in the bundle's comments.
      return { path: relative(process.cwd(), own.path), namespace: 'string-width-front' };
    });
    b.onLoad({ filter: /./, namespace: 'string-width-front' }, (args) => ({
      resolveDir: dirname(resolve(args.path)),
      loader: 'js',
      contents: [
        `import { asciiWidth } from ${JSON.stringify(front)};`,
        'let own;',
        'export default function stringWidth(text, options) {',
        '  const width = asciiWidth(text);',
        `  if (width !== undefined) return width;`,
        `  own ??= require(${JSON.stringify(resolve(args.path))}).default;`,
        '  return own(text, options);',
        '}',
      ].join('\n'),
    }));
  },
};

/**
 * PERF: seedrandom loads Node's crypto module when it is loaded, to seed a generator that is
 * given no seed; caresim always gives one (engine/random.ts), and Node has Web Crypto
 * besides. Leaving the module out of seedrandom saves every process and every worker thread
 * loading it (docs/decisions.md).
 */
const seedrandomWithoutCrypto = {
  name: 'seedrandom-without-crypto',
  setup(b) {
    b.onResolve({ filter: /^crypto$/ }, (args) =>
      /[\\/]node_modules[\\/]seedrandom[\\/]/.test(args.importer) ? { path: 'crypto', namespace: 'no-crypto' } : undefined,
    );
    // seedrandom reads `require('crypto')` in a try and falls back to Web Crypto without it.
    b.onLoad({ filter: /./, namespace: 'no-crypto' }, () => ({ contents: 'module.exports = null;', loader: 'js' }));
  },
};

// What every Node bundle shares (the CLI, the worker, the benchmarks, the library entry).
const nodeBundle = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner,
  minifySyntax: true,
  logLevel: 'warning',
  plugins: [lazyStringWidth, seedrandomWithoutCrypto],
};
const jobs = [];
// The CLI loads the scenario compiler, the runner and the report lazily; split into chunks so
// `--help` loads none of them and each chunk is tree-shaken (a lazily imported module inside
// a single bundle keeps all of mathjs, three times what the compiler needs).
jobs.push(
  build({
    entryPoints: { cli: 'cli/main.ts', index: 'index.ts' },
    outdir: 'dist',
    splitting: true,
    chunkNames: 'chunk-[hash]',
    ...nodeBundle,
  }),
);
for (const [entry, outfile] of node) {
  if (!existsSync(entry)) continue;
  jobs.push(
    build({
      entryPoints: [entry],
      outfile,
      ...nodeBundle,
    }),
  );
}
for (const [entry, outfile] of browser) {
  if (!existsSync(entry)) continue;
  jobs.push(
    build({
      entryPoints: [entry],
      outfile,
      bundle: true,
      platform: 'browser',
      format: 'iife',
      target: 'es2022',
      minify: true,
      logLevel: 'warning',
    }),
  );
}
jobs.push(declarations());
await Promise.all(jobs);

function declarations() {
  rmSync('dist/types', { recursive: true, force: true });
  const tsc = fileURLToPath(import.meta.resolve('typescript/bin/tsc'));
  const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.lib.json'], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`tsc -p tsconfig.lib.json exited with ${code}`))));
  });
}
