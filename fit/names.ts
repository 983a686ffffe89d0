/** Extract names (units, destinations, cohorts, streams) to scenario names: letters, digits and `_`. */
import { FORBIDDEN_KEYS } from '../scenarios/index.js';

/**
 * Names the fragment cannot use as they come: keys the scenario loader refuses (`constructor`),
 * YAML words a plain scalar turns into null or a boolean (`to: null` would not name a unit),
 * and the keywords of per-cohort and routing maps (`default:`, `rest`). Such a name gets `_x`.
 */
const RESERVED = new Set([...FORBIDDEN_KEYS, 'null', 'true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', 'default', 'rest', 'unlimited']);

export function ident(name: string): string {
  let s = name
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (s === '') s = 'x';
  if (/^[0-9]/.test(s)) s = `u_${s}`;
  if (RESERVED.has(s)) s = `${s}_x`;
  return s;
}

/** An extract name as it may stand in a YAML comment: a line break in it would end the comment and put the rest of the name into the YAML, so control characters are escaped (`\n`). */
export const commentName = (name: string): string =>
  name
    // eslint-disable-next-line no-control-regex -- control characters are what it escapes
    .replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/\\u000a/g, '\\n')
    .replace(/\\u000d/g, '\\r')
    .replace(/\\u0009/g, '\\t');

/** One scenario name per distinct extract name, made unique with a suffix when two collide. */
export class Names {
  private readonly map = new Map<string, string>();
  private readonly used: Set<string>;
  /** `taken`: scenario names this set must not give out (cohorts avoid the names of units and destinations). */
  constructor(taken: Iterable<string> = []) {
    this.used = new Set(taken);
  }
  get(name: string): string {
    let v = this.map.get(name);
    if (v) return v;
    const base = ident(name);
    v = base;
    for (let k = 2; this.used.has(v); k++) v = `${base}_${k}`;
    this.map.set(name, v);
    this.used.add(v);
    return v;
  }
  /** The scenario names given out so far. */
  values(): IterableIterator<string> {
    return this.map.values();
  }
}
