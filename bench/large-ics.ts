/**
 * Large-ICS benchmark (`npm run bench -- --large`, or `node dist/bench-large.js`): the default
 * ICS scaled to a larger population (every cohort and every capacity parameter by the same
 * factor, so the system is as loaded as the 1.2-million default) over a longer horizon, one
 * replication of the baseline, as a whole `caresim run` process: wall and CPU time, peak
 * memory, and the growth law time ~ people^a x years^b (and the same for memory) fitted on
 * a 2 x 2 design of population and horizon whose largest corner is the target (5 million
 * people, 10 years). Never part of the test suite: it takes minutes.
 * Options: --people A,B (millions) --years A,B.
 */
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOnce } from './measure.js';
import { table, fmt } from './report.js';

const DEFAULT_PEOPLE = 1.2e6;
/** The default ICS's capacities (params), scaled with the population. */
const CAPACITY_PARAMS = [
  'acute_beds',
  'winter_beds',
  'p1_packages',
  'p2_beds',
  'p3_beds',
  'vw_places',
  'ucr_day',
  'ucr_night',
  'ed_spaces',
];

const argv = process.argv.slice(2);
const list = (flag: string, dflt: number[]) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1].split(',').map(Number) : dflt);
const people = list('--people', [1.25, 5]).map((m) => m * 1e6);
const years = list('--years', [2.5, 10]);
const root = fileURLToPath(new URL('..', import.meta.url));
const scenario = join(root, 'scenarios', 'library', 'ics-default.yaml');
const say = (s = '') => process.stdout.write(`${s}\n`);

/** `--set` pairs scaling the default ICS to `n` people over `y` years. */
function scaled(n: number, y: number): string[] {
  const text = readFileSync(scenario, 'utf8');
  const f = n / DEFAULT_PEOPLE;
  const sets: string[] = [`time.horizon=${Math.round(y * 365)} days`];
  for (const m of text.matchAll(/^ {4}(\w+):\s+\{ people: (\d+)/gm))
    sets.push(`population.cohorts.${m[1]}.people=${Math.round(Number(m[2]) * f)}`);
  for (const p of CAPACITY_PARAMS) {
    const m = new RegExp(`^  ${p}: (\\d+)`, 'm').exec(text);
    if (!m) throw new Error(`${p} not found in ics-default.yaml`);
    sets.push(`params.${p}=${Math.round(Number(m[1]) * f)}`);
  }
  return sets.flatMap((s) => ['--set', s]);
}

say(`caresim large-ICS benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
say(
  `machine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}; load average ${loadavg()[0].toFixed(2)}`,
);
say('one replication of the baseline, 1 worker, whole process (/usr/bin/time); CPU seconds are the figure to quote on a busy machine');
const dir = mkdtempSync(join(tmpdir(), 'caresim-large-'));
const rows: { n: number; y: number; wall: number; cpu: number; mib: number }[] = [];
try {
  for (const y of years) {
    for (const n of people) {
      const args = [join(root, 'dist', 'cli.js'), 'run', scenario, '--only', 'baseline', '--reps', '1', '--workers', '1', '-q', '--fresh'];
      const run = runOnce(process.execPath, [...args, '--out', join(dir, `l-${n}-${y}.json`), ...scaled(n, y)], root, false);
      rows.push({ n, y, wall: run.wall, cpu: run.cpu, mib: run.maxRssMiB });
      say(
        `  ${fmt(n / 1e6, 2)} M people, ${y} years: ${fmt(run.cpu, 1)} CPU s, ${fmt(run.wall, 1)} s wall, peak ${fmt(run.maxRssMiB, 0)} MiB`,
      );
    }
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
say(
  table(
    ['people', 'years', 'wall s', 'cpu s', 'peak RSS MiB'],
    rows.map((r) => [`${fmt(r.n / 1e6, 2)} M`, r.y, fmt(r.wall, 1), fmt(r.cpu, 1), fmt(r.mib, 0)]),
  ),
);
// Exponents from the 2 x 2 design: log ratio over log ratio along each axis, averaged over the other.
const exponent = (key: 'cpu' | 'mib', axis: 'n' | 'y') => {
  const vals = axis === 'n' ? people : years;
  if (vals.length < 2) return NaN;
  const [a, b] = [vals[0], vals[vals.length - 1]];
  const other = axis === 'n' ? years : people;
  let sum = 0;
  for (const o of other) {
    const at = (v: number) => rows.find((r) => (axis === 'n' ? r.n === v && r.y === o : r.y === v && r.n === o))!;
    sum += Math.log(at(b)[key] / at(a)[key]) / Math.log(b / a);
  }
  return sum / other.length;
};
say(`growth law: CPU time ~ people^${fmt(exponent('cpu', 'n'))} x years^${fmt(exponent('cpu', 'y'))}`);
say(`            peak memory ~ people^${fmt(exponent('mib', 'n'))} x years^${fmt(exponent('mib', 'y'))}`);
