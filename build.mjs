// Bundles the CLI, the worker, the library and the benchmarks into dist/ (one file each): start-up time
// matters because users run the CLI many times and benchmarks time whole processes.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
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
// What every Node bundle shares (the CLI, the worker, the benchmarks, the library entry).
const nodeBundle = { bundle: true, platform: 'node', format: 'esm', target: 'node20', banner, minifySyntax: true, logLevel: 'warning' };
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
