/**
 * The scenario as a located tree: every map, list and scalar keeps the file, line and
 * column it came from, so each diagnostic can point a caret at the exact spot, even
 * after `extends`, strategy `set` and `--set` have replaced parts of it.
 */
import type { Loc } from './errors.js';

export interface SScalar {
  kind: 'scalar';
  loc: Loc;
  /** The text as written (for quoted scalars: the decoded string). */
  text: string;
  /** True for quoted and block scalars: always strings, never numbers. */
  quoted: boolean;
  /** True when the scalar is an empty value (`key:` with nothing after it). */
  empty: boolean;
}

export interface SEntry {
  key: string;
  keyLoc: Loc;
  value: SNode;
}

export interface SMap {
  kind: 'map';
  loc: Loc;
  entries: SEntry[];
}

export interface SSeq {
  kind: 'seq';
  loc: Loc;
  items: SNode[];
}

export type SNode = SScalar | SMap | SSeq;

export function scalar(text: string, loc: Loc, quoted = false): SScalar {
  return { kind: 'scalar', loc, text, quoted, empty: text === '' && !quoted };
}

export function entry(map: SMap, key: string): SEntry | undefined {
  for (const e of map.entries) if (e.key === key) return e;
  return undefined;
}

export function child(node: SNode | undefined, key: string): SNode | undefined {
  return node && node.kind === 'map' ? entry(node, key)?.value : undefined;
}

/** Where each key of a map is written (e.g. each unit's name under `units`); empty for anything else. */
export function keyLocations(node: SNode | undefined): Map<string, Loc> {
  return new Map(node?.kind === 'map' ? node.entries.map((e) => [e.key, e.keyLoc]) : []);
}

/** Deep copy, so a strategy's `set` never leaks into the baseline or another strategy. */
export function cloneNode(node: SNode): SNode {
  switch (node.kind) {
    case 'scalar':
      return { ...node };
    case 'seq':
      return { ...node, items: node.items.map(cloneNode) };
    case 'map':
      return { ...node, entries: node.entries.map((e) => ({ ...e, value: cloneNode(e.value) })) };
  }
}

/**
 * `extends`: the child file wins key by key in maps; lists and scalars replace whole.
 * Neither input is modified.
 */
export function mergeNodes(base: SNode, over: SNode): SNode {
  if (base.kind !== 'map' || over.kind !== 'map') return cloneNode(over);
  const out: SMap = { kind: 'map', loc: over.loc, entries: base.entries.map((e) => ({ ...e, value: cloneNode(e.value) })) };
  for (const e of over.entries) {
    const at = out.entries.findIndex((b) => b.key === e.key);
    if (at < 0) out.entries.push({ ...e, value: cloneNode(e.value) });
    else out.entries[at] = { key: e.key, keyLoc: e.keyLoc, value: mergeNodes(out.entries[at].value, e.value) };
  }
  return out;
}

/** Short text of a node for messages: a scalar's text, or what kind of value it is. */
export function describeNode(node: SNode): string {
  if (node.kind === 'scalar') return node.empty ? 'nothing' : `\`${node.text}\``;
  return node.kind === 'map' ? 'a map' : 'a list';
}
