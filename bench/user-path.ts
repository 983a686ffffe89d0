/**
 * The path users take (issue 19): `caresim run` as a whole process, start-up, compile,
 * journal, summary and results file included, next to the plain typed-JS reference running
 * the same model, at 50 and 500 replications (so warm-up flatters neither side), on 1 and 2
 * workers; and the peak memory of a run at two replication counts (bounded by design: it
 * must not grow with the count). Timings mean something only on an idle machine: each
 * timing verdict says so when the load average was above the cores' half before it started.
 */
import { availableParallelism, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { runInterleaved, runOnce, type Job, type ProcessRun } from './measure.js';
import { table, fmt, verdict } from './report.js';
import { watchQuiet, describeQuiet, OTHERS_LIMIT, type Quiet } from './quiet.js';

export interface UserPathOptions {
  root: string;
  node: string;
  /** Directory of the reference models (des_ref.js), or null when missing. */
  peers: string | null;
  runs: number;
  say: (s?: string) => void;
}

/** A timing verdict, or "not judged" when other work shared the machine (a loaded machine proves nothing either way). */
export function timedVerdict(label: string, ok: boolean | null, detail: string, quiet: Quiet): string {
  if (quiet.judged || ok === null) return verdict(label, ok, detail);
  const why = Number.isNaN(quiet.others)
    ? `load average ${fmt(quiet.load, 1)} on ${availableParallelism()} cores`
    : `other work used ${fmt(quiet.others, 2)} cores (limit ${OTHERS_LIMIT})`;
  return `  [not judged: ${why}] ${label}: ${detail}`;
}

function cli(o: UserPathOptions, out: string, scenario: string, extra: string[]): Job {
  return {
    cmd: o.node,
    args: [join(o.root, 'dist', 'cli.js'), 'run', join(o.root, 'scenarios', 'library', scenario), '-q', '--fresh', '--out', out, ...extra],
    plain: true,
  };
}

export function userPath(o: UserPathOptions): void {
  const { say } = o;
  const dir = mkdtempSync(join(tmpdir(), 'caresim-bench-'));
  try {
    const out = (name: string) => join(dir, `${name}.json`);
    const ref = (args: string[]): Job | null => (o.peers ? { cmd: o.node, args: [join(o.peers, 'des_ref.js'), ...args] } : null);
    const plan = {
      'B 50, 1 worker': {
        ours: cli(o, out('b50'), 'model-b.yaml', ['--reps', '50', '--workers', '1']),
        ref: ref(['path', 'typed', '50', '10']),
      },
      'B 500, 1 worker': {
        ours: cli(o, out('b500'), 'model-b.yaml', ['--reps', '500', '--workers', '1']),
        ref: ref(['path', 'typed', '500', '10']),
      },
      'B 500, 2 workers': { ours: cli(o, out('b500w2'), 'model-b.yaml', ['--reps', '500', '--workers', '2']), ref: null },
      'A, 1 worker': { ours: cli(o, out('a'), 'model-a.yaml', ['--workers', '1']), ref: ref(['mmc', 'typed']) },
    };
    // What two workers can gain on this machine at all: the reference's own replications on 1
    // and 2 worker threads (par.js), measured in the same rounds.
    const par = (workers: number): Job | null =>
      o.peers ? { cmd: o.node, args: [join(o.peers, 'par.js'), String(workers), '500', '10'] } : null;
    const ceiling = { one: par(1), two: par(2) };
    const jobs = [...Object.values(plan).flatMap((p) => [p.ours, p.ref]), ceiling.one, ceiling.two].filter((j): j is Job => j !== null);
    const done = watchQuiet();
    const measured = runInterleaved(jobs, o.root, o.runs);
    const rows: (string | number)[][] = [];
    const ratio: Record<string, { wall: number; cpu: number }> = {};
    const wall = (x: ProcessRun) => x.wall,
      cpu = (x: ProcessRun) => x.cpu;
    for (const [name, p] of Object.entries(plan)) {
      ratio[name] = { wall: measured.ratio(p.ours, p.ref, wall), cpu: measured.ratio(p.ours, p.ref, cpu) };
      rows.push([
        name,
        fmt(measured.middle(p.ours, wall), 3),
        fmt(measured.middle(p.ours, cpu), 2),
        fmt(
          measured.middle(p.ours, (x) => x.maxRssMiB),
          1,
        ),
        p.ref ? fmt(measured.middle(p.ref, wall), 3) : '-',
        p.ref ? fmt(measured.middle(p.ref, cpu), 2) : '-',
        fmt(ratio[name].wall),
        fmt(ratio[name].cpu),
      ]);
    }
    say(table(['run', 'caresim wall s', 'cpu s', 'peak MiB', 'typed JS wall s', 'cpu s', 'x wall', 'x cpu'], rows));
    say('(times and memory: the median of each figure over the runs; ratios and verdicts: the median of the ratios within each round)');
    const loaded = done();
    say(`while these ran: ${describeQuiet(loaded)}`);
    const b = ratio['B 500, 1 worker'];
    say(
      timedVerdict(
        'caresim run, model B, 500 replications, 1 worker <= 1.25x typed JS (stretch 1.1x)',
        o.peers ? b.wall <= 1.25 : null,
        `${fmt(b.wall)}x wall, ${fmt(b.cpu)}x CPU (50 replications: ${fmt(ratio['B 50, 1 worker'].wall)}x wall)`,
        loaded,
      ),
    );
    const speedup = measured.ratio(plan['B 500, 1 worker'].ours, plan['B 500, 2 workers'].ours, (x) => x.wall);
    const machine = ceiling.one && ceiling.two ? measured.ratio(ceiling.one, ceiling.two, (x) => x.wall) : NaN;
    say(
      timedVerdict(
        'caresim run, model B, 500 replications: 2 workers >= 1.8x faster than 1',
        speedup >= 1.8,
        `${fmt(speedup, 3)}x` +
          (Number.isNaN(machine) ? '' : `; the typed-JS reference's own replications on 2 threads against 1 (par.js): ${fmt(machine, 3)}x`),
        loaded,
      ),
    );
    if (machine < 1.8)
      say(
        `  this machine gives two threads of the reference only ${fmt(machine, 3)}x: the 1.8x target is above what its two cores allow a program of this kind`,
      );
    const a = ratio['A, 1 worker'];
    say(
      timedVerdict(
        'caresim run, model A <= 1.4x typed JS',
        o.peers ? a.wall <= 1.4 : null,
        `${fmt(a.wall)}x wall, ${fmt(a.cpu)}x CPU`,
        loaded,
      ),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Replications at which issue 19 judges peak memory, and its bound. */
export const MEMORY_TARGET = { reps: 10_000, mib: 150 };

/**
 * Peak memory (whole process, /usr/bin/time) of `caresim run model-b.yaml --workers 1` at
 * rising replication counts (the last is judged against MEMORY_TARGET when it is that count):
 * not timing-sensitive, so valid on a busy machine. Past the daily bands' sample (200
 * replications) what still grows is what the summary keeps per replication, so the growth is
 * also said per 1,000 replications between the last two counts.
 */
export function memoryPath(o: UserPathOptions, counts: number[]): void {
  const { say } = o;
  const dir = mkdtempSync(join(tmpdir(), 'caresim-bench-'));
  try {
    const peaks = counts.map((n) => {
      const j = cli(o, join(dir, `m${n}.json`), 'model-b.yaml', ['--reps', String(n), '--workers', '1']);
      return runOnce(j.cmd, j.args, o.root, false);
    });
    say(
      table(
        ['replications', 'peak RSS MiB', 'cpu s'],
        peaks.map((p, i) => [counts[i], fmt(p.maxRssMiB, 1), fmt(p.cpu, 2)]),
      ),
    );
    const last = counts.length - 1,
      top = peaks[last].maxRssMiB;
    const bound = `peak <= ${MEMORY_TARGET.mib} MiB`;
    say(
      counts[last] === MEMORY_TARGET.reps
        ? verdict(`model B, ${counts[last]} replications, 1 worker: ${bound}`, top <= MEMORY_TARGET.mib, `${fmt(top, 1)} MiB`)
        : `  [not judged: the target is at ${MEMORY_TARGET.reps} replications] model B, ${counts[last]} replications: ${fmt(top, 1)} MiB`,
    );
    if (last > 0) {
      const before = peaks[last - 1].maxRssMiB,
        per1000 = ((top - before) / (counts[last] - counts[last - 1])) * 1000;
      say(
        `  growth from ${counts[last - 1]} to ${counts[last]} replications: ${fmt(before, 1)} -> ${fmt(top, 1)} MiB (${fmt(per1000, 2)} MiB per 1,000 replications)`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
