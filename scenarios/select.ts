/**
 * `caresim run --only a,b`: keep the baseline and the named strategies (or sweep points),
 * in the scenario's order, so a planner can re-run one option without the rest.
 */
import type { CompiledScenarioWithWarnings } from './load.js';
import { suggestName } from './expressions.js';

/** The scenario with only the baseline and `names`; a message for each unknown name. */
export function selectStrategies(
  sc: CompiledScenarioWithWarnings,
  names: string[],
): { scenario: CompiledScenarioWithWarnings; unknown: string[] } {
  const known = sc.strategies.map((s) => s.name);
  const unknown = names
    .filter((n) => !known.includes(n))
    .map((n) => {
      const hint = suggestName(
        n,
        known.filter((k) => k !== 'baseline'),
      );
      return `no strategy \`${n}\`${hint ? `; ${hint}` : ''} (strategies: ${known.filter((k) => k !== 'baseline').join(', ') || 'none'})`;
    });
  const keep = new Set(['baseline', ...names]);
  const strategies = sc.strategies.filter((s) => keep.has(s.name));
  // Warnings about a strategy left out are about a run that will not happen.
  const about = (message: string) => /in (?:strategy|sweep point) `([^`]+)`/.exec(message)?.[1];
  const warnings = sc.warnings.filter((w) => {
    const n = about(w.message);
    return n === undefined || keep.has(n);
  });
  const scenario: CompiledScenarioWithWarnings = { ...sc, strategies, warnings };
  if (sc.sweep) {
    const points = sc.sweep.points.filter((p) => keep.has(p.strategy));
    if (points.length > 0) scenario.sweep = { ...sc.sweep, points };
    else delete scenario.sweep;
  }
  return { scenario, unknown };
}
