#!/usr/bin/env node
// Makes observed.csv for the worked example of `caresim compare`: synthetic, never patient
// data. It runs scenario.yaml once (one replication, its own seed) with the "true" values
// below and writes that replication's daily series in the long layout (date,series,value),
// as a daily sitrep extract would give them. The scenario file itself guesses an acute
// stay of 5 days; the system that "really happened" had 6 (20% longer), which is what
// `caresim compare` should find.
//
//   npm run build && node examples/compare/make-observed.mjs [--seed S] [--set PATH=EXPR]... [--out FILE]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', '..', 'dist', 'cli.js');
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const seed = option('--seed', 'observed-2027');
const out = option('--out', join(here, 'observed.csv'));
const sets = args.flatMap((a, i) => (a === '--set' ? ['--set', args[i + 1]] : []));
// The known truth: acute stays average 6 days, not the 5 the scenario assumes.
const truth = sets.length > 0 ? sets : ['--set', 'params.acute_los=6 days'];
const SERIES = [
  ['acute', 'occupancy'],
  ['acute', 'blocked'],
  ['p1', 'occupancy'],
];

const dir = mkdtempSync(join(tmpdir(), 'caresim-observed-'));
try {
  const results = join(dir, 'one-run.json');
  const r = spawnSync(
    process.execPath,
    [cli, 'run', join(here, 'scenario.yaml'), '--reps', '1', '--seed', seed, ...truth, '--workers', '0', '--quiet', '--out', results],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    process.exit(r.status ?? 1);
  }
  const run = JSON.parse(readFileSync(results, 'utf8'));
  const daily = run.strategies.baseline.daily;
  const start = Date.parse(`${run.start_date}T00:00:00Z`);
  const rows = ['date,series,value'];
  const days = daily.acute.occupancy.mean.length;
  for (let d = 0; d < days; d++) {
    const date = new Date(start + d * 86_400_000).toISOString().slice(0, 10);
    // One replication: its mean is the replication itself. One decimal, as a day average.
    for (const [unit, series] of SERIES) rows.push(`${date},${unit}.${series},${daily[unit][series].mean[d].toFixed(1)}`);
  }
  writeFileSync(out, `${rows.join('\n')}\n`);
  process.stdout.write(
    `wrote ${out}: ${days} days x ${SERIES.length} series (seed ${seed}, ${truth.filter((_, i) => i % 2).join(', ')})\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
