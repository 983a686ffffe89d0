/**
 * Which file a path names, for telling an output from an input or from another output, and a
 * journal's lock from another run's: the same file under two spellings (links, `..`, `./`) is
 * one identity.
 */
import { existsSync, lstatSync, readlinkSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, parse, sep } from 'node:path';

/** Separators of path components: `\\` is one only on Windows (elsewhere a file name may hold it). */
const SEPARATORS = process.platform === 'win32' ? /[\\/]+/ : /\/+/;

/**
 * The file a path names, links followed. A path that does not exist yet is followed component
 * by component as the system will when it is written: `..` after a link goes up from where the
 * link points (not back where it was typed: `lb/../r.json` with `lb` a link to `a/b` is
 * `a/r.json`), and a link to a folder not made yet leads there (`d/r.json` with `d` a link to
 * `nowhere` is `nowhere/r.json`).
 */
export function fileIdentity(file: string): string {
  // The system's own realpath: the JavaScript one tidies `..` away by text before following links.
  if (existsSync(file)) return realpathSync.native(file);
  const start = isAbsolute(file) ? file : `${process.cwd()}${sep}${file}`;
  let at = parse(start).root;
  const todo = start.slice(at.length).split(SEPARATORS).filter(Boolean);
  for (let links = 0; todo.length > 0;) {
    const part = todo.shift()!;
    if (part === '.') continue;
    if (part === '..') {
      at = dirname(at);
      continue;
    }
    const next = join(at, part);
    let target: string | null = null;
    try {
      if (lstatSync(next).isSymbolicLink()) target = readlinkSync(next);
    } catch {
      /* not there yet: the rest is plain names */
    }
    if (target === null || ++links > MAX_LINKS) {
      at = next;
      continue;
    }
    // The link's target replaces it: an absolute one starts again from its root.
    if (isAbsolute(target)) at = parse(target).root;
    todo.unshift(
      ...target
        .slice(isAbsolute(target) ? parse(target).root.length : 0)
        .split(SEPARATORS)
        .filter(Boolean),
    );
  }
  return at;
}

/** Links followed in one path before giving up (the system's own limit is 40). */
const MAX_LINKS = 40;
