/**
 * Typed readers: a located scalar to the number the engine wants, with messages that
 * name the key, what was written and what was expected ("capacity expects a count, got
 * `3 days` (a duration)"). Each returns null after reporting, so compiling goes on.
 */
import type { Dist } from '../engine/index.js';
import type { Env } from './env.js';
import type { SNode } from './tree.js';
import { child, describeNode } from './tree.js';
import { ExprError } from './expressions.js';
import { toDist } from './dist.js';
import { describeValue, type Value } from './quantity.js';
import { DAY } from '../engine/index.js';

export type NumKind = 'count' | 'whole' | 'probability' | 'duration' | 'rate' | 'signed-rate' | 'number' | 'cost-rate' | 'cost';

const EXPECT: Record<NumKind, { t: number; what: string; example: string }> = {
  count: { t: 0, what: 'a count', example: '2150' },
  whole: { t: 0, what: 'a count', example: '24' },
  probability: { t: 0, what: 'a probability', example: '35%' },
  duration: { t: 1, what: 'a duration', example: '9.1 days' },
  rate: { t: -1, what: 'a rate', example: '320/day' },
  number: { t: 0, what: 'a number', example: '1.5' },
  'signed-rate': { t: -1, what: 'a rate', example: '0.8%/year' },
  'cost-rate': { t: -1, what: 'a cost per day', example: '345/day' },
  cost: { t: 0, what: 'a cost', example: '180' },
};

export function lastKey(path: string): string {
  const i = path.lastIndexOf('.');
  return i < 0 ? path : path.slice(i + 1);
}

function shown(node: SNode): string {
  return describeNode(node);
}

export type Per = 'hour' | 'day' | 'year';

/**
 * `per` is the time unit a bare rate is most likely meant in, for the hint: a day for most
 * rates, a year for a staff group's pay per WTE, an hour for a price of home care.
 */
export function readNumber(env: Env, node: SNode, path: string, kind: NumKind, per: Per = 'day'): number | null {
  const v = env.eval(node, path);
  if (!v) return null;
  return checkNumber(env, v, node, path, kind, per);
}

/** A cost rate is asked for per the time unit its key is priced in (pay a year, a home-care hour). */
const COST_PER: Record<Per, string> = { hour: '21.43/hour', day: '345/day', year: '27000/year' };

export function checkNumber(env: Env, v: Value, node: SNode, path: string, kind: NumKind, per: Per = 'day'): number | null {
  const ex = kind === 'cost-rate' ? { t: -1, what: `a cost per ${per}`, example: COST_PER[per] } : EXPECT[kind];
  // Only messages name the key: worked out when one is written (every number of every compile passes here).
  const key = () => lastKey(path);
  if (v.k !== 'q') {
    env.diags.error('wrong-type', node.loc, path, `${key()} expects ${ex.what}, got ${shown(node)} (${describeValue(v)})`, {
      expected: `${ex.what}, e.g. \`${ex.example}\``,
      hint: v.k === 'dist' ? 'distributions are allowed for los, service, patience, handoff and params' : undefined,
    });
    return null;
  }
  if (v.t !== ex.t && !(v.t === 0 && v.n === 0)) {
    const bare = v.t === 0;
    env.diags.error(
      bare ? 'missing-unit' : 'wrong-dimension',
      node.loc,
      path,
      `${key()} expects ${ex.what}, got ${shown(node)} (${describeValue(v)})`,
      {
        expected: `${ex.what}, e.g. \`${ex.example}\``,
        hint: bare ? `add a unit: \`${node.kind === 'scalar' ? node.text : v.n}${ex.t === 1 ? ' days' : `/${per}`}\`` : undefined,
      },
    );
    return null;
  }
  const n = v.n;
  if (kind === 'probability' && (n < 0 || n > 1)) {
    env.diags.error('probability-range', node.loc, path, `${key()} is ${Number((n * 100).toPrecision(6))}%, outside 0% to 100%`, {
      expected: 'a probability between 0 and 1 (0% to 100%)',
      // A bare 3.5 is almost always a percentage written without its sign.
      hint:
        node.kind === 'scalar' && /^\d+(\.\d+)?$/.test(node.text.trim()) && n <= 100 ? `did you mean \`${node.text.trim()}%\`?` : undefined,
    });
    return null;
  }
  if (kind !== 'number' && kind !== 'signed-rate' && n < 0) {
    env.diags.error('negative', node.loc, path, `${key()} is negative (${shown(node)})`, { expected: `${ex.what} of at least 0` });
    return null;
  }
  if (kind === 'whole' && !Number.isInteger(n)) {
    env.diags.error('not-whole', node.loc, path, `${key()} is ${n}, not a whole number`, {
      expected: `${ex.what} (a whole number)`,
      hint: `use \`round(${node.kind === 'scalar' ? node.text : n})\` or a whole number`,
    });
    return null;
  }
  return kind === 'cost-rate' ? n * DAY : n;
}

