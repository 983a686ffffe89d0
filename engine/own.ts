/**
 * Name lookups in tables keyed by names a user wrote (units, cohorts, params, strategies,
 * unit words, keys). A plain object also answers `toString`, `constructor` or `valueOf`
 * from Object.prototype, so a scenario naming one would get a function where a number or
 * spec was expected; these read own properties only.
 */

/** The table's own entry for `key`, or undefined. */
export function own<T>(table: Readonly<Record<string, T>> | null | undefined, key: string): T | undefined {
  return table != null && Object.hasOwn(table, key) ? table[key] : undefined;
}

/** A lookup table without a prototype: `key in t` and `t[key]` see only its own entries. */
export function table<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}
