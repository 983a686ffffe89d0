/**
 * What a strategy changes, from -> to, with expressions evaluated: `params.acute_beds:
 * acute_beds - 30` shows as `2150 -> 2120`, so a planner sees what a relative change came to
 * after the baseline was edited. Shown in the terminal, the results file and the report.
 */
import type { Change } from '../results/index.js';
import type { SMap, SNode } from './tree.js';
import { child } from './tree.js';
import { Diagnostics } from './errors.js';
import { Env } from './env.js';
import { ExprError } from './expressions.js';
import { rateUnitOf, showQty, type Value } from './quantity.js';

function nodeAt(root: SMap, path: string): SNode | undefined {
  let node: SNode | undefined = root;
  for (const seg of path.split('.')) node = child(node, seg);
  return node;
}

/** `per`: the time the baseline wrote a rate per (an hourly price stays per hour on both sides). */
function show(v: Value | null | undefined, node: SNode | undefined, per?: string): string {
  if (v && v.k === 'q') return showQty(v, per);
  if (!node) return '(not set)';
  if (node.kind === 'scalar') return node.text.trim();
  return node.kind === 'map' ? `{ ${node.entries.map((e) => e.key).join(', ')} }` : '[...]';
}

/** A value in a tree: a param through its Env (so `x - 30` sees the baseline x), else the node itself. */
function valueOf(root: SMap, env: Env, path: string, per: string | undefined): string {
  const node = nodeAt(root, path);
  const segs = path.split('.');
  try {
    if (segs.length === 2 && segs[0] === 'params') return show(env.lookup(segs[1]), node, per);
    if (node?.kind === 'scalar' && !node.empty) return show(env.eval(node, path), node, per);
  } catch (e) {
    if (!(e instanceof ExprError)) throw e;
  }
  return show(null, node);
}

const paramsOf = (root: SMap) => {
  const p = child(root, 'params');
  return p?.kind === 'map' ? p : undefined;
};

/** Every changed path of a strategy, its baseline value and its value in the strategy. */
export function strategyChanges(base: SMap, tree: SMap, paths: readonly string[]): Change[] {
  // Problems were reported when the trees were compiled: these Envs only read values.
  const baseEnv = new Env(paramsOf(base), new Diagnostics());
  const env = new Env(paramsOf(tree), new Diagnostics(), undefined, paramsOf(base));
  return paths.map((path) => {
    const node = nodeAt(base, path);
    const per = node?.kind === 'scalar' ? rateUnitOf(node.text) : undefined;
    return { path, from: valueOf(base, baseEnv, path, per), to: valueOf(tree, env, path, per) };
  });
}
