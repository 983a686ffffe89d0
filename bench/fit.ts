/**
 * `npm run bench:fit`: reading and fitting a synthetic stays extract of about a million rows
 * (fit/synthetic.ts, written to a temporary file first), as `caresim fit` does it: streamed CSV,
 * every family on every unit, cohort and hand-off, bootstrap goodness of fit. Prints rows per
 * second, the wall time of each phase and the peak memory. Options: --rows N (default 1e6),
 * --keep FILE (reuse or keep the extract). Never run as a test: timings vary.
 */
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { closeSync, existsSync, openSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { generateStays } from '../fit/index.js';
import { readExtract } from '../fit/index.js';
import { analyseStays } from '../fit/index.js';
import { writeFragment } from '../fit/index.js';

const argv = process.argv.slice(2);
const opt = (k: string) => (argv.includes(k) ? argv[argv.indexOf(k) + 1] : undefined);
const rows = Number(opt('--rows') ?? 1e6);
const keep = opt('--keep');
const file = keep ?? join(tmpdir(), `caresim-bench-fit-${process.pid}.csv`);
const say = (s = '') => process.stdout.write(`${s}\n`);
const mib = (b: number) => `${(b / 2 ** 20).toFixed(0)} MiB`;

say(`caresim fit benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`);
say(
  `machine: ${availableParallelism()} cores, ${cpus()[0]?.model ?? 'unknown CPU'}, node ${process.version}; load average ${loadavg()
    .map((x) => x.toFixed(2))
    .join(' ')}`,
);

if (!keep || !existsSync(file)) {
  // Two years of acute admissions at the rate that gives about `rows` stays (a quarter go on to rehab).
  const rate = rows / 730 / 1.25;
  const fd = openSync(file, 'w');
  let buf: string[] = [];
  generateStays({ seed: 1, start: '2025-01-01', days: 730, rate }, (l) => {
    buf.push(l);
    if (buf.length === 10_000) {
      writeSync(fd, `${buf.join('\n')}\n`);
      buf = [];
    }
  });
  writeSync(fd, `${buf.join('\n')}\n`);
  closeSync(fd);
}
const rss0 = process.memoryUsage().rss;
const c0 = process.cpuUsage();
const t0 = performance.now();
const ex = await readExtract(file, new Map(), null);
const t1 = performance.now();
const c1 = process.cpuUsage(c0);
if (ex.kind !== 'stays') throw new Error('expected a stays extract');
const units = analyseStays(ex.table, { seed: '1' });
const t2 = performance.now();
const c2 = process.cpuUsage(c0);
const fragment = writeFragment({
  sources: [{ file: 'bench.csv', kind: 'stays', rows: ex.table.rows, used: ex.table.used, bad: ex.table.bad.count }],
  units,
  streams: [],
});
const t3 = performance.now();
const c3 = process.cpuUsage(c0);
// On a loaded machine the wall time includes waiting for a core: CPU time is printed beside it.
const cpu = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1e6;
const peak = process.resourceUsage().maxRSS * 1024;
const n = ex.table.rows;
say(
  `rows: ${n.toLocaleString('en-GB')} (${ex.table.used.toLocaleString('en-GB')} used), ${units.length} units, ${units.reduce((a, u) => a + 1 + u.cohorts.length + u.handoff.length, 0)} duration fits, fragment ${fragment.length.toLocaleString('en-GB')} characters`,
);
say(
  `read (stream + check rows): wall ${((t1 - t0) / 1000).toFixed(2)} s, CPU ${cpu(c1).toFixed(2)} s; ${Math.round(n / ((t1 - t0) / 1000)).toLocaleString('en-GB')} rows/s wall`,
);
say(`fit (all families, bootstrap, arrivals, routing): wall ${((t2 - t1) / 1000).toFixed(2)} s, CPU ${(cpu(c2) - cpu(c1)).toFixed(2)} s`);
say(
  `total: wall ${((t3 - t0) / 1000).toFixed(2)} s, CPU ${cpu(c3).toFixed(2)} s; ${Math.round(n / ((t3 - t0) / 1000)).toLocaleString('en-GB')} rows/s wall, ${Math.round(n / cpu(c3)).toLocaleString('en-GB')} rows per CPU second`,
);
say(`peak RSS: ${mib(peak)} (${mib(rss0)} before reading; the file is ${mib((await import('node:fs')).statSync(file).size)})`);
if (!keep) rmSync(file, { force: true });
