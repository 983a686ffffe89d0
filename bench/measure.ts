/**
 * Times whole processes: wall time from spawn to exit (start-up included, as users and
 * batch scripts see it), peak resident memory from `/usr/bin/time -v` when present (else
 * whatever the child reports), and the last JSON line the child printed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { quantile } from '../results/index.js';

export interface ProcessRun {
  wall: number;
  /** User + system CPU seconds (NaN without /usr/bin/time): steadier than wall time on a busy machine. */
  cpu: number;
  maxRssMiB: number;
  out: Record<string, unknown>;
}

const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);

/** `json`: the child prints a JSON line last (the benchmark models); false for the CLI, whose output is for people. */
export function runOnce(cmd: string, args: string[], cwd: string, json = true): ProcessRun {
  const argv = hasTime ? ['-v', cmd, ...args] : args;
  const t0 = process.hrtime.bigint();
  const p = spawnSync(hasTime ? TIME : cmd, argv, { cwd, encoding: 'utf8', maxBuffer: 64 << 20 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (p.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${p.status}): ${(p.stderr ?? '').slice(-500)}`);
  const lines = p.stdout.trim().split('\n');
  const out = json ? (JSON.parse(lines[lines.length - 1]) as Record<string, unknown>) : {};
  const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(p.stderr ?? '');
  const reported = Number(out.maxRssMiB ?? out.maxrssMB ?? out.rssMB ?? NaN);
  const user = /User time \(seconds\): ([\d.]+)/.exec(p.stderr ?? ''),
    sys = /System time \(seconds\): ([\d.]+)/.exec(p.stderr ?? '');
  const cpu = user && sys ? Number(user[1]) + Number(sys[1]) : NaN;
  return { wall, cpu, maxRssMiB: m ? Number(m[1]) / 1024 : reported, out };
}

export interface Job {
  cmd: string;
  args: string[];
  /** The child prints no JSON line (a `caresim` command as users run it). */
  plain?: boolean;
}

/** What `runInterleaved` measured, asked by job (a job that was not run, null, has no runs). */
export interface Interleaved {
  /** The job's run with the median wall time. */
  readonly median: (job: Job | null) => ProcessRun | null;
  /** The median of one figure over the job's runs (`medianOf`): NaN when it was not run. */
  readonly middle: (job: Job | null, figure: (r: ProcessRun) => number) => number;
  /** `pairedRatio` of job a's runs over job b's: NaN when either was not run. */
  readonly ratio: (a: Job | null, b: Job | null, figure: (r: ProcessRun) => number) => number;
}

/**
 * Runs every job n times, interleaved (round by round), so a change in machine load during
 * the benchmark affects all engines alike; keeps every run.
 */
export function runInterleaved(jobs: Job[], cwd: string, n: number): Interleaved {
  const runs = new Map<Job, ProcessRun[]>(jobs.map((j) => [j, []]));
  for (let round = 0; round < n; round++) for (const j of jobs) runs.get(j)!.push(runOnce(j.cmd, j.args, cwd, !j.plain));
  const rounds = (job: Job | null) => (job && runs.get(job)) || [];
  return {
    median: (job) => {
      const r = [...rounds(job)].sort((a, b) => a.wall - b.wall);
      return r.length ? r[Math.floor((r.length - 1) / 2)] : null;
    },
    middle: (job, figure) => medianOf(rounds(job), figure),
    ratio: (a, b, figure) => pairedRatio(rounds(a), rounds(b), figure),
  };
}

/**
 * The median over rounds of a's figure over b's in the same round. Runs of one round are
 * minutes apart at most, so a machine that speeds up or slows down between rounds (this
 * shared machine drifts by up to 20% in minutes) moves both sides of each ratio together,
 * where a ratio of the two medians can pair a slow run of one with a fast run of the other.
 * Rounds where either figure is missing (NaN) are left out; NaN when none is left.
 */
export function pairedRatio(a: readonly ProcessRun[], b: readonly ProcessRun[], figure: (r: ProcessRun) => number): number {
  const ratios: number[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) ratios.push(figure(a[i]) / figure(b[i]));
  return middleOf(ratios);
}

/**
 * The median of one figure over runs, each figure on its own: the run with the median wall
 * time can hold neither the median CPU time nor the median time inside the process (in one
 * benchmark, model A's monitored run showed 0.373 s inside against 0.393 s unmonitored, where
 * the paired ratio was +13%). Runs where the figure is missing (NaN) are left out; NaN when none is left.
 */
export function medianOf(runs: readonly ProcessRun[], figure: (r: ProcessRun) => number): number {
  return middleOf(runs.map(figure));
}

/** The median of the finite numbers (halfway between the middle two of an even count); NaN when none. */
export function middleOf(xs: number[]): number {
  return quantile(
    xs.filter((x) => Number.isFinite(x)).sort((x, y) => x - y),
    0.5,
  );
}

export { hasTime };
