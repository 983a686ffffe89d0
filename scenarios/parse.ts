/**
 * YAML text to a located tree. The yaml package does the parsing; this file adds the
 * limits that keep a hostile file harmless: size, binary content, alias expansion,
 * nesting depth, duplicate keys, tags and keys that could reach an object prototype.
 */
import { parseDocument, LineCounter, isAlias, isMap, isScalar, isSeq, isPair } from 'yaml';
import type { Node as YNode, Document } from 'yaml';
import type { Diagnostics, Loc } from './errors.js';
import type { SNode, SEntry } from './tree.js';

export const MAX_BYTES = 1_000_000;
export const MAX_ALIASES = 100;
export const MAX_NODES = 50_000;
export const MAX_DEPTH = 40;
const CORE_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => `tag:yaml.org,2002:${t}`));
export const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

interface Ctx {
  text: string;
  file: string;
  lc: LineCounter;
  doc: Document;
  diags: Diagnostics;
  aliases: number;
  nodes: number;
  overBudget: boolean;
}

function locAt(ctx: Ctx, offset: number): Loc {
  const p = ctx.lc.linePos(Math.max(0, offset));
  return { file: ctx.file, line: p.line, col: p.col };
}

function firstLine(msg: string): string {
  return msg.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** Parses one scenario file; returns null when there is nothing trustworthy to check. */
export function parseYaml(text: string, file: string, diags: Diagnostics): SNode | null {
  const start: Loc = { file, line: 1, col: 1 };
  if (text.length > MAX_BYTES) {
    diags.error('file-too-large', start, '', `the file has ${text.length} characters`, {
      expected: `at most ${MAX_BYTES} characters (1 MB)`,
      hint: 'split the scenario with `extends:` or move data out of it',
    });
    return null;
  }
  // eslint-disable-next-line no-control-regex
  const bad = text.search(/[\u0000-\u0008\u000e-\u001f\ufffd]/);
  if (bad >= 0) {
    const before = text.slice(0, bad);
    const line = before.split('\n').length,
      col = bad - before.lastIndexOf('\n');
    diags.error('binary-file', { file, line, col }, '', 'the file contains binary (non-text) characters', {
      expected: 'a UTF-8 text file in YAML',
      hint: 'check that this is the scenario file and not a results or archive file',
    });
    return null;
  }
  if (text.replace(/#.*$/gm, '').trim() === '') {
    diags.error('empty-file', start, '', 'the file is empty', {
      expected: 'a scenario with at least `caresim: 1`, `time` and `units`',
      hint: 'run `caresim init` for a starter scenario',
    });
    return null;
  }
  const lc = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter: lc,
    uniqueKeys: true,
    prettyErrors: false,
    strict: true,
    version: '1.2',
    schema: 'core',
    merge: false,
  });
  const ctx: Ctx = { text, file, lc, doc, diags, aliases: 0, nodes: 0, overBudget: false };
  let fatal = false;
  for (const e of doc.errors) {
    const dup = e.code === 'DUPLICATE_KEY';
    if (!dup) fatal = true;
    diags.error(
      dup ? 'duplicate-key' : 'yaml-syntax',
      locAt(ctx, e.pos[0]),
      '',
      dup ? 'this key appears twice in the same map' : firstLine(e.message),
      {
        expected: dup ? 'each key once per map' : 'valid YAML',
        hint: dup ? 'remove one of the two entries, or merge them' : 'check indentation, colons and brackets near here',
      },
    );
  }
  if (fatal) return null;
  if (!doc.contents) {
    diags.error('empty-file', start, '', 'the file has no content', { expected: 'a YAML map of scenario keys' });
    return null;
  }
  const root = convert(ctx, doc.contents, 0, '');
  // After a size limit the tree is partial; checking it would only add noise.
  return ctx.overBudget ? null : root;
}

