import { describe, it, expect } from 'vitest';
import { fixture } from './problem.js';
import { modelOracle } from '../../optimise/model-oracle.js';
import { optimise } from '../../optimise/optimise.js';
import type { CompiledStrategy } from '../../engine/compiled.js';

/**
 * The statement "with 95% confidence the chosen plan is feasible and the best" checked by
 * repetition: the whole optimisation of the Erlang C problem (answer 12 places) run on 200
 * independent seeds. Slow by design (a few hundred thousand short replications).
 */
describe('optimise(spec, oracle, opts) probability of correct selection', () => {
  it('optimise selects the Erlang C answer in at least 95% of 200 macro-replications (confidence 95%)', async () => {
    const { opt } = fixture('erlang-c.yaml');
    // Plans do not depend on the seed: compile each once for all macro-replications.
    const cache = new Map<string, CompiledStrategy>();
    const candidate = (v: Record<string, number>, name: string) => {
      let s = cache.get(name);
      if (!s) {
        s = opt.candidate(v, name);
        cache.set(name, s);
      }
      return s;
    };
    const M = 200;
    let correct = 0,
      infeasibleChosen = 0;
    for (let m = 0; m < M; m++) {
      const seed = `pcs-${m}`;
      const mo = modelOracle({ spec: opt.spec, candidate, seed, workers: 0, workerFile: '' });
      const out = await optimise(opt.spec, mo.oracle, { seed, budget: 400 });
      const c = out.cleanup;
      const places = c.chosen === null ? null : mo.values(c.judged[c.chosen].point)['params.places'];
      if (places === 12) correct++;
      if (places !== null && places < 12) infeasibleChosen++;
    }
    expect(correct / M, `correct in ${correct} of ${M}`).toBeGreaterThanOrEqual(0.95);
    expect(infeasibleChosen / M).toBeLessThanOrEqual(0.025);
  }, 900_000); // about 45 s of CPU alone; a loaded machine running other suites stretches it several-fold
});
