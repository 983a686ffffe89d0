/**
 * The copy of the results inlined into a report: daily series rounded to 0.01 places (far
 * below what a chart or a board can see) and left out for sweep points, which only the
 * sweep chart shows, from their KPIs. A year of daily bands for ten strategies otherwise
 * makes a 4 MB attachment. KPIs, unit metrics and differences are kept exactly.
 */
import type { Band, Results, StrategyResults } from '../results/index.js';

const round = (xs: number[]): number[] => xs.map((x) => (x === null || !Number.isFinite(x) ? x : Math.round(x * 100) / 100));
const band = (b: Band): Band => ({ mean: round(b.mean), p05: round(b.p05), p95: round(b.p95) });

function compactStrategy(s: StrategyResults, keepDaily: boolean): StrategyResults {
  const daily: StrategyResults['daily'] = {};
  if (keepDaily) {
    for (const [u, d] of Object.entries(s.daily ?? {})) {
      daily[u] = { occupancy: band(d.occupancy), blocked: band(d.blocked), queue: band(d.queue), capacity: round(d.capacity) };
      if (d.admissions) daily[u].admissions = band(d.admissions);
    }
  }
  const out: StrategyResults = { ...s, daily };
  if (s.population) {
    out.population = Object.fromEntries(
      Object.entries(s.population).map(([c, p]) => [c, { ...p, people: keepDaily ? round(p.people) : [] }]),
    );
  }
  return out;
}

export function compactResults(r: Results): Results {
  const strategies: Results['strategies'] = {};
  for (const [name, s] of Object.entries(r.strategies)) strategies[name] = compactStrategy(s, name === 'baseline' || !s.sweep);
  const out: Results = { ...r, strategies };
  if (r.warmup_aid) out.warmup_aid = Object.fromEntries(Object.entries(r.warmup_aid).map(([u, xs]) => [u, round(xs)]));
  return out;
}
