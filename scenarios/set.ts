/**
 * Changing a scenario by dotted key path: strategy `set`, `sweep` and `--set` all go
 * through here, so they accept the same paths and values. The new value keeps its own
 * location, so a mistake in a `set` is reported where it was written.
 */
import type { Diagnostics, Loc } from './errors.js';
import type { SMap, SNode } from './tree.js';
import { child, cloneNode } from './tree.js';
import { FORBIDDEN_KEYS } from './parse.js';
import { suggestName } from './expressions.js';

/**
 * Maps whose keys are names the scenario declares. A change may reach a name that exists,
 * never invent one: `params.p1_pakages: 2400` would add an unused param and leave the
 * strategy identical to the baseline, silently. A whole new unit, arrival stream or cohort
 * (the value is a map) may be added; a new param never, since nothing could refer to it.
 */
const NAMED: { prefix: string[]; what: string; add: boolean }[] = [
  { prefix: ['params'], what: 'param', add: false },
  { prefix: ['units'], what: 'unit', add: true },
  { prefix: ['arrivals'], what: 'arrival stream', add: true },
  { prefix: ['population', 'cohorts'], what: 'cohort', add: true },
  { prefix: ['staff'], what: 'staff group', add: true },
];

/** Reports and returns false when `path` names a param, unit, stream or cohort the scenario lacks. */
export function checkSetTarget(root: SMap, path: string, value: SNode, loc: Loc, diags: Diagnostics): boolean {
  const segs = path.split('.');
  for (const { prefix, what, add } of NAMED) {
    if (segs.length <= prefix.length || prefix.some((p, i) => segs[i] !== p)) continue;
    let node: SNode | undefined = root;
    for (const p of prefix) node = child(node, p);
    const names = node?.kind === 'map' ? node.entries.map((e) => e.key) : [];
    const name = segs[prefix.length];
    if (names.includes(name)) return true;
    if (add && segs.length === prefix.length + 1 && value.kind === 'map') return true;
    const at = prefix.join('.');
    diags.error('unknown-set-path', loc, path, `there is no ${what} \`${name}\` to change (\`${path}\`)`, {
      expected:
        names.length > 0
          ? `one of the ${what}s under \`${at}\`: ${names.map((n) => `\`${n}\``).join(', ')}`
          : `a ${what} declared under \`${at}\``,
      hint: suggestName(name, names) ?? `declare it under \`${at}\` first`,
    });
    return false;
  }
  return true;
}

/** Keys that must be the same for every strategy (they shape the whole run). */
export const FIXED_KEYS = [
  'caresim',
  'time',
  'seed',
  'replications',
  'max_replications',
  'strategies',
  'sweep',
  'extends',
  'economics',
  'optimise',
];

const SEGMENT = /^[A-Za-z0-9_-]+$/;

/** Applies one change in place; reports and returns false when the path cannot be used. */
export function applySet(root: SMap, path: string, value: SNode, loc: Loc, diags: Diagnostics, fixed: string[]): boolean {
  const segs = path.split('.');
  const bad = segs.find((s) => !SEGMENT.test(s) || FORBIDDEN_KEYS.has(s));
  if (bad !== undefined || segs.length === 0) {
    diags.error('bad-set-path', loc, path, `\`${path}\` is not a key path`, {
      expected: 'a dotted path of keys, e.g. `units.p2.capacity`',
    });
    return false;
  }
  if (fixed.includes(segs[0])) {
    diags.error('bad-set-path', loc, path, `\`${segs[0]}\` cannot be changed here`, {
      expected: 'a path under `params`, `units`, `arrivals`, `population`, ...',
      hint: `${segs[0]} is the same for every strategy; change it in the file or on the command line`,
    });
    return false;
  }
  if (!checkSetTarget(root, path, value, loc, diags)) return false;
  let node: SMap = root;
  for (let i = 0; i < segs.length; i++) {
    const key = segs[i];
    const at = node.entries.findIndex((e) => e.key === key);
    if (i === segs.length - 1) {
      const v = cloneNode(value);
      if (at < 0) node.entries.push({ key, keyLoc: loc, value: v });
      else node.entries[at] = { key, keyLoc: node.entries[at].keyLoc, value: v };
      return true;
    }
    if (at < 0) {
      const m: SMap = { kind: 'map', loc, entries: [] };
      node.entries.push({ key, keyLoc: loc, value: m });
      node = m;
      continue;
    }
    const next = node.entries[at].value;
    if (next.kind !== 'map') {
      diags.error('bad-set-path', loc, path, `\`${segs.slice(0, i + 1).join('.')}\` is a single value, so \`${path}\` does not exist`, {
        expected: 'a path that follows the maps of the scenario',
        hint: `set \`${segs.slice(0, i + 1).join('.')}\` itself`,
      });
      return false;
    }
    node = next;
  }
  return true;
}

/** Splits a `--set path=expr` argument; the value's column counts from 1 on `<--set i>:1`. */
export function parseSetArg(arg: string, i: number, diags: Diagnostics): { path: string; text: string; loc: Loc } | null {
  const file = `<--set ${i + 1}>`;
  const eq = arg.indexOf('=');
  if (eq <= 0) {
    diags.error('bad-set', { file, line: 1, col: 1 }, '', `\`${arg}\` is not \`path=value\``, {
      expected: 'e.g. `units.acute.capacity=2000`',
    });
    return null;
  }
  const path = arg.slice(0, eq).trim();
  const raw = arg.slice(eq + 1);
  const lead = raw.length - raw.trimStart().length;
  return { path, text: raw.trim(), loc: { file, line: 1, col: eq + 2 + lead } };
}
