/**
 * Structural check against the key table: unknown keys (with "did you mean"), missing
 * required keys, maps where a value is expected and the reverse, and names that cannot
 * be used in expressions. Values themselves are checked when they are compiled.
 */
import type { Diagnostics } from './errors.js';
import type { SNode, SMap } from './tree.js';
import { describeNode } from './tree.js';
import { suggestName } from './expressions.js';
import { own } from '../engine/index.js';
import { ROOT, type Shape, type KeySpec } from './keys.js';

export const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
/** Names never used in expressions (strategies, arrival streams) may also hold `-`. */
export const LABEL_RE = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export function checkKeys(root: SNode, diags: Diagnostics): void {
  walk(root, ROOT, '', diags);
}

function walk(node: SNode, shape: Shape, path: string, diags: Diagnostics, unitKind?: string): void {
  if (shape.s === 'value') return;
  if (node.kind !== 'map') {
    if (node.kind === 'scalar' && node.empty && path !== '') return; // an empty section is fine
    diags.error('wrong-type', node.loc, path, `found ${describeNode(node)}`, {
      expected: path === '' ? 'a map of scenario keys (`caresim: 1`, `time`, `units`, ...)' : 'a map of keys',
    });
    return;
  }
  if (shape.s === 'named') {
    for (const e of node.entries) {
      const p = path ? `${path}.${e.key}` : e.key;
      const re = shape.what === 'param' || shape.what === 'cohort' || shape.what === 'unit' ? NAME_RE : LABEL_RE;
      if (!re.test(e.key)) {
        diags.error('bad-name', e.keyLoc, p, `\`${e.key}\` is not a usable ${shape.what} name`, {
          expected: 'letters, digits and `_`, starting with a letter',
          hint: `e.g. \`${e.key.replace(/[^A-Za-z0-9_]/g, '_').replace(/^([^A-Za-z_])/, '_$1')}\``,
        });
      }
      const kind = shape.what === 'unit' ? scalarAt(e.value, 'kind') : undefined;
      walk(e.value, shape.item, p, diags, kind);
    }
    return;
  }
  checkMap(node, shape.keys, path, diags, unitKind);
}

function scalarAt(node: SNode, key: string): string | undefined {
  if (node.kind !== 'map') return undefined;
  const e = node.entries.find((x) => x.key === key);
  return e && e.value.kind === 'scalar' ? e.value.text : undefined;
}

/** The required keys of each key table, listed once: every map of every load is checked against one. */
const requiredOf = new WeakMap<Record<string, KeySpec>, readonly string[]>();

function requiredKeys(keys: Record<string, KeySpec>): readonly string[] {
  let r = requiredOf.get(keys);
  if (!r) {
    r = Object.keys(keys).filter((k) => keys[k].required);
    requiredOf.set(keys, r);
  }
  return r;
}

function checkMap(node: SMap, keys: Record<string, KeySpec>, path: string, diags: Diagnostics, unitKind?: string): void {
  for (const e of node.entries) {
    const p = path ? `${path}.${e.key}` : e.key;
    const spec = own(keys, e.key);
    if (!spec) {
      const names = Object.keys(keys);
      diags.error('unknown-key', e.keyLoc, p, `unknown key \`${e.key}\``, {
        expected: `one of ${names.map((n) => `\`${n}\``).join(', ')}`,
        hint: suggestName(e.key, names),
      });
      continue;
    }
    if (spec.kinds && unitKind && !spec.kinds.includes(unitKind)) {
      diags.error('key-not-for-kind', e.keyLoc, p, `\`${e.key}\` does not apply to a unit of kind \`${unitKind}\``, {
        expected: `\`${e.key}\` only on kind ${spec.kinds.map((k) => `\`${k}\``).join(', ')}`,
        hint: 'remove it, or change `kind`',
      });
    }
    walk(e.value, spec.shape, p, diags, unitKind);
  }
  for (const k of requiredKeys(keys)) {
    const spec = keys[k];
    if (!node.entries.some((e) => e.key === k)) {
      diags.error('missing-key', node.loc, path ? `${path}.${k}` : k, `\`${k}\` is missing`, {
        expected: spec.doc,
        hint: spec.example !== undefined ? `add e.g. \`${k}: ${spec.example}\`` : undefined,
      });
    }
  }
}
