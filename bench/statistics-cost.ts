/**
 * What statistics cost (issue 19: at most 10% over monitoring off), measured in pairs: each
 * pair runs a benchmark model with monitoring off and on, one right after the other, as whole
 * processes pinned to the same core, and takes the ratio of the times inside the two
 * processes. The figure is the median of the pairs' ratios, with their spread.
 *
 * Why pairs on one core: the two cores of the benchmark machine are not always equally fast
 * for work that misses the caches (on 2026-12-03 one ran model B 45% slower than the other
 * for minutes, while a loop without memory traffic ran alike on both), so an unpinned "on" run
 * and "off" run measured whichever cores they landed on as much as the statistics. Pairs
 * alternate cores and which of the two runs first. Without `taskset` (or /proc) the runs are not pinned,
 * and the output says so.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runOnce } from './measure.js';
import { quantile } from '../results/index.js';

export interface Pair {
  /** The core both runs of the pair are pinned to; null when they cannot be pinned. */
  core: number | null;
  /** Whether the monitored run goes first. */
  onFirst: boolean;
}

/**
 * The plan of n pairs over the processors this process may use (null: not pinned): each in
 * turn, and on each, the monitored run first in every other pair.
 */
export function pairPlan(n: number, cpus: readonly number[] | null): Pair[] {
  const pin = cpus && cpus.length > 0 ? cpus : null,
    k = pin ? pin.length : 1;
  return Array.from({ length: n }, (_, i) => ({ core: pin ? pin[i % k] : null, onFirst: Math.floor(i / k) % 2 === 1 }));
}

export interface Spread {
  /** Median, lowest and highest of the pairs' ratios (monitored over unmonitored); NaN when none. */
  median: number;
  low: number;
  high: number;
  pairs: number;
}

/** Median and range of the finite ratios. */
export function spreadOf(ratios: readonly number[]): Spread {
  const xs = ratios.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return { median: quantile(xs, 0.5), low: xs.length ? xs[0] : NaN, high: xs.length ? xs[xs.length - 1] : NaN, pairs: xs.length };
}

/** The processors of a list as Linux writes it ("0-3,8,10-11"); null when it does not read as one. */
export function parseCpuList(text: string): number[] | null {
  const out: number[] = [];
  for (const part of text.trim().split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part);
    if (!m) return null;
    const lo = Number(m[1]),
      hi = m[2] === undefined ? lo : Number(m[2]);
    if (hi < lo) return null;
    for (let c = lo; c <= hi; c++) out.push(c);
  }
  return out.length > 0 ? out : null;
}

/**
 * The processors this process may run on (a cluster node's job often gets a few, not 0 and 1),
 * when `taskset` (util-linux) can pin a run to them; null otherwise, and the pairs are not pinned.
 */
export function pinnableCpus(): number[] | null {
  let status: string;
  try {
    status = readFileSync('/proc/self/status', 'utf8');
  } catch {
    return null;
  }
  const line = /^Cpus_allowed_list:\s*(.+)$/m.exec(status);
  const cpus = line ? parseCpuList(line[1]) : null;
  if (!cpus) return null;
  const r = spawnSync('taskset', ['-c', String(cpus[0]), 'true'], { stdio: 'ignore' });
  return r.status === 0 ? cpus : null;
}

export interface CostOptions {
  root: string;
  node: string;
  pairs: number;
  /** Processors to pin the pairs to in turn (pinnableCpus()), or null. */
  cpus: number[] | null;
}

/**
 * The monitored-over-unmonitored ratio of each pair of the plan; `time(monitor, core)` runs
 * one process and returns the seconds it reports.
 */
export function pairRatios(plan: readonly Pair[], time: (monitor: boolean, core: number | null) => number): number[] {
  return plan.map((pair) => {
    const first = time(pair.onFirst, pair.core),
      second = time(!pair.onFirst, pair.core);
    return pair.onFirst ? first / second : second / first;
  });
}

/** Pairs of `node dist/bench-model.js MODEL [--monitor off]`; the ratio is of the `seconds` each process reports. */
export function statisticsCost(model: string, o: CostOptions): Spread {
  const time = (monitor: boolean, core: number | null) => {
    const args = [join(o.root, 'dist', 'bench-model.js'), model, ...(monitor ? [] : ['--monitor', 'off'])];
    const r = core === null ? runOnce(o.node, args, o.root) : runOnce('taskset', ['-c', String(core), o.node, ...args], o.root);
    return Number(r.out.seconds);
  };
  return spreadOf(pairRatios(pairPlan(o.pairs, o.cpus), time));
}
