/**
 * The text of a journal line (caresim-journal/3): JSON, with each daily series that holds a
 * fraction stored as the base64 of its doubles' bytes, `{"$f64":"..."}`, and each series of
 * whole numbers (capacities, counts, the zeros of a unit without a queue) as a plain JSON
 * array, which is shorter. Both keep every double exactly, so a replication read back sums
 * to the same bits as a fresh one. NaN and ±Infinity travel as the codec's strings.
 *
 * PERF: the journal line was half the main thread's work per replication. JSON formats a
 * double in about 18 characters, slowly (shortest round-trip digits); base64 takes 10.7
 * characters and runs at memory speed. On model B a line went from 191 KB and 13 ms to
 * about 156 KB and 3 ms.
 */
import { decode } from '../results/index.js';

/** The byte order the bytes are stored in; a big-endian machine swaps (Buffer.swap64). */
const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/**
 * Whole numbers read shorter as JSON than as bytes (and as exactly: JSON keeps every finite
 * double). -0 is not one of them: JSON would write it as 0, and the bytes keep it.
 */
function wholeNumbers(a: Float64Array): boolean {
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    if (!Number.isInteger(x) || (x === 0 && 1 / x < 0)) return false;
  }
  return true;
}

function packed(a: Float64Array): { $f64: string } {
  const bytes = Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  if (LITTLE_ENDIAN) return { $f64: bytes.toString('base64') };
  const copy = Buffer.from(bytes);
  copy.swap64();
  return { $f64: copy.toString('base64') };
}

function unpacked(text: string): Float64Array {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.length % 8 !== 0) throw new Error('a packed series whose length is not a whole number of doubles');
  const out = new Float64Array(bytes.length / 8);
  const view = Buffer.from(out.buffer);
  bytes.copy(view);
  if (!LITTLE_ENDIAN) view.swap64();
  return out;
}

/** A copy JSON can hold: typed series packed or listed, non-finite numbers as strings. */
function lineSafe(v: unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Float64Array) {
    // NaN and ±Infinity are not integers: such a series is packed, bits and all.
    return wholeNumbers(v) ? Array.from(v) : packed(v);
  }
  if (ArrayBuffer.isView(v)) return lineSafe(Array.from(v as unknown as ArrayLike<number>));
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (typeof x !== 'number' || !Number.isFinite(x)) return v.map(lineSafe);
    }
    return v;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = lineSafe((v as Record<string, unknown>)[k]);
  return out;
}

/** The line's text (without its newline). */
export function encodeLine(value: unknown): string {
  return JSON.stringify(lineSafe(value));
}

const isPacked = (v: object): v is { $f64: string } => {
  const keys = Object.keys(v);
  return keys.length === 1 && keys[0] === '$f64' && typeof (v as { $f64?: unknown }).$f64 === 'string';
};

/** Unpacks the packed series, in place (a value that is one is returned replaced). */
function unpackAll(v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (x !== null && typeof x === 'object') v[i] = unpackAll(x);
    }
    return v;
  }
  if (isPacked(v)) return unpacked(v.$f64);
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    const x = o[k];
    if (x !== null && typeof x === 'object') o[k] = unpackAll(x);
  }
  return v;
}

/** Reads a line of either journal format: /2 lines hold plain arrays, which pass through. */
export function decodeLine<T>(text: string): T {
  const v = decode<unknown>(text);
  return (text.includes('"$f64":"') ? unpackAll(v) : v) as T;
}
