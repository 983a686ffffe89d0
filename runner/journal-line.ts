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

/**
 * A copy JSON can hold, non-finite numbers as strings; each Float64Array is handed to
 * `series`, which says what stands in its place.
 */
function lineSafe(v: unknown, series: (a: Float64Array) => unknown): unknown {
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (v === null || typeof v !== 'object') return v;
  if (v instanceof Float64Array) return series(v);
  if (ArrayBuffer.isView(v)) return lineSafe(Array.from(v as unknown as ArrayLike<number>), series);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x = v[i];
      if (typeof x !== 'number' || !Number.isFinite(x)) return v.map((e) => lineSafe(e, series));
    }
    return v;
  }
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = lineSafe((v as Record<string, unknown>)[k], series);
  return out;
}

/** The line's text (without its newline). */
export function encodeLine(value: unknown): string {
  return JSON.stringify(lineSafe(value, (a) => (wholeNumbers(a) ? Array.from(a) : packed(a))));
}

/** Whether every entry of a equals the first. */
function constant(a: Float64Array): boolean {
  const x = a[0];
  for (let i = 1; i < a.length; i++) if (a[i] !== x) return false;
  return true;
}

/** Writes the decimal digits of the 32-bit integer x at `at`; returns the position after them. */
function writeInt(buf: Buffer, at: number, x: number): number {
  let n = x;
  if (n < 0) {
    buf[at++] = 0x2d; // -
    n = -n; // -2^31 becomes 2^31: still exact as a double
  }
  if (n < 10) {
    buf[at] = 0x30 + n;
    return at + 1;
  }
  let digits = 1;
  for (let p = 10; p <= n; p *= 10) digits++;
  const end = at + digits;
  for (let i = end - 1; i >= at; i--) {
    const q = Math.floor(n / 10);
    buf[i] = 0x30 + (n - q * 10);
    n = q;
  }
  return end;
}

/** Stands in for a series in the line's skeleton: a private-use character no caresim name needs. */
const MARK = '\uE000';

/**
 * Encodes journal lines into one reused buffer, ready for writeSync: the same bytes as
 * `encodeLine(value) + '\n'` in UTF-8.
 *
 * PERF: a line of model B is 156 KB; as one string it was built, measured (Buffer.byteLength)
 * and converted to UTF-8 again by writeSync, each pass over a string in V8's large-object
 * space, about 6 ms a replication on the main thread. Here the JSON skeleton (a few KB,
 * each series replaced by a marker) is stringified, and the pieces and each series' own
 * text are written straight into the buffer: about 1 ms.
 */
export class LineEncoder {
  private buf = Buffer.allocUnsafe(1 << 16);
  private len = 0;

  /** The line and its newline; a view into the encoder's buffer, valid until the next call. */
  encode(value: unknown): Buffer {
    const series: Float64Array[] = [];
    const skeleton = JSON.stringify(
      lineSafe(value, (a) => {
        series.push(a);
        return `${MARK}${series.length - 1}`;
      }),
    );
    const parts = skeleton.split(`"${MARK}`);
    this.len = 0;
    // A name holding the marker would split the skeleton wrongly: such a line is written whole.
    if (parts.length !== series.length + 1) return this.whole(value);
    this.put(parts[0], 'utf8');
    for (let i = 1; i < parts.length; i++) {
      const part = parts[i];
      const close = part.indexOf('"');
      if (part.slice(0, close) !== String(i - 1)) return this.whole(value);
      const a = series[i - 1];
      if (wholeNumbers(a)) this.putWholes(a);
      else this.putPacked(a);
      this.put(part.slice(close + 1), 'utf8');
    }
    this.put('\n', 'latin1');
    return this.buf.subarray(0, this.len);
  }

  private whole(value: unknown): Buffer {
    this.len = 0;
    this.put(`${encodeLine(value)}\n`, 'utf8');
    return this.buf.subarray(0, this.len);
  }

  /**
   * Appends a series as `{"$f64":"<base64>"}`, the text JSON.stringify(packed(a)) gives.
   * PERF: base64 needs no escaping, so the text goes into the buffer as it is: stringifying it
   * first scanned and copied most of the line's characters once more (a native base64 string
   * written into the buffer is faster than base64 written byte by byte in JavaScript).
   */
  private putPacked(a: Float64Array): void {
    this.put('{"$f64":"', 'latin1');
    this.put(packed(a).$f64, 'latin1');
    this.put('"}', 'latin1');
  }

  /** Appends `text` (latin1 only for ASCII text: base64 and numbers). */
  private put(text: string, encoding: 'utf8' | 'latin1'): void {
    this.room(encoding === 'latin1' ? text.length : text.length * 3);
    this.len += this.buf.write(text, this.len, encoding);
  }

  /** Makes room for `bytes` more bytes. */
  private room(bytes: number): void {
    const most = this.len + bytes;
    if (most <= this.buf.length) return;
    const bigger = Buffer.allocUnsafe(Math.max(most, 2 * this.buf.length));
    this.buf.copy(bigger, 0, 0, this.len);
    this.buf = bigger;
  }

  /**
   * Appends `[x,x,...,x]` (n times): a capacity that never changed, a count that stayed 0.
   * PERF: a third of a line's series are constant; the repeated text is filled in one call.
   */
  private putRepeated(x: number, n: number): void {
    const item = `,${x}`;
    this.room(item.length * n + 1);
    const start = this.len;
    this.buf[start] = 0x5b; // [
    this.buf.write(item.slice(1), start + 1, 'latin1');
    const end = start + item.length * n;
    this.buf.fill(item, start + item.length, end, 'latin1');
    this.buf[end] = 0x5d; // ]
    this.len = end + 1;
  }

  /**
   * Appends a series of whole numbers as a JSON array, the text `[${a.join(',')}]` gives.
   * PERF: daily counts and capacities are most of a line's series; joining them made a string
   * of each number first (a third of the journal's time). A 32-bit integer's digits are
   * written straight into the buffer; anything larger goes through its string.
   */
  private putWholes(a: Float64Array): void {
    if (a.length > 1 && (a[0] | 0) === a[0] && constant(a)) return this.putRepeated(a[0], a.length);
    // Every 32-bit integer takes at most 11 characters and a comma.
    this.room(2 + 12 * a.length);
    let buf = this.buf;
    let at = this.len;
    buf[at++] = 0x5b; // [
    for (let i = 0; i < a.length; i++) {
      if (i > 0) buf[at++] = 0x2c; // ,
      const x = a[i];
      if ((x | 0) !== x) {
        this.len = at;
        this.put(String(x), 'latin1');
        this.room(1 + 12 * (a.length - i));
        buf = this.buf;
        at = this.len;
        continue;
      }
      at = writeInt(buf, at, x);
    }
    buf[at++] = 0x5d; // ]
    this.len = at;
  }
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
