/**
 * One benchmark model as a whole process: `node dist/bench-model.js A|B|B-stable [--monitor off]`.
 * Prints one JSON line: wall seconds inside the process, events, events per second, peak
 * resident memory, and the results needed to check agreement with the reference models.
 */
import { simulate, DAY } from '../engine/index.js';
import type { ReplicationResult } from '../engine/index.js';
import type { UNIT_METRICS } from '../results/index.js';
import { CASES } from './models.js';

const args = process.argv.slice(2);
const which = args[0] ?? 'A';
const monitor = !(args.includes('--monitor') && args[args.indexOf('--monitor') + 1] === 'off');
const spec = CASES[which];
if (!spec) throw new Error(`unknown benchmark model ${which}: use A, B or B-stable`);

const model = spec.model(monitor);
const t0 = process.hrtime.bigint();
const runs: ReplicationResult[] = [];
for (let r = 0; r < spec.reps; r++) runs.push(simulate(model, { seed: 2027, replication: r }));
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
const events = runs.reduce((a, r) => a + r.events, 0);

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const se = (xs: number[]) => {
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1) / xs.length);
};

let results: Record<string, number> = {};
if (monitor && which === 'A') {
  const s = runs[0].units.s;
  // Batch means over days (about 13,000 customers each) give the standard error of Lq.
  const days = Array.from(runs[0].daily.s.queue.slice(0, -1));
  results = {
    meanWait: s.wait_mean * DAY,
    meanWaitSe: se(days) / 9,
    util: s.utilisation,
    customers: s.admitted_per_day * runs[0].horizonDays,
  };
} else if (monitor) {
  const col = (u: string, k: (typeof UNIT_METRICS)[number]) => runs.map((r) => r.units[u][k]);
  results = {
    acuteOcc: mean(col('acute', 'occupancy_mean')),
    acuteOccSe: se(col('acute', 'occupancy_mean')),
    blocked: mean(col('acute', 'blocked_mean')),
    blockedSe: se(col('acute', 'blocked_mean')),
    rehabUtil: mean(col('rehab', 'utilisation')),
    rehabUtilSe: se(col('rehab', 'utilisation')),
    homeUtil: mean(col('homecare', 'utilisation')),
    homeUtilSe: se(col('homecare', 'utilisation')),
  };
}
const maxRssMiB = process.resourceUsage().maxRSS / 1024;
console.log(
  JSON.stringify({
    engine: 'caresim',
    model: which,
    monitor,
    reps: spec.reps,
    seconds,
    events,
    eventsPerSec: events / seconds,
    maxRssMiB,
    ...results,
  }),
);
