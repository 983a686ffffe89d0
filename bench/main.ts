/**
 * `npm run bench`: every benchmark in one invocation, printed as plain text.
 *  1. event list micro-benchmark (benchmark.js, hold model), next to the reference heap;
 *  2. macro runs of models A, B and B-stable as whole processes (median of 3 wall times,
 *     the engines interleaved round by round so load changes hit all alike),
 *     with monitoring on and off, next to the plain typed-JS reference and SimPy;
 *  3. the targets, met or missed; 4. agreement of the results with the references.
 *  5. scenario compile time; 6. runner scaling over worker threads.
 *  7. the user's path: `caresim run` as a whole process against the typed-JS reference;
 *  8. peak memory of `caresim run` at rising replication counts; 9. with --large, the large-ICS growth law.
 *  The statistics cost (3.) is measured apart, in pairs of runs pinned to one core (statistics-cost.ts).
 * Options: --runs N (default 3), --stat-pairs N (default 9), --no-simpy, --no-micro, --no-runner, --no-user, --memory-reps A,B,C
 * (default 200,2000,10000), --large. Never run as a test: timings vary.
 */
import { cpus, availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runHold } from './hold.js';
import { runInterleaved, runOnce, hasTime, type Job, type ProcessRun } from './measure.js';
import { findPeers } from './peers.js';
import { table, fmt, mega, verdict, agree } from './report.js';
import { A_ERLANG_C_WQ } from './models.js';
import { userPath, memoryPath, timedVerdict } from './user-path.js';
import { watchQuiet, describeQuiet } from './quiet.js';
import { statisticsCost, pinnableCpus } from './statistics-cost.js';
import { wholeOption } from './options.js';

const argv = process.argv.slice(2);
const runs = wholeOption('bench', argv, '--runs', 3);
const statPairs = wholeOption('bench', argv, '--stat-pairs', 9);
const root = fileURLToPath(new URL('..', import.meta.url));
const node = process.execPath;
const say = (s = '') => process.stdout.write(`${s}\n`);
const pct = (x: number) => `${x >= 0 ? '+' : ''}${fmt(100 * x, 1)}%`;
// Other work on the machine distorts every timing: print the load so a reader can judge.
const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
const num = (r: ProcessRun | null, k: string) => (r ? Number(r.out[k]) : NaN);

