/**
 * Whether other work shared the machine while a benchmark section ran. The load average
 * cannot tell: the benchmark's own processes keep it at one or two on a two-core machine, so
 * a threshold on it judges nothing or everything. Instead, compare the CPU time the whole
 * machine spent (/proc/stat, steal included: another guest on the host slows us as much as a
 * neighbour process) with what this process and the children it waited for spent
 * (/proc/self/stat: user, system and the children's user and system). The difference is the
 * other work, in cores on average over the section.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';

/** Clock ticks per second of /proc's CPU counters (USER_HZ, 100 on every Linux build in use). */
const TICKS = 100;
/** Other work above this many cores on average makes a timing unjudgeable (an eighth of two cores). */
export const OTHERS_LIMIT = 0.25;
const hasProc = existsSync('/proc/stat') && existsSync('/proc/self/stat');

export interface Quiet {
  /** Cores other work kept busy on average over the section (NaN without /proc: then `load` decides). */
  others: number;
  /** The 1-minute load average at the end, for readers of the output. */
  load: number;
  /** True when a timing from this section can be judged against a target. */
  judged: boolean;
}

/** CPU seconds the machine spent busy since boot (user, nice, system, irq, softirq, steal). */
export function machineBusy(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = f;
  return (user + nice + system + irq + softirq + (steal || 0)) / TICKS;
}

/** CPU seconds this process and its waited-for children (and theirs) have used. */
export function ownCpu(): number {
  const text = readFileSync('/proc/self/stat', 'utf8');
  // The command name may contain spaces and parentheses: the fields start after the last ')'.
  const f = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // f[0] is field 3 (state), so utime, stime, cutime, cstime (fields 14-17) are f[11..14].
  return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) / TICKS;
}

/** Starts watching; call the returned function when the section ends. */
export function watchQuiet(): () => Quiet {
  if (!hasProc) {
    return () => {
      const load = loadavg()[0];
      return { others: NaN, load, judged: load <= availableParallelism() / 2 };
    };
  }
  const t0 = process.hrtime.bigint(),
    m0 = machineBusy(),
    o0 = ownCpu();
  return () => {
    const wall = Number(process.hrtime.bigint() - t0) / 1e9;
    const others = wall > 0 ? Math.max(0, machineBusy() - m0 - (ownCpu() - o0)) / wall : 0;
    return { others, load: loadavg()[0], judged: others <= OTHERS_LIMIT };
  };
}

/** How the section's quiet reads in the output. */
export function describeQuiet(q: Quiet): string {
  const load = `load average ${q.load.toFixed(2)}`;
  if (Number.isNaN(q.others)) return `${load} (no /proc: judged by the load average)`;
  return `other work used ${q.others.toFixed(2)} of ${availableParallelism()} cores on average (${load}, the benchmark's own runs included)`;
}
