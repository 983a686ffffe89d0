/**
 * Micro-benchmark of the event list: the classic "hold" model (pop the next event, push one
 * at a random later time) with 10^2, 10^4 and 10^6 pending events. Returns ops/s per size.
 */
import { createRequire } from 'node:module';
import type BenchmarkType from 'benchmark';
import { EventQueue } from '../engine/index.js';
import { makeStream } from '../engine/index.js';

export interface HoldResult {
  pending: number;
  opsPerSec: number;
  rme: number;
  samples: number;
}

function filledQueue(n: number): { q: EventQueue; next: () => void } {
  const q = new EventQueue(1024);
  const rng = makeStream(1, 0, `hold:${n}`);
  for (let i = 0; i < n; i++) q.push(-Math.log(rng.next()), 0, i);
  // One hold: pop the earliest event and schedule it again an exponential time later.
  const next = () => {
    q.pop();
    q.push(q.topTime - Math.log(rng.next()), 0, q.topPayload);
  };
  return { q, next };
}

export function runHold(sizes = [100, 10_000, 1_000_000]): Promise<HoldResult[]> {
  // benchmark.js detects its module system from `this` and `module`; inside a bundle that
  // detection fails, so it is loaded at run time by Node's own require instead.
  const Benchmark = createRequire(import.meta.url)('benchmark') as typeof import('benchmark');
  return new Promise((resolve) => {
    const suite = new Benchmark.Suite('event list hold');
    for (const n of sizes) {
      const { next } = filledQueue(n);
      suite.add(`hold ${n}`, next, { minSamples: 20, maxTime: 2 });
    }
    const out: HoldResult[] = [];
    suite.on('cycle', (ev: BenchmarkType.Event) => {
      const b = ev.target as unknown as BenchmarkType;
      out.push({
        pending: Number(String(b.name).split(' ')[1]),
        opsPerSec: b.hz ?? 0,
        rme: b.stats?.rme ?? NaN,
        samples: b.stats?.sample.length ?? 0,
      });
    });
    suite.on('complete', () => resolve(out));
    suite.run({ async: false });
  });
}
