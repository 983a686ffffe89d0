/**
 * JSON that keeps NaN and ±Infinity (a replication marks undefined metrics with NaN and
 * unlimited capacity with Infinity): they travel as the strings "NaN", "Infinity" and
 * "-Infinity". Doubles round-trip exactly through JSON, so a replication read back from a
 * journal or a shard file summarises to the same bytes as a fresh one.
 */
/** A copy that JSON can hold; arrays of finite numbers (most daily series) are reused as they are. */
function jsonSafe(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (v === null || typeof v !== 'object') return v;
  // Daily series are Float64Arrays (cheap to pass between threads); JSON wants plain arrays.
  if (ArrayBuffer.isView(v)) return jsonSafe(Array.from(v as Float64Array));
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (typeof x !== 'number' || !Number.isFinite(x)) return v.map(jsonSafe);
    }
    return v;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) {
    const x = jsonSafe((v as Record<string, unknown>)[k]);
    // A member named __proto__ is data to keep: assigning it would set the copy's prototype.
    if (k === '__proto__') Object.defineProperty(out, k, { value: x, enumerable: true, writable: true, configurable: true });
    else out[k] = x;
  }
  return out;
}

// PERF: one journal line per replication is written on the main thread while workers
// compute; a replacer function called for every number made this twice as slow.
export function encode(value: unknown): string {
  return JSON.stringify(jsonSafe(value));
}

const SPECIAL: Record<string, number> = { NaN: NaN, Infinity: Infinity, '-Infinity': -Infinity };

/** Turns the special strings back into numbers, in place (a value that is one is returned replaced). */
function restore(v: unknown): unknown {
  if (typeof v === 'string') return Object.hasOwn(SPECIAL, v) ? SPECIAL[v] : v;
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (x !== null && typeof x !== 'number') v[i] = restore(x);
    }
    return v;
  }
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const x = o[k];
    if (x !== null && typeof x !== 'number') o[k] = restore(x);
  }
  return v;
}

// PERF: a JSON.parse reviver is called for every value: it made decoding a journal line more
// than twice as slow as parsing it and then mending the few strings.
export function decode<T>(text: string): T {
  const v: unknown = JSON.parse(text);
  return (text.includes('"NaN"') || text.includes('Infinity"') ? restore(v) : v) as T;
}

/** Decodes an already-parsed JSON value (e.g. a section of a shard file). */
export function revive<T>(value: unknown): T {
  return decode<T>(JSON.stringify(value));
}