say(`caresim benchmarks, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
say(
  `machine: ${availableParallelism()} cores (nproc), ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}; load average ${load()}`,
);
say(
  `wall times are whole processes (start-up included), median of ${runs}; memory is peak RSS${hasTime ? ' from /usr/bin/time -v' : ' as reported by each process'}`,
);
const peers = findPeers(root);
for (const s of peers.skipped) say(s);

if (!argv.includes('--no-micro')) {
  say('\n1. Event list, hold model (one pop + one push per op), benchmark.js');
  const ours = await runHold();
  const rows = ours.map((h) => {
    let ref = NaN;
    if (peers.dir) ref = Number(runOnce(node, [join(peers.dir, 'hold.js'), 'bin', String(h.pending)], root).out.holdsPerSec);
    return [String(h.pending), mega(h.opsPerSec), `±${fmt(h.rme, 1)}%`, mega(ref), fmt(h.opsPerSec / ref, 2)];
  });
  say(table(['pending', 'caresim ops/s', 'rme', 'typed JS heap ops/s (hold.js bin)', 'ratio'], rows));
}

say('\n2. Macro runs');
const ours = (m: string, monitor: boolean): Job => ({
  cmd: node,
  args: [join(root, 'dist', 'bench-model.js'), m, ...(monitor ? [] : ['--monitor', 'off'])],
});
const ref = (args: string[]): Job | null => (peers.dir ? { cmd: node, args: [join(peers.dir, 'des_ref.js'), ...args] } : null);
const simpy = (args: string[]): Job | null =>
  peers.python && !argv.includes('--no-simpy') ? { cmd: peers.python, args: [join(peers.dir!, 'simpy_models.py'), ...args] } : null;
const plan = {
  A: { on: ours('A', true), off: ours('A', false), ref: ref(['mmc', 'typed']), simpy: simpy(['mmc']) },
  B: { on: ours('B', true), off: ours('B', false), ref: ref(['path', 'typed', '50', '10']), simpy: simpy(['path', '50', '10']) },
  'B-stable': { on: ours('B-stable', true), off: ours('B-stable', false), ref: ref(['path', 'typed', '111', '4.5']), simpy: null },
};
const jobs = Object.values(plan)
  .flatMap((p) => [p.on, p.off, p.ref, p.simpy])
  .filter((j): j is Job => j !== null);
const macroDone = watchQuiet();
const measured = runInterleaved(jobs, root, runs);
const macroLoad = macroDone();
const got = measured.median;
const res = Object.fromEntries(
  Object.entries(plan).map(([m, p]) => [m, { on: got(p.on)!, off: got(p.off)!, ref: got(p.ref), simpy: got(p.simpy) }]),
);
const wall = (r: ProcessRun) => r.wall;
const rows: (string | number)[][] = [];
for (const [m, r] of Object.entries(res)) {
  const p = plan[m as keyof typeof plan];
  const line = (engine: string, run: ProcessRun | null, job: Job | null, events: number) => {
    if (!run) return;
    const median = (figure: (r: ProcessRun) => number) => measured.middle(job, figure),
      medianWall = median(wall);
    rows.push([
      m,
      engine,
      fmt(medianWall, 3),
      fmt(
        median((x) => x.cpu),
        2,
      ),
      fmt(
        median((x) => num(x, 'seconds')),
        3,
      ),
      mega(events),
      mega(events / medianWall),
      fmt(
        median((x) => x.maxRssMiB),
        1,
      ),
      fmt(measured.ratio(job, p.ref, wall), 2),
    ]);
  };
  line('caresim', r.on, p.on, num(r.on, 'events'));
  line('caresim, monitor off', r.off, p.off, num(r.off, 'events'));
  line('typed JS reference', r.ref, p.ref, num(r.ref, 'events'));
  line('SimPy', r.simpy, p.simpy, num(r.simpy, 'simpy_events'));
}
say(table(['model', 'engine', 'wall s', 'cpu s', 'in-process s', 'events', 'events/s (whole)', 'peak RSS MiB', 'x typed JS'], rows));
say(
  '(times and memory: the median of each figure over the runs; "x typed JS" and the targets below: the median of the ratios within each round)',
);
if (!peers.python || argv.includes('--no-simpy')) say('SimPy: not run (see above)');

say(`while the macro runs ran: ${describeQuiet(macroLoad)}`);

say('\n3. Targets');
const A = res.A,
  B = res.B;
const aRate = num(A.on, 'events') / measured.middle(plan.A.on, wall);
say(
  timedVerdict(
    'model A >= 4 M events/s whole process (stretch 7 M)',
    aRate >= 4e6,
    `${mega(aRate)} events/s${aRate >= 7e6 ? ', stretch met' : ''}`,
    macroLoad,
  ),
);
const bRatio = measured.ratio(plan.B.on, plan.B.ref, wall);
say(
  timedVerdict(
    'model B <= 2x the typed JS reference (stretch 1.4x)',
    B.ref ? bRatio <= 2 : null,
    B.ref ? `${fmt(bRatio)}x${bRatio <= 1.4 ? ', stretch met' : ''}` : 'reference not run',
    macroLoad,
  ),
);
const simpyRatio = measured.ratio(plan.B.simpy, plan.B.on, wall);
say(
  timedVerdict(
    'model B >= 10x faster than SimPy',
    B.simpy ? simpyRatio >= 10 : null,
    B.simpy ? `${fmt(simpyRatio, 1)}x faster` : 'SimPy not run',
    macroLoad,
  ),
);
const bPeak = measured.middle(plan.B.on, (r) => r.maxRssMiB);
say(verdict('model B peak memory <= 100 MiB', bPeak <= 100, `${fmt(bPeak, 1)} MiB`));
// The statistics cost in pairs of runs on one core each (statistics-cost.ts): the macro runs
// above put an "on" and an "off" run on whichever cores they landed on.
const pinCpus = pinnableCpus();
const statDone = watchQuiet();
const statCost = Object.fromEntries(
  (['A', 'B'] as const).map((m) => [m, statisticsCost(m, { root, node, pairs: statPairs, cpus: pinCpus })]),
);
const statQuiet = statDone();
for (const m of ['A', 'B'] as const) {
  const { on, off } = plan[m];
  const c = statCost[m];
  const macroInProc = measured.ratio(on, off, (r) => num(r, 'seconds')) - 1,
    whole = measured.ratio(on, off, wall) - 1;
  say(
    timedVerdict(
      `statistics cost <= 10% over monitor off, model ${m} (issue 19; was 20%)`,
      c.median - 1 <= 0.1,
      `${pct(c.median - 1)} in-process, median of ${c.pairs} pairs ${pinCpus ? 'each on one core' : 'NOT pinned (no taskset, or no /proc)'} (pairs ${pct(c.low - 1)} to ${pct(c.high - 1)}); the macro runs above: ${pct(macroInProc)} in-process, ${pct(whole)} whole process`,
      statQuiet,
    ),
  );
}

say('\n4. Agreement with the references (|z| < 3; reference se taken equal to ours)');
say(
  agree(
    'model A mean wait vs Erlang C (in mean service times)',
    num(A.on, 'meanWait'),
    A_ERLANG_C_WQ,
    num(A.on, 'meanWaitSe') / Math.SQRT2,
  ),
);
if (A.ref) say(agree('model A mean wait vs typed JS', num(A.on, 'meanWait'), num(A.ref, 'meanWait'), num(A.on, 'meanWaitSe')));
if (A.simpy) say(agree('model A mean wait vs SimPy', num(A.on, 'meanWait'), num(A.simpy, 'meanWait'), num(A.on, 'meanWaitSe')));
for (const [m, who, ref] of [
  ['B', 'typed JS', B.ref],
  ['B', 'SimPy', B.simpy],
  ['B-stable', 'typed JS', res['B-stable'].ref],
] as const) {
  if (!ref) continue;
  const ours = res[m].on;
  for (const k of ['acuteOcc', 'blocked', 'rehabUtil', 'homeUtil'])
    say(agree(`model ${m} ${k} vs ${who}`, num(ours, k), num(ref, k), num(ours, `${k}Se`)));
}

say('\n5. Scenario compile (default ICS, all strategies and sweep points)');
const compDone = watchQuiet();
const comp = runOnce(node, [join(root, 'dist', 'bench-compile.js')], root).out;
const compQuiet = compDone();
say(
  `first compile in a fresh process ${fmt(Number(comp.coldMs), 1)} ms (mathjs set-up included), warm ${fmt(Number(comp.warmMs), 1)} ms (the 20 after it), steady ${fmt(Number(comp.steadyMs), 1)} ms (30 after those), modelFor ${fmt(Number(comp.modelForMs), 3)} ms per strategy and replication`,
);
say(
  timedVerdict(
    'compiling the default-size scenario well under 100 ms, warm (read as at most 50 ms)',
    Number(comp.warmMs) < 50,
    `${fmt(Number(comp.warmMs), 1)} ms for ${comp.strategies} strategies`,
    compQuiet,
  ),
);

if (!argv.includes('--no-runner')) {
  say('\n6. Runner: 400 replications of model B, direct calls vs the runner on 1 and 2 workers (fastest of 5)');
  const rsDone = watchQuiet();
  const rs = runOnce(node, [join(root, 'dist', 'runner-scaling.js'), '400', '5'], root).out;
  const rsQuiet = rsDone();
  say(`while these ran: ${describeQuiet(rsQuiet)}`);
  say(
    `direct from cold ${fmt(Number(rs.direct_cold_seconds), 3)} s (warm ${fmt(Number(rs.direct_seconds), 3)} s), 1 worker ${fmt(Number(rs.workers_1_seconds), 3)} s, 2 workers ${fmt(Number(rs.workers_2_seconds), 3)} s`,
  );
  say(
    `with V8 compiling on helper threads instead (not the runner's choice: runner/jit.ts): 1 worker ${fmt(Number(rs.workers_1_background_compile_seconds), 3)} s, 2 workers ${fmt(Number(rs.workers_2_background_compile_seconds), 3)} s, ${fmt(Number(rs.speedup_2_workers_background_compile))}x`,
  );
  say(
    timedVerdict('2 workers >= 1.8x faster than 1', Number(rs.speedup_2_workers) >= 1.8, `${fmt(Number(rs.speedup_2_workers))}x`, rsQuiet),
  );
  say(
    timedVerdict(
      'runner adds <= 10% over calling the engine directly (both from cold)',
      Number(rs.runner_overhead) <= 1.1,
      `${fmt(Number(rs.runner_overhead))}x (${fmt(Number(rs.runner_overhead_vs_warm))}x against warm calls)`,
      rsQuiet,
    ),
  );
}

const userOpts = { root, node, peers: peers.dir ?? null, runs, say };
if (!argv.includes('--no-user')) {
  say("\n7. The user's path: caresim run as a whole process vs the typed-JS reference (median of the interleaved runs)");
  userPath(userOpts);
}
say('\n8. Peak memory of caresim run, model B, 1 worker (whole process; not timing-sensitive)');
const memReps = argv.includes('--memory-reps') ? argv[argv.indexOf('--memory-reps') + 1].split(',').map(Number) : [200, 2000, 10_000];
memoryPath(userOpts, memReps);

if (argv.includes('--large')) {
  say('\n9. Large ICS (node dist/bench-large.js)');
  const { spawnSync } = await import('node:child_process');
  spawnSync(node, [join(root, 'dist', 'bench-large.js')], { cwd: root, stdio: 'inherit' });
}
