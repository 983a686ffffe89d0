/**
 * `sweep`: one strategy per combination of values, e.g.
 * `sweep: { units.p1.capacity: [1000, 1100, 1200], params.ucr_staff: [24, 34] }`
 * gives six strategies named after their values (`units.p1.capacity=1000,params.ucr_staff=24`).
 */
import type { Diagnostics } from './errors.js';
import type { SNode } from './tree.js';
import { describeNode } from './tree.js';
import type { Env } from './env.js';
import { DAY } from '../engine/index.js';

export const MAX_SWEEP_POINTS = 200;

export interface SweepPoint {
  name: string;
  /** Path to the value node to set. */
  nodes: Record<string, SNode>;
  /** Path to the expression text, as written. */
  set: Record<string, string>;
  /** Path to the number: plain numbers as is, durations in days, rates per day. */
  values: Record<string, number>;
}

export function sweepPoints(node: SNode | undefined, env: Env, diags: Diagnostics): SweepPoint[] | null {
  if (!node || (node.kind === 'scalar' && node.empty) || (node.kind === 'map' && node.entries.length === 0)) return [];
  if (node.kind !== 'map') {
    diags.error('wrong-type', node.loc, 'sweep', `found ${describeNode(node)}`, { expected: 'a map of key path to a list of values' });
    return null;
  }
  const axes: { path: string; items: SNode[]; nums: number[] }[] = [];
  let ok = true;
  for (const e of node.entries) {
    const p = `sweep.${e.key}`;
    if (e.value.kind !== 'seq' || e.value.items.length === 0) {
      diags.error('wrong-type', e.value.loc, p, `found ${describeNode(e.value)}`, {
        expected: 'a non-empty list of values, e.g. `[1000, 1100, 1200]`',
      });
      ok = false;
      continue;
    }
    const nums: number[] = [];
    for (const it of e.value.items) {
      const v = env.eval(it, p);
      if (!v) {
        ok = false;
        continue;
      }
      if (v.k !== 'q') {
        diags.error('wrong-type', it.loc, p, 'a sweep value is not a single number or quantity', {
          expected: 'numbers or quantities such as `1100` or `5 days`',
        });
        ok = false;
        continue;
      }
      nums.push(v.t === 1 ? v.n / DAY : v.t === -1 ? v.n * DAY : v.n);
    }
    axes.push({ path: e.key, items: e.value.items, nums });
  }
  if (!ok) return null;
  const total = axes.reduce((n, a) => n * a.items.length, 1);
  if (total > MAX_SWEEP_POINTS) {
    diags.error('sweep-too-large', node.loc, 'sweep', `the sweep has ${total} combinations`, {
      expected: `at most ${MAX_SWEEP_POINTS}`,
      hint: 'sweep fewer values, or split into several runs',
    });
    return null;
  }
  let combos: number[][] = [[]];
  for (const a of axes) combos = combos.flatMap((c) => a.items.map((_, i) => [...c, i]));
  return combos.map((c) => {
    const p: SweepPoint = { name: '', nodes: {}, set: {}, values: {} };
    c.forEach((i, j) => {
      const a = axes[j],
        it = a.items[i];
      p.nodes[a.path] = it;
      p.set[a.path] = it.kind === 'scalar' ? it.text : '';
      p.values[a.path] = a.nums[i];
    });
    p.name = Object.entries(p.set)
      .map(([k, v]) => `${k}=${v}`)
      .join(',');
    return p;
  });
}
