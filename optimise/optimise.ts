/**
 * Simulation optimisation: the adaptive search (search.ts) proposes, the clean-up (cleanup.ts)
 * decides with stated confidence. Works on any oracle that measures a plan in one replication,
 * so it is tested against exact answers as well as run on the worker pool.
 */
import { Bank, type Oracle, type Point, type Request } from './bank.js';
import { search, type Estimate, type SearchOutcome } from './search.js';
import { cleanup, type CleanupOutcome } from './cleanup.js';
import type { OptimiseSpec } from '../scenarios/index.js';

/** Relative tolerance of a target used to size the replications of its bound. */
export const TARGET_TOLERANCE = 0.01;
/** Plans carried from the search into the clean-up. */
export const CLEANUP_PLANS = 5;
/** Share of the budget the search may spend. */
export const SEARCH_SHARE = 0.6;

export interface OptimiseOptions {
  seed: number | string;
  budget: number;
  /** Measurements taken earlier (a resumed run), in the signed form `onMeasure` gave them. */
  earlier?: Iterable<{ point: Point; replication: number; measures: number[] }>;
  /** Each new measurement, signed (objective negated when maximising), for a journal. */
  onMeasure?: (r: Request, measures: number[]) => void;
  onProgress?: (p: { stage: 'search' | 'clean-up'; spent: number; budget: number; visited?: number }) => void;
}

export interface OptimiseOutcome {
  search: SearchOutcome;
  /** Plans taken into the clean-up, in `cleanup.judged` order. */
  plans: Point[];
  cleanup: CleanupOutcome;
  spent: number;
  budget: number;
  /** +1 when minimising, -1 when maximising: signed objective = sign x objective. */
  sign: 1 | -1;
  /** Every measurement (signed objective first). */
  bank: Bank;
}

/** The best few of the search: the best by mean and, to be judged properly, cheaper plans that just missed. */
export function pickPlans(ranked: readonly Estimate[], k = CLEANUP_PLANS): Point[] {
  const ok = ranked.filter((e) => e.violation === 0);
  if (ok.length === 0) return ranked.slice(0, k).map((e) => e.point);
  const top = ok.slice(0, Math.max(1, k - 2));
  const cheaper = ranked
    .filter((e) => e.violation > 0 && e.objective < ok[0].objective)
    .sort((a, b) => a.violation - b.violation)
    .slice(0, k - top.length);
  const more = ok.slice(top.length, top.length + (k - top.length - cheaper.length));
  return [...top, ...cheaper, ...more].map((e) => e.point);
}

export async function optimise(spec: OptimiseSpec, oracle: Oracle, opts: OptimiseOptions): Promise<OptimiseOutcome> {
  const sign: 1 | -1 = spec.objective.sense === 'maximise' ? -1 : 1;
  const signOf = (m: number[]) => [sign * m[0], ...m.slice(1)];
  const signed: Oracle = async (reqs, finished) => (await oracle(reqs, finished && ((i, m) => finished(i, signOf(m))))).map(signOf);
  const bank = new Bank(signed, opts.onMeasure);
  for (const e of opts.earlier ?? []) bank.put(e.point, e.replication, e.measures);
  // Replayed measurements count towards the budget, so a resumed run takes the same path.
  const budget = opts.budget;
  const alpha = 1 - spec.confidence;
  const m = spec.constraints.length;
  const problem = { sizes: spec.decide.map((d) => d.count), constraints: spec.constraints };
  const found = await search(bank, problem, {
    seed: opts.seed,
    budget: Math.floor(budget * SEARCH_SHARE),
    onIteration: (it) => opts.onProgress?.({ stage: 'search', spent: bank.spent, budget, visited: it.visited }),
  });
  const plans = pickPlans(found.ranked);
  opts.onProgress?.({ stage: 'clean-up', spent: bank.spent, budget });
  const clean = await cleanup(
    bank,
    plans,
    {
      constraints: spec.constraints.map((c) => ({ ...c, tolerance: TARGET_TOLERANCE * Math.max(Math.abs(c.target), 1e-9) })),
    },
    {
      alphaF: m > 0 ? alpha / 2 : 0,
      alphaS: m > 0 ? alpha / 2 : alpha,
      delta: spec.indifference,
      budget: Math.max(0, budget - bank.spent),
    },
  );
  opts.onProgress?.({ stage: 'clean-up', spent: bank.spent, budget });
  return { search: found, plans, cleanup: clean, spent: bank.spent, budget, sign, bank };
}
