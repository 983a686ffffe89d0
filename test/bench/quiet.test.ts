import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import { machineBusy, ownCpu } from '../../bench/quiet.js';

/** Keeps this thread busy until it has used `ms` of CPU time (by Node's own count). */
function burn(ms: number): number {
  const t0 = process.cpuUsage();
  let x = 0;
  for (;;) {
    for (let i = 0; i < 1e5; i++) x += Math.sqrt(x + i);
    const d = process.cpuUsage(t0);
    if ((d.user + d.system) / 1000 >= ms) return (d.user + d.system) / 1e6 + (x < 0 ? 1 : 0);
  }
}

describe.runIf(existsSync('/proc/stat'))('bench/quiet', () => {
  it('ownCpu() agrees with process.cpuUsage() on the CPU this process used', () => {
    const before = ownCpu();
    const used = burn(300);
    // The /proc counters tick every 10 ms and the two are read at slightly different moments.
    expect(ownCpu() - before).toBeCloseTo(used, 1);
  });

  it('machineBusy() includes this process: it grows at least as much as ownCpu()', () => {
    const m0 = machineBusy(),
      o0 = ownCpu();
    burn(300);
    // Tick rounding in the two counters: allow two ticks.
    expect(machineBusy() - m0).toBeGreaterThanOrEqual(ownCpu() - o0 - 0.02);
  });
});
