/**
 * The ends of the scenario's levers (the viewer's sliders): each must compile, or the viewer
 * would offer a plan it cannot run. An end is checked like a strategy that sets the lever's
 * param, compiling again only the parts that read it.
 */
import type { CompiledStrategy } from '../engine/index.js';
import { Diagnostics, ScenarioError } from './errors.js';
import type { SMap } from './tree.js';
import { child, cloneNode, entry, keyLocations, scalar } from './tree.js';
import { checkKeys } from './check-keys.js';
import type { Header } from './header.js';
import { compileTree } from './compile.js';
import { checkWhole } from './network.js';
import { checkCycles } from './cycles.js';
import { applySet, FIXED_KEYS } from './set.js';
import type { Lever } from './levers.js';

/**
 * Whether the scenario compiles with a lever at one end, as a variant that sets the lever's
 * param would (`variant`: the same errors, the first one first), in a fraction of its time:
 * the baseline is compiled once and each end compiles again only the parts that read the param
 * (`vary`), then the checks that can refuse a whole model run on it. Throws ScenarioError.
 */
export function leverEndCheck(
  root: SMap,
  header: Header,
  baseParams: SMap | undefined,
  variant: (set: Record<string, string>, name: string, description: string) => CompiledStrategy,
): (set: Record<string, string>, name: string) => void {
  const d0 = new Diagnostics();
  const base = compileTree(root, d0, header.clock, baseParams, header.memo);
  return (set, name) => {
    const paths = Object.keys(set);
    if (!base || d0.errorCount > 0 || !paths.every((p) => p.startsWith('params.'))) {
      variant(set, name, '');
      return;
    }
    const d = new Diagnostics(),
      tree = cloneNode(root) as SMap;
    for (const [path, v] of Object.entries(set)) applySet(tree, path, scalar(v, root.loc), root.loc, d, FIXED_KEYS);
    checkKeys(tree, d);
    const label = ` in \`${name}\``;
    const model = base.vary(tree, d, new Set(paths.map((p) => p.slice('params.'.length))));
    if (model) {
      const units = child(tree, 'units');
      checkWhole(model, tree, keyLocations(units), d, label, new Set());
      checkCycles(model, d, units, label, new Set());
    }
    if (!model || d.errorCount > 0) throw new ScenarioError(d.list);
  };
}

/**
 * A slider may be moved to either end of its range: the scenario must compile there, or the
 * viewer would offer a plan it cannot run (a lever on a param that feeds a capacity, taken
 * below 0). Each end is compiled like a strategy that sets the param (`leverEndCheck`).
 */
export function checkLeverEnds(
  levers: readonly Lever[],
  root: SMap,
  compiles: (set: Record<string, string>, name: string) => void,
  diags: Diagnostics,
): void {
  const section = child(root, 'levers');
  for (const l of levers) {
    const at = (section?.kind === 'map' ? entry(section, l.path)?.keyLoc : undefined) ?? root.loc;
    for (const [end, value] of [
      ['from', l.from],
      ['to', l.to],
    ] as const) {
      try {
        compiles({ [l.path]: String(value) }, `lever ${l.path}=${value}`);
      } catch (e) {
        if (!(e instanceof ScenarioError)) throw e;
        const first = e.diagnostics.find((d) => d.severity === 'error');
        diags.error(
          'bad-value',
          at,
          `levers.${l.path}.${end}`,
          `at \`${end}: ${value}\` the scenario is invalid: ${first?.message ?? 'it does not compile'}`,
          {
            expected: 'a range of values the scenario accepts at both ends',
            hint: first?.path ? `the problem is at \`${first.path}\`; narrow the lever's range` : "narrow the lever's range",
          },
        );
        break;
      }
    }
  }
}
