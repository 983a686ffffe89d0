/** Loads an optimisation fixture and runs the optimiser in this thread. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenarioText } from '../../scenarios/index.js';
import { modelOracle } from '../../optimise/model-oracle.js';
import { optimise, type OptimiseOutcome } from '../../optimise/optimise.js';

export function fixture(name: string) {
  const file = fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
  const sc = loadScenarioText(readFileSync(file, 'utf8'), file);
  if (!sc.optimise) throw new Error(`${name} has no optimise section`);
  return { sc, opt: sc.optimise };
}

export async function solve(
  name: string,
  seed: number | string,
  budget: number,
): Promise<{ outcome: OptimiseOutcome; values: (p: readonly number[]) => Record<string, number> }> {
  const { opt } = fixture(name);
  const mo = modelOracle({ spec: opt.spec, candidate: opt.candidate, seed, workers: 0, workerFile: '' });
  const outcome = await optimise(opt.spec, mo.oracle, { seed, budget });
  return { outcome, values: mo.values };
}
