/**
 * Large-ICS benchmark (`npm run bench -- --large`, or `node dist/bench-large.js`): the default
 * ICS scaled to a larger population (every cohort and every capacity parameter by the same
 * factor, so the system is as loaded as the 1.2-million default) over a longer horizon, one
 * replication of the baseline, as a whole `caresim run` process: wall and CPU time, peak
 * memory, and the growth law time ~ people^a x years^b (and the same for memory) fitted on
 * a 2 x 2 design of population and horizon whose largest corner is the target (5 million
 * people, 10 years). Never part of the test suite: it takes minutes.
 * Options: --people A,B (millions) --years A,B --runs N (default 3; each figure is the median).
 */
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runOnce, medianOf, type ProcessRun } from './measure.js';
import { scaleIcs, firstDayPeople } from './scale-ics.js';
import { loadScenario } from '../scenarios/index.js';
import { DAY } from '../engine/index.js';
import { leastSquares } from '../sensitivity/index.js';
import { table, fmt } from './report.js';
import { refuse, wholeOption, numbersOption } from './options.js';

const argv = process.argv.slice(2);
const FLAGS = ['--people', '--years', '--runs'];
for (let i = 0; i < argv.length; i += 2)
  if (!FLAGS.includes(argv[i]))
    refuse('bench-large', `unknown option ${argv[i]} (options: ${FLAGS.join(', ')}, each followed by its value)`);
const people = numbersOption('bench-large', argv, '--people', [1.25, 5]).map((m) => m * 1e6);
const years = numbersOption('bench-large', argv, '--years', [2.5, 10]);
/** Runs of each size, in rounds over the sizes; each figure is its median over them (this machine's single runs spread by a third). */
const runs = wholeOption('bench-large', argv, '--runs', 3);
const root = fileURLToPath(new URL('..', import.meta.url));
const scenario = join(root, 'scenarios', 'library', 'ics-default.yaml');
const say = (s = '') => process.stdout.write(`${s}\n`);

say(`caresim large-ICS benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
say(
  `machine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}; load average ${loadavg()[0].toFixed(2)}`,
);
say(
  `one replication of the baseline, 1 worker, whole process (/usr/bin/time), ${runs} run(s) of each size; medians. CPU seconds are the figure to quote on a busy machine`,
);
const text = readFileSync(scenario, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'caresim-large-'));
const rows: { n: number; y: number; days: number; wall: number; cpu: number; mib: number }[] = [];
try {
  const cells = years.flatMap((y) =>
    people.map((n) => {
      const scaled = scaleIcs(text, n, y);
      // The days the engine runs (the warm-up included), from the scenario as caresim compiles it.
      const model = loadScenario(scenario, { set: scaled.sets }).strategies[0].modelFor(1, 0);
      const days = Math.ceil((model.warmup + model.horizon) / DAY);
      say(`  ${fmt(n / 1e6, 2)} M people, ${y} years: ${days} simulated days; ${scaled.sets.slice(1).join(', ')}`);
      return { n, y, days, scaled, runs: [] as ProcessRun[] };
    }),
  );
  for (let round = 0; round < runs; round++) {
    for (const cell of cells) {
      const { n, y, scaled } = cell;
      const args = [join(root, 'dist', 'cli.js'), 'run', scenario, '--only', 'baseline', '--reps', '1', '--workers', '1', '-q', '--fresh'];
      const out = join(dir, `l-${n}-${y}.json`);
      const run = runOnce(process.execPath, [...args, '--out', out, ...scaled.sets.flatMap((v) => ['--set', v])], root, false);
      // The population grows and moves between cohorts in the 120-day warm-up, by well under 2%.
      const simulated = firstDayPeople(JSON.parse(readFileSync(out, 'utf8')));
      if (!(Math.abs(simulated - scaled.people) <= 0.02 * scaled.people))
        throw new Error(`the run simulated ${simulated} people on its first measured day, not about ${scaled.people}: the scaling missed`);
      cell.runs.push(run);
      say(
        `  round ${round + 1}: ${fmt(n / 1e6, 2)} M people (${fmt(simulated / 1e6, 3)} M on the first measured day), ${y} years: ${fmt(run.cpu, 1)} CPU s, ${fmt(run.wall, 1)} s wall, peak ${fmt(run.maxRssMiB, 0)} MiB`,
      );
    }
  }
  for (const c of cells)
    rows.push({
      n: c.n,
      y: c.y,
      days: c.days,
      wall: medianOf(c.runs, (r) => r.wall),
      cpu: medianOf(c.runs, (r) => r.cpu),
      mib: medianOf(c.runs, (r) => r.maxRssMiB),
    });
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
  const [a, b] = [vals[0], vals[vals.length - 1]];
  if (vals.length < 2 || a === b) return NaN;
  const other = axis === 'n' ? years : people;
  let sum = 0;
  for (const o of other) {
    const at = (v: number) => rows.find((r) => (axis === 'n' ? r.n === v && r.y === o : r.y === v && r.n === o))!;
    sum += Math.log(at(b)[key] / at(a)[key]) / Math.log(b / a);
  }
  return sum / other.length;
};
// An axis with one size has no exponent.
const power = (key: 'cpu' | 'mib', axis: 'n' | 'y') => {
  const e = exponent(key, axis);
  return Number.isNaN(e) ? '?' : fmt(e);
};
say(`growth law: CPU time ~ people^${power('cpu', 'n')} x years^${power('cpu', 'y')}`);
say(`            peak memory ~ people^${power('mib', 'n')} x years^${power('mib', 'y')}`);
if (people.length < 2 || years.length < 2) say('            (an exponent shown as ? needs two sizes on its axis)');
// The raw exponents sit below 1 because every run pays a start-up; a straight line in the
// work (people x simulated days, the warm-up included) separates the two.
const work = rows.map((r) => ((r.n / 1e6) * r.days) / 365);
if (new Set(work).size < 2) say('            (the line in the work needs two sizes of different work)');
else {
  const cpu = rows.map((r) => r.cpu);
  const [a, b] = leastSquares([work], cpu);
  const miss = Math.max(...work.map((x, i) => Math.abs(cpu[i] - a - b * x)));
  say(
    `            CPU time ~ ${fmt(a, 2)} s + ${fmt(b, 3)} s per million people x simulated year (warm-up included); largest miss ${fmt(miss, 2)} s`,
  );
}
