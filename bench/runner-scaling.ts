/**
 * Runner scaling: 400 replications of benchmark model B (scenarios/library/model-b.yaml)
 * called directly in one thread, then through the runner on 1 and 2 workers.
 * Prints one JSON line with the seconds and two ratios:
 *  - speedup_2_workers = runner(1 worker) / runner(2 workers), expected >= 1.8 on 2 cores;
 *  - runner_overhead = runner(1 worker) / direct from cold, expected <= 1.10 (worker start-up,
 *    messages, summary). "Direct from cold" runs the same loop of engine calls in a fresh
 *    thread, timed from its first call: like the runner's workers, it starts with no compiled
 *    code. runner_overhead_vs_warm compares with the loop in this process after a warm-up,
 *    which also charges the runner for V8's warm-up of a fresh thread (about 0.1 s);
 *  - speedup_2_workers_background_compile: the same with V8 compiling on helper threads
 *    (the runner's choice against it is in runner/jit.ts).
 * Each configuration is timed `trials` times, interleaved, and the fastest is kept: other
 * load on the machine only ever slows a trial down.
 * Usage: node dist/runner-scaling.js [reps] [trials] [scenario]
 */
import { performance } from 'node:perf_hooks';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { simulate } from '../engine/index.js';
import { loadScenario } from '../scenarios/index.js';
import { runScenario } from '../runner/index.js';
import type { CompiledScenario } from '../runner/index.js';

export interface ScalingResult {
  reps: number;
  trials: number;
  direct_seconds: number;
  direct_cold_seconds: number;
  workers_1_seconds: number;
  workers_2_seconds: number;
  speedup_2_workers: number;
  workers_1_background_compile_seconds: number;
  workers_2_background_compile_seconds: number;
  speedup_2_workers_background_compile: number;
  runner_overhead: number;
  runner_overhead_vs_warm: number;
}

const round = (v: number) => Math.round(v * 1000) / 1000;

export async function runnerScaling(file: string, reps = 400, trials = 3): Promise<ScalingResult> {
  const sc: CompiledScenario = loadScenario(file);
  const model = sc.strategies[0].model;
  // Warm the JIT so the first timing does not pay for compilation alone.
  for (let r = 0; r < 5; r++) simulate(model, { seed: sc.seed, replication: r });

  const direct = () => {
    const t0 = performance.now();
    for (let r = 0; r < reps; r++) simulate(model, { seed: sc.seed, replication: r });
    return (performance.now() - t0) / 1000;
  };
  const directCold = () =>
    new Promise<number>((resolve, reject) => {
      const w = new Worker(fileURLToPath(import.meta.url), { workerData: { model, reps, seed: sc.seed } });
      w.once('message', (seconds: number) => {
        resolve(seconds);
        void w.terminate();
      });
      w.once('error', reject);
    });
  const viaRunner = async (workers: number, backgroundCompile = false) => {
    const t0 = performance.now();
    await runScenario(sc, { reps, workers, backgroundCompile });
    return (performance.now() - t0) / 1000;
  };
  const best = { direct: Infinity, cold: Infinity, one: Infinity, two: Infinity, oneBg: Infinity, twoBg: Infinity };
  for (let t = 0; t < trials; t++) {
    best.direct = Math.min(best.direct, direct());
    best.cold = Math.min(best.cold, await directCold());
    best.one = Math.min(best.one, await viaRunner(1));
    best.two = Math.min(best.two, await viaRunner(2));
    best.oneBg = Math.min(best.oneBg, await viaRunner(1, true));
    best.twoBg = Math.min(best.twoBg, await viaRunner(2, true));
  }
  const { one, two, oneBg, twoBg } = best;
  return {
    reps,
    trials,
    direct_seconds: round(best.direct),
    direct_cold_seconds: round(best.cold),
    workers_1_seconds: round(one),
    workers_2_seconds: round(two),
    speedup_2_workers: round(one / two),
    runner_overhead: round(one / best.cold),
    runner_overhead_vs_warm: round(one / best.direct),
    workers_1_background_compile_seconds: round(oneBg),
    workers_2_background_compile_seconds: round(twoBg),
    speedup_2_workers_background_compile: round(oneBg / twoBg),
  };
}

if (!isMainThread && workerData?.model) {
  // The direct loop from cold, in a fresh thread: no runner, no messages but the answer.
  const { model, reps, seed } = workerData as { model: Parameters<typeof simulate>[0]; reps: number; seed: number | string };
  const t0 = performance.now();
  for (let r = 0; r < reps; r++) simulate(model, { seed, replication: r });
  parentPort!.postMessage((performance.now() - t0) / 1000);
} else if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const reps = Number(process.argv[2] ?? 400);
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const trials = Number(process.argv[3] ?? 3);
  const file = process.argv[4] ?? join(root, 'scenarios', 'library', 'model-b.yaml');
  const result = await runnerScaling(file, reps, trials);
  console.log(JSON.stringify({ bench: 'runner-scaling', ...result }));
}