function convert(ctx: Ctx, node: YNode | null, depth: number, path: string): SNode | null {
  if (ctx.overBudget) return null;
  if (++ctx.nodes > MAX_NODES) {
    ctx.overBudget = true;
    ctx.diags.error(
      'too-many-nodes',
      node ? locAt(ctx, node.range?.[0] ?? 0) : { file: ctx.file, line: 1, col: 1 },
      path,
      `the scenario expands to more than ${MAX_NODES} values`,
      { expected: 'a scenario of reasonable size', hint: 'check for aliases (`*name`) that repeat large parts' },
    );
    return null;
  }
  if (node === null) return null;
  if (depth > MAX_DEPTH) {
    ctx.overBudget = true;
    ctx.diags.error('too-deep', locAt(ctx, node.range?.[0] ?? 0), path, `values are nested more than ${MAX_DEPTH} levels deep`, {
      expected: 'a shallow scenario',
    });
    return null;
  }
  const loc = locAt(ctx, node.range?.[0] ?? 0);
  if (isAlias(node)) {
    if (++ctx.aliases > MAX_ALIASES) {
      ctx.overBudget = true;
      ctx.diags.error('alias-limit', loc, path, `more than ${MAX_ALIASES} aliases are expanded`, {
        expected: `at most ${MAX_ALIASES} uses of \`*name\``,
        hint: 'write the values out, or use params',
      });
      return null;
    }
    const target = node.resolve(ctx.doc);
    if (!target) {
      ctx.diags.error('yaml-syntax', loc, path, `the alias \`*${node.source}\` refers to no anchor`, {
        expected: 'an anchor `&name` defined before the alias',
        hint: 'define `&name` first, or remove the `*`',
      });
      ctx.overBudget = true;
      return null;
    }
    return convert(ctx, target, depth + 1, path);
  }
  if (node.tag && !CORE_TAGS.has(node.tag)) {
    ctx.diags.error('yaml-tag', loc, path, `the tag \`${node.tag}\` is not supported`, {
      expected: 'plain YAML values without tags',
      hint: 'remove the `!` tag',
    });
    ctx.overBudget = true;
    return null;
  }
  if (isScalar(node)) {
    const quoted = node.type !== 'PLAIN';
    const text = typeof node.source === 'string' ? node.source : node.value === null || node.value === undefined ? '' : String(node.value);
    const block = node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED';
    const sl = quoted && !block ? { ...loc, col: loc.col + 1 } : loc;
    return { kind: 'scalar', loc: sl, text, quoted, empty: !quoted && text === '' };
  }
  if (isSeq(node)) {
    const items: SNode[] = [];
    const raw = node.items as YNode[];
    for (let i = 0; i < raw.length; i++) {
      const j = rejoin(ctx, raw, i, (x) => x);
      const c = j ? j.node : convert(ctx, raw[i], depth + 1, `${path}[${items.length}]`);
      if (j) i = j.last;
      if (c) items.push(c);
    }
    return { kind: 'seq', loc, items };
  }
  if (isMap(node)) {
    const entries: SEntry[] = [];
    const pairs = node.items;
    for (let pi = 0; pi < pairs.length; pi++) {
      const pair = pairs[pi];
      if (!isPair(pair)) continue;
      const k = pair.key as YNode | null;
      const keyLoc = k && k.range ? locAt(ctx, k.range[0]) : loc;
      if (!k || !isScalar(k)) {
        ctx.diags.error('bad-key', keyLoc, path, 'a key is a map or list', { expected: 'a plain name as key' });
        continue;
      }
      const key = typeof k.source === 'string' ? k.source : String(k.value);
      const p = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) {
        ctx.diags.error('forbidden-key', keyLoc, p, `the key \`${key}\` is not allowed`, {
          expected: 'a scenario key or a name of your own',
          hint: `\`${key}\` is reserved; choose another name`,
        });
        continue;
      }
      const j = rejoin(
        ctx,
        pairs,
        pi,
        (x) => (isPair(x) ? (x.value as YNode | null) : null),
        (x) => (isPair(x) && !x.value ? (x.key as YNode | null) : null),
      );
      if (j) pi = j.last;
      const v = j
        ? j.node
        : pair.value === null || pair.value === undefined
          ? { kind: 'scalar' as const, loc: { ...keyLoc, col: keyLoc.col + key.length + 1 }, text: '', quoted: false, empty: true }
          : convert(ctx, pair.value as YNode, depth + 1, p);
      if (v) entries.push({ key, keyLoc, value: v });
    }
    return { kind: 'map', loc, entries };
  }
  return null;
}

function depthOf(s: string): number {
  let d = 0;
  for (const ch of s)
    if (ch === '(') d++;
    else if (ch === ')') d--;
  return d;
}

/**
 * In a flow collection (`{ service: lognormal(3 hours, 1.5 hours) }`) YAML splits a
 * plain scalar at the comma inside the call. Planners write calls like this everywhere,
 * so the pieces are joined again from the source text while a parenthesis is open.
 */
function rejoin<T>(
  ctx: Ctx,
  items: T[],
  i: number,
  valueOf: (x: T) => YNode | null,
  pieceOf: (x: T) => YNode | null = valueOf,
): { node: SNode; last: number } | null {
  const first = valueOf(items[i]);
  if (!first || !isScalar(first) || first.type !== 'PLAIN' || !first.range || depthOf(String(first.source ?? '')) <= 0) return null;
  const start = first.range[0];
  for (let j = i + 1; j < items.length; j++) {
    const piece = pieceOf(items[j]);
    if (!piece || !isScalar(piece) || piece.type !== 'PLAIN' || !piece.range) return null;
    const text = ctx.text.slice(start, piece.range[1]);
    if (depthOf(text) <= 0) {
      return {
        node: { kind: 'scalar', loc: locAt(ctx, start), text: text.replace(/\s*\n\s*/g, ' '), quoted: false, empty: false },
        last: j,
      };
    }
  }
  return null;
}
