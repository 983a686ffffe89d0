/**
 * Small checks of the shape of a JSON document a planner hands the report (a results file, an
 * attached optimisation or sensitivity file). Each check returns what is wrong, naming the
 * field by its path (`one_at_a_time.acute_occupancy[0].low.mean`), or null when it is fine, so
 * a broken file is refused with a message before any chart code meets the missing field.
 */

/** Checks a value found at `at`; returns what is wrong, or null. */
export type Shape = (v: unknown, at: string) => string | null;

export const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
export const found = (v: unknown): string =>
  v === undefined
    ? 'nothing'
    : v === null
      ? 'null'
      : Array.isArray(v)
        ? 'a list'
        : typeof v === 'object'
          ? 'an object'
          : `${typeof v} ${JSON.stringify(v).slice(0, 40)}`;
export const want =
  (what: string, ok: (v: unknown) => boolean): Shape =>
  (v, at) =>
    ok(v) ? null : `\`${at}\` should be ${what}, found ${found(v)}`;

export const num = want('a number', (v) => typeof v === 'number');
export const numOrNull = want('a number or null', (v) => v === null || typeof v === 'number');
/** A count (replications, plans): a whole number, 0 or more. */
export const count = want('a whole number, 0 or more', (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0);
/** A count that must be at least 1 (replications behind a mean). */
export const positive = want('a whole number, 1 or more', (v) => typeof v === 'number' && Number.isInteger(v) && v >= 1);
export const text = want('text', (v) => typeof v === 'string');
export const bool = want('true or false', (v) => typeof v === 'boolean');
export const textOrNum = want('text or a number', (v) => typeof v === 'string' || typeof v === 'number');
export const optional =
  (s: Shape): Shape =>
  (v, at) =>
    v === undefined ? null : s(v, at);
export const nullable =
  (s: Shape): Shape =>
  (v, at) =>
    v === null ? null : s(v, at);

export function list(item: Shape): Shape {
  return (v, at) => {
    if (!Array.isArray(v)) return want('a list', () => false)(v, at);
    for (let i = 0; i < v.length; i++) {
      const p = item(v[i], `${at}[${i}]`);
      if (p) return p;
    }
    return null;
  };
}

/** A list of exactly two items (a 95% interval). */
export function pair(item: Shape): Shape {
  return (v, at) => (Array.isArray(v) && v.length !== 2 ? `\`${at}\` should be a list of two, found ${v.length}` : list(item)(v, at));
}

/** An object with these fields (others are allowed: newer files may add some). */
export function fields(spec: Record<string, Shape>): Shape {
  return (v, at) => {
    if (!isObject(v)) return want('an object', () => false)(v, at);
    for (const [k, s] of Object.entries(spec)) {
      const p = s(Object.hasOwn(v, k) ? v[k] : undefined, at ? `${at}.${k}` : k);
      if (p) return p;
    }
    return null;
  };
}

/** An object whose every value has one shape (names chosen by the scenario). */
export function named(item: Shape): Shape {
  return (v, at) => {
    if (!isObject(v)) return want('an object', () => false)(v, at);
    for (const [k, x] of Object.entries(v)) {
      const p = item(x, `${at}.${k}`);
      if (p) return p;
    }
    return null;
  };
}