/** A duration distribution; a plain duration is fixed. */
export function readDist(env: Env, node: SNode, path: string): Dist | null {
  const v = env.eval(node, path);
  if (!v) return null;
  try {
    return toDist(v, 1).dist;
  } catch (e) {
    if (e instanceof ExprError && (e.code === 'wrong-dimension' || e.code === 'missing-unit')) {
      env.diags.error(
        e.code,
        node.loc,
        path,
        `${lastKey(path)} expects a duration or a distribution of durations, got ${shown(node)}: ${e.message}`,
        {
          expected: 'e.g. `4 hours` or `lognormal(6 days, 7 days)`',
          hint: e.hint,
        },
      );
      return null;
    }
    env.report(e, node, path);
    return null;
  }
}

/** A plain word, for keys such as `kind`, `queue: none`. */
export function word(node: SNode | undefined): string | undefined {
  return node && node.kind === 'scalar' && /^[A-Za-z_][A-Za-z0-9_-]*$/.test(node.text.trim()) ? node.text.trim() : undefined;
}

export function readEnum<T extends string>(env: Env, node: SNode, path: string, options: readonly T[]): T | null {
  const w = word(node);
  if (w && (options as readonly string[]).includes(w)) return w as T;
  env.diags.error('bad-value', node.loc, path, `${lastKey(path)} is ${shown(node)}`, {
    expected: `one of ${options.map((o) => `\`${o}\``).join(', ')}`,
    hint: w ? suggest(w, options) : undefined,
  });
  return null;
}

function suggest(w: string, options: readonly string[]): string | undefined {
  let best: string | undefined,
    bd = 3;
  for (const o of options) {
    const d = [...o].filter((c, i) => w[i] !== c).length + Math.abs(o.length - w.length);
    if (d < bd) {
      bd = d;
      best = o;
    }
  }
  return best ? `did you mean \`${best}\`?` : undefined;
}

/**
 * Per-cohort values: a map keyed by cohort names with `default`, or one value for all.
 * Returns one entry per cohort, or null when a cohort has no value.
 */
export function perCohort<T>(env: Env, node: SNode, path: string, cohorts: string[], read: (n: SNode, p: string) => T | null): T[] | null {
  if (node.kind !== 'map') {
    const v = read(node, path);
    return v === null ? null : cohorts.map(() => v);
  }
  let ok = true;
  const vals = new Map<string, T | null>();
  for (const e of node.entries) {
    if (e.key !== 'default' && !cohorts.includes(e.key)) {
      env.diags.error('unknown-cohort', e.keyLoc, `${path}.${e.key}`, `\`${e.key}\` is not a cohort`, {
        expected: `\`default\` or a cohort: ${cohorts.map((c) => `\`${c}\``).join(', ')}`,
        hint: suggest(e.key, ['default', ...cohorts]),
      });
      ok = false;
      continue;
    }
    vals.set(e.key, read(e.value, `${path}.${e.key}`));
  }
  const out: T[] = [];
  for (const c of cohorts) {
    const v = vals.has(c) ? vals.get(c) : vals.get('default');
    if (v === undefined) {
      env.diags.error('missing-cohort', node.loc, path, `no value for cohort \`${c}\``, {
        expected: 'a value per cohort, or a `default`',
        hint: 'add `default: ...`',
      });
      return null;
    }
    if (v === null) ok = false;
    else out.push(v);
  }
  return ok ? out : null;
}

/**
 * `key` of a map that must be there, read as a plain number: a missing one is a located
 * `missing-key` error whose `expected` says what the map's numbers are for (a slider's or an
 * optimisation range's from, to and step).
 */
export function readRequiredNumber(env: Env, map: SNode, path: string, key: string, expected: string): number | null {
  const n = child(map, key);
  if (!n) {
    env.diags.error('missing-key', map.loc, `${path}.${key}`, `\`${key}\` is missing`, { expected, hint: `add e.g. \`${key}: 10\`` });
    return null;
  }
  return readNumber(env, n, `${path}.${key}`, 'number');
}
