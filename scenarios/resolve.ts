/**
 * From text to one tree: parse, follow `extends` (relative paths, no loops, a few
 * levels deep), then apply `--set`. Keeps every source text for excerpts and the hash.
 */
import { Diagnostics } from './errors.js';
import type { SMap, SNode } from './tree.js';
import { child, mergeNodes, scalar } from './tree.js';
import { parseYaml } from './parse.js';
import { applySet, parseSetArg } from './set.js';

export const MAX_EXTENDS = 8;

export interface Resolved {
  root: SMap | null;
  /** Every text read, by file name (including `<--set i>`), in reading order. */
  sources: Map<string, string>;
}

export type ReadFile = (path: string) => string;

export function dirname(file: string): string {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return i < 0 ? '' : file.slice(0, i + 1);
}

const isAbsolute = (path: string) => path.startsWith('/') || path.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(path);

/**
 * `path` as seen from the folder `dir`, both named as the scenario's files are (the top file as
 * typed, the files it extends joined to it): the same however the top file's path was typed
 * (`x.yaml`, `./x.yaml`, `/abs/x.yaml`). A path absolute where the folder is not stays as it is.
 */
export function relativeTo(dir: string, path: string): string {
  if (isAbsolute(dir) !== isAbsolute(path)) return path;
  const parts = (p: string) =>
    joinPath('', p.replace(/^[\\/]+/, ''))
      .split('/')
      .filter((x) => x !== '');
  const from = parts(dir),
    to = parts(path);
  let k = 0;
  while (k < from.length && k < to.length - 1 && from[k] === to[k]) k++;
  return [...Array<string>(from.length - k).fill('..'), ...to.slice(k)].join('/');
}

export function joinPath(dir: string, rel: string): string {
  if (rel.startsWith('/') || /^[A-Za-z]:[\\/]/.test(rel)) return rel;
  const parts = (dir + rel).split(/[\\/]/);
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..' && out.length > 0 && out[out.length - 1] !== '..' && out[out.length - 1] !== '') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

export function resolveScenario(text: string, file: string, diags: Diagnostics, set: string[] = [], readFile?: ReadFile): Resolved {
  const sources = new Map<string, string>();
  const root = load(text, file, diags, sources, readFile, [file]);
  set.forEach((arg, i) => {
    const s = parseSetArg(arg, i, diags);
    sources.set(`<--set ${i + 1}>`, arg);
    if (!s || !root) return;
    // Path problems point at the path (column 1); the value keeps its own column.
    applySet(root, s.path, scalar(s.text, s.loc), { ...s.loc, col: 1 }, diags, ['caresim', 'strategies', 'sweep', 'extends']);
  });
  return { root, sources };
}

function load(
  text: string,
  file: string,
  diags: Diagnostics,
  sources: Map<string, string>,
  readFile: ReadFile | undefined,
  chain: string[],
): SMap | null {
  sources.set(file, text);
  const tree = parseYaml(text, file, diags);
  if (!tree) return null;
  if (tree.kind !== 'map') {
    diags.error('wrong-type', tree.loc, '', 'the file is not a map of keys', {
      expected: 'a scenario: `caresim: 1`, `time:`, `units:`, ...',
    });
    return null;
  }
  const ext = child(tree, 'extends');
  const own: SMap = { ...tree, entries: tree.entries.filter((e) => e.key !== 'extends') };
  if (!ext) return own;
  const base = loadBase(ext, file, diags, sources, readFile, chain);
  if (!base) return own;
  const merged = mergeNodes(base, own) as SMap;
  // Maps merge key by key, so an empty map would keep everything inherited: for the
  // strategies and the sweep, `{}` means "none of the base file's".
  for (const key of DROPPABLE) {
    const mine = child(own, key);
    if (mine?.kind !== 'map' || mine.entries.length > 0) continue;
    merged.entries = merged.entries.filter((e) => e.key !== key);
  }
  return merged;
}

/** Keys whose empty map in an extending file drops what the base file has. */
export const DROPPABLE = ['strategies', 'sweep'];

function loadBase(
  ext: SNode,
  file: string,
  diags: Diagnostics,
  sources: Map<string, string>,
  readFile: ReadFile | undefined,
  chain: string[],
): SMap | null {
  if (ext.kind !== 'scalar' || ext.empty) {
    diags.error('wrong-type', ext.loc, 'extends', 'found something other than a file name', {
      expected: 'a relative file name, e.g. `base.yaml`',
    });
    return null;
  }
  const target = joinPath(dirname(file), ext.text.trim());
  if (chain.includes(target)) {
    diags.error('extends-cycle', ext.loc, 'extends', `\`${ext.text}\` extends this file again (${[...chain, target].join(' -> ')})`, {
      expected: 'a chain of files without a loop',
    });
    return null;
  }
  if (chain.length > MAX_EXTENDS) {
    diags.error('extends-depth', ext.loc, 'extends', `more than ${MAX_EXTENDS} files extend each other`, {
      expected: `at most ${MAX_EXTENDS} levels`,
    });
    return null;
  }
  if (!readFile) {
    diags.error('extends-unavailable', ext.loc, 'extends', 'files cannot be read here', {
      expected: 'a scenario without `extends`, or loading from a file',
    });
    return null;
  }
  let text: string;
  try {
    text = readFile(target);
  } catch (e) {
    diags.error('file-unreadable', ext.loc, 'extends', `cannot read \`${target}\`: ${(e as Error).message.split('\n')[0]}`, {
      expected: 'a scenario file next to this one',
      hint: 'paths are relative to this file',
    });
    return null;
  }
  return load(text, target, diags, sources, readFile, [...chain, target]);
}
