/**
 * The `levers:` section: the strategy levers a planner may move in the live viewer
 * (`caresim view`), each a param with a plain number and the range its slider covers:
 *   levers:
 *     params.handoff_factor: { from: 0.25, to: 1.5, step: 0.05, label: Assessment hand-off delays (x today's) }
 *     params.ucr_day:        { from: 6, to: 20, step: 1, label: UCR responders by day }
 * A lever moves a param, not a unit key, so a saved plan is the same `set:` line a strategy
 * writes, and everything the param feeds (capacities, costs, rosters) follows it.
 */
import type { Diagnostics, Loc } from './errors.js';
import type { SMap, SNode } from './tree.js';
import { child, describeNode } from './tree.js';
import type { Env } from './env.js';
import { readRequiredNumber } from './read.js';
import { suggestName } from './expressions.js';

export interface Lever {
  /** The `set:` path, `params.<name>`. */
  path: string;
  /** What the slider says; the param's name when the scenario gives none. */
  label: string;
  from: number;
  to: number;
  step: number;
  /** The scenario's own value (with any `--set`); it may lie off the steps or outside the range: the slider is anchored on it (viz/sliders.ts). */
  value: number;
}

/** Most steps a slider may have: a range input finer than this cannot be moved by hand. */
export const MAX_LEVER_STEPS = 1000;
const KEYS = ['from', 'to', 'step', 'label'];

function readLever(key: string, keyLoc: Loc, node: SNode, env: Env, diags: Diagnostics): Lever | null {
  const p = `levers.${key}`;
  const params = env.names();
  const m = /^params\.([A-Za-z_][A-Za-z0-9_]*)$/.exec(key);
  if (!m) {
    diags.error('bad-lever', keyLoc, p, `\`${key}\` is not a param`, {
      expected: 'a lever moves a param: `params.<name>`',
      hint: 'give the value a param (e.g. `params: { ucr_day: 11 }` and `capacity: ucr_day`) and make the param the lever',
    });
    return null;
  }
  const name = m[1];
  if (!params.includes(name)) {
    diags.error('unknown-name', keyLoc, p, `there is no param \`${name}\``, {
      expected: `one of ${params.map((x) => `\`${x}\``).join(', ') || 'the params (there are none)'}`,
      hint: suggestName(name, params),
    });
    return null;
  }
  if (node.kind !== 'map') {
    diags.error('wrong-type', node.loc, p, `found ${describeNode(node)}`, { expected: '`{ from: N, to: N, step: N, label: TEXT }`' });
    return null;
  }
  let ok = true;
  for (const k of node.entries) {
    if (!KEYS.includes(k.key)) {
      diags.error('unknown-key', k.keyLoc, `${p}.${k.key}`, `unknown key \`${k.key}\``, {
        expected: '`from`, `to`, `step` and `label`',
        hint: suggestName(k.key, KEYS),
      });
      ok = false;
    }
  }
  const num = (k: string) => readRequiredNumber(env, node, p, k, 'from, to and step of the slider');
  const from = num('from'),
    to = num('to'),
    step = num('step');
  if (!ok || from === null || to === null || step === null) return null;
  const stepLoc = child(node, 'step')!.loc,
    toLoc = child(node, 'to')!.loc;
  if (!(step > 0)) {
    diags.error('bad-range', stepLoc, `${p}.step`, `the step is ${step}`, { expected: 'a step above zero' });
    return null;
  }
  if (!(to > from)) {
    diags.error('empty-range', toLoc, `${p}.to`, `the range ${from} to ${to} has nothing to move`, {
      expected: '`to` above `from`',
      hint: to < from ? `swap them: \`from: ${to}, to: ${from}\`` : 'widen the range',
    });
    return null;
  }
  if (!((to - from) / step <= MAX_LEVER_STEPS)) {
    // Not the count itself: 1e-300 makes 1e300 steps and a smaller step Infinity, neither a
    // number a planner can act on. The limit and the smallest round step that fits are.
    const written = (k: string, v: number) => {
      const n = child(node, k);
      return n?.kind === 'scalar' ? n.text.trim() : String(v);
    };
    const most = MAX_LEVER_STEPS.toLocaleString('en-GB');
    const least = (to - from) / MAX_LEVER_STEPS;
    diags.error(
      'range-too-large',
      stepLoc,
      `${p}.step`,
      `a step of ${written('step', step)} from ${written('from', from)} to ${written('to', to)} makes more than ${most} steps, the most a slider can have`,
      {
        expected: `a step of at least ${Number(least.toPrecision(6))} (${most} steps)`,
        hint: `use a larger step, e.g. \`step: ${roundUp(least)}\``,
      },
    );
    return null;
  }
  let v;
  try {
    v = env.lookup(name);
  } catch {
    return null; // reported where the param is written
  }
  if (!v || v.k !== 'q' || env.uncertain.has(name) || v.t !== 0) {
    diags.error('bad-lever', keyLoc, p, `\`${name}\` is not a plain number`, {
      expected: 'a param holding a single number with no unit (an uncertain param or one in days cannot be a lever)',
      hint: 'make the lever a factor: e.g. `handoff_factor: 1` and `exponential(2 days * handoff_factor)`',
    });
    return null;
  }
  const value = v.n;
  const labelNode = child(node, 'label');
  const label = labelNode?.kind === 'scalar' && labelNode.text.trim() !== '' ? labelNode.text.trim() : name;
  return { path: key, label, from, to, step, value };
}

/** The smallest of 1, 2 and 5 times a power of ten that is at least `v` (v > 0). */
function roundUp(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  const m = [1, 2, 5, 10].find((k) => k * p >= v * (1 - 1e-12)) ?? 10;
  return Number((m * p).toPrecision(12));
}

/** Every lever of the scenario ([] without a `levers:` section); null when one is wrong (reported). */
export function compileLevers(root: SMap, env: Env, diags: Diagnostics): Lever[] | null {
  const node = child(root, 'levers');
  if (!node) return [];
  if (node.kind !== 'map') {
    diags.error('wrong-type', node.loc, 'levers', `found ${describeNode(node)}`, {
      expected: 'a map of `params.<name>` to `{ from, to, step, label }`',
      hint: 'e.g. `levers: { params.ucr_day: { from: 6, to: 20, step: 1, label: UCR responders by day } }`',
    });
    return null;
  }
  const out = node.entries.map((e) => readLever(e.key, e.keyLoc, e.value, env, diags));
  return out.every((l) => l !== null) ? out : null;
}
