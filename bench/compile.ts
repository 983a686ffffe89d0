/**
 * Scenario compile time: the default ICS (12 strategies incl. sweep points) checked and
 * compiled, first call in a fresh process (mathjs's one-off set-up included), warm (median of
 * the 20 loads after it, while V8 still optimises the compiler's code) and steady (median of 30
 * loads after those: what a process that compiles many times, such as the viewer's server or an
 * optimisation, pays a load), plus one replication's `modelFor` (parameter uncertainty draws).
 * Prints one JSON line. Usage: node dist/bench-compile.js [scenario]
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { loadScenario } from '../scenarios/index.js';
import { middleOf as median } from './measure.js';

const file = process.argv[2] ?? join(fileURLToPath(new URL('..', import.meta.url)), 'scenarios', 'library', 'ics-default.yaml');

let t0 = performance.now();
const sc = loadScenario(file);
const cold = performance.now() - t0;
/** The times of n more loads, one after another, in ms. */
const loads = (n: number) =>
  Array.from({ length: n }, () => {
    const t = performance.now();
    loadScenario(file);
    return performance.now() - t;
  });
const warm = loads(20);
const steady = loads(30);
const draws: number[] = [];
for (let r = 0; r < 200; r++) {
  t0 = performance.now();
  for (const s of sc.strategies) s.modelFor(sc.seed, r);
  draws.push((performance.now() - t0) / sc.strategies.length);
}
console.log(
  JSON.stringify({
    file,
    strategies: sc.strategies.length,
    coldMs: cold,
    warmMs: median(warm),
    steadyMs: median(steady),
    modelForMs: median(draws),
  }),
);
