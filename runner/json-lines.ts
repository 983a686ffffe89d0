/**
 * Large JSON files (results and shard files) in a line layout that is still plain JSON:
 * the outer containers are opened on their own line, every member or element below them
 * is one line, closers stand alone and a following item starts with its comma. Any JSON
 * reader reads such a file; `readJsonLines` reads it line by line, so neither writing nor
 * reading ever needs the whole file as one string (V8 cannot make a string longer than
 * about 512 MiB, which a long horizon with a sweep, or a shard of thousands of
 * replications, exceeds). Arrays of plain values are cut into lines of a few thousand.
 */
import { readLines } from './lines.js';
import { encode } from '../results/index.js';
import type { Put } from './atomic.js';

export interface WriteOptions {
  /** Whether the container at `path` is opened over several lines (else written on one). */
  open: (path: readonly (string | number)[]) => boolean;
  /** Encoding of NaN and ±Infinity: `null` as JSON.stringify does, or `string` as the codec does. */
  special: 'null' | 'string';
}

const PER_LINE = 4096;

const isContainer = (v: unknown): v is object => v !== null && typeof v === 'object';

/** A list given as any iterable (not an Array, Map or Set): written as an array, each element as it is reached. */
const isLazyList = (v: object): v is Iterable<unknown> =>
  !Array.isArray(v) &&
  !(v instanceof Map) &&
  !(v instanceof Set) &&
  typeof (v as { [Symbol.iterator]?: unknown })[Symbol.iterator] === 'function';

function prepared(v: unknown, special: WriteOptions['special']): unknown {
  if (ArrayBuffer.isView(v) && !(v instanceof DataView)) return Array.from(v as Float64Array);
  if (special === 'string' && typeof v === 'number' && !Number.isFinite(v)) return String(v);
  if (isContainer(v) && typeof (v as { toJSON?: unknown }).toJSON === 'function') return (v as { toJSON(): unknown }).toJSON();
  return v;
}

function onlyNumbers(a: readonly unknown[]): boolean {
  for (let i = 0; i < a.length; i++) if (typeof a[i] !== 'number') return false;
  return true;
}

/** One value as JSON on one line, with the chosen encoding of NaN and ±Infinity. */
function whole(v: unknown, special: WriteOptions['special']): string | undefined {
  return special === 'null' ? JSON.stringify(v) : encode(v);
}

/** A number series at least this long is compared with the ones written just before it. */
const REUSE_FROM = 1024;
/** How many of the last long series written are kept for that comparison. */
const REUSE_KEPT = 4;

/** Same length and the same JSON text of each element (0 and -0 both read 0, NaN is NaN). */
function sameNumbers(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i],
      y = b[i];
    if (x !== y && !(x !== x && y !== y)) return false;
  }
  return true;
}

/** A plain object JSON.stringify writes member by member (no toJSON of its own). */
function isPlainObject(v: object): v is Record<string, unknown> {
  const proto = Object.getPrototypeOf(v) as unknown;
  return !Array.isArray(v) && (proto === Object.prototype || proto === null) && typeof (v as { toJSON?: unknown }).toJSON !== 'function';
}

/**
 * Writes one value on the current line, exactly as `whole` would, but piece by piece:
 * a plain object member by member, and a long number series that equals one of the last
 * few written reuses their text. PERF: a run of one replication (model A, 111,112 days)
 * has a 5% and 95% band equal to its mean day by day, and a unit's line held three
 * copies of each series' text plus the line itself; the same bytes for a third of the
 * number formatting and no line-sized string.
 */
class LineWriter {
  private readonly recent: { series: readonly number[]; text: string }[] = [];

  constructor(
    private readonly put: Put,
    private readonly special: WriteOptions['special'],
  ) {}

  /**
   * Writes `lead` and the value's text, as `lead + whole(v)` would be; false, and nothing
   * written, when the value has no JSON form (undefined, a function, a toJSON giving undefined).
   */
  write(v: unknown, lead: string): boolean {
    if (isContainer(v) && isPlainObject(v)) {
      this.put(lead);
      this.members(v);
    } else if (isSeries(v)) {
      this.put(lead);
      this.series(v);
    } else {
      const text = whole(v, this.special);
      if (text === undefined) return false;
      this.put(`${lead}${text}`);
    }
    return true;
  }

  /** A member without a JSON form is left out, as JSON.stringify leaves it out. */
  private members(v: Record<string, unknown>): void {
    this.put('{');
    let first = true;
    for (const k of Object.keys(v)) if (this.write(v[k], `${first ? '' : ','}${JSON.stringify(k)}:`)) first = false;
    this.put('}');
  }

  private series(series: number[]): void {
    const hit = this.recent.find((r) => r.series === series || sameNumbers(r.series, series));
    const text = hit ? hit.text : whole(series, this.special)!;
    if (!hit) {
      this.recent.push({ series, text });
      if (this.recent.length > REUSE_KEPT) this.recent.shift();
    }
    this.put(text);
  }
}

/** A number series long enough to be compared with the ones written before it. */
function isSeries(v: unknown): v is number[] {
  return Array.isArray(v) && v.length >= REUSE_FROM && onlyNumbers(v);
}

/** Writes `value` in the line layout; JSON.parse of the text gives what JSON.parse(JSON.stringify(value)) gives. */
export function writeJsonLines(value: unknown, put: Put, opts: WriteOptions): void {
  const line = new LineWriter(put, opts.special);
  const emit = (v: unknown, path: (string | number)[], lead: string): boolean => {
    const x = prepared(v, opts.special);
    if (!isContainer(x) || !opts.open(path)) {
      if (!line.write(x, lead)) return false;
      put('\n');
      return true;
    }
    if (Array.isArray(x) && onlyNumbers(x)) {
      // PERF: a daily series (111,112 days in model A) cut into lines without a look at each element.
      put(`${lead}[\n`);
      for (let i = 0; i < x.length; i += PER_LINE)
        put(`${i === 0 ? '' : ','}${whole(x.slice(i, i + PER_LINE), opts.special)!.slice(1, -1)}\n`);
      put(']\n');
      return true;
    }
    if (Array.isArray(x) || isLazyList(x)) {
      put(`${lead}[\n`);
      let first = true;
      let run: unknown[] = [];
      const flushRun = () => {
        if (run.length === 0) return;
        // Plain values share lines; JSON.stringify of the slice keeps its rules (undefined -> null).
        put(`${first ? '' : ','}${whole(run, opts.special)!.slice(1, -1)}\n`);
        first = false;
        run = [];
      };
      let i = -1;
      for (const item of x as Iterable<unknown>) {
        i++;
        const el = prepared(item, opts.special);
        if (isContainer(el) && opts.open([...path, i])) {
          flushRun();
          emit(el, [...path, i], first ? '' : ',');
          first = false;
        } else if (isContainer(el)) {
          flushRun();
          put(`${first ? '' : ','}${whole(el, opts.special)}\n`);
          first = false;
        } else {
          run.push(el);
          if (run.length >= PER_LINE) flushRun();
        }
      }
      flushRun();
      put(']\n');
      return true;
    }
    put(`${lead}{\n`);
    let first = true;
    for (const k of Object.keys(x)) {
      const key = `${first ? '' : ','}${JSON.stringify(k)}:`;
      if (emit((x as Record<string, unknown>)[k], [...path, k], key)) first = false;
    }
    put('}\n');
    return true;
  };
  const text = emit(value, [], '');
  if (!text) throw new Error('nothing to write: the value has no JSON form');
}

export interface ReadOptions {
  /**
   * Called with each member or element parsed below an opened container, with its path;
   * returning true keeps it out of the returned value (the caller consumed it).
   */
  take?: (path: readonly (string | number)[], value: unknown) => boolean;
  /** The parser of the lines under `path` (default JSON.parse; e.g. the codec's, for NaN strings). */
  parser?: (path: readonly (string | number)[]) => ((text: string) => unknown) | undefined;
}

export class JsonLinesError extends Error {}

interface Frame {
  value: Record<string, unknown> | unknown[];
  path: (string | number)[];
  /** Elements read so far (an array's taken elements count too, for their indices). */
  count: number;
}

/** Sets a member as data, even one named __proto__. */
function setMember(obj: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * Reads a file written by `writeJsonLines` in memory bounded by its longest line (plus
 * what the caller keeps). Throws JsonLinesError when the file is not in the line layout.
 */
export async function readJsonLines(file: string, opts: ReadOptions = {}): Promise<unknown> {
  const stack: Frame[] = [];
  let root: unknown;
  let done = false;
  let lineNo = 0;
  const bad = (why: string) => new JsonLinesError(`${file}:${lineNo}: ${why}`);
  for await (const raw of readLines(file)) {
    lineNo++;
    if (done) {
      if (raw.trim() === '') continue;
      throw bad('text after the end of the JSON value');
    }
    const top = stack.at(-1);
    const line = top && raw.startsWith(',') ? raw.slice(1) : raw;
    if (top && (line === '}' || line === ']')) {
      if ((line === ']') !== Array.isArray(top.value)) throw bad(`unexpected ${line}`);
      stack.pop();
      if (stack.length === 0) done = true;
      continue;
    }
    const opener = line.endsWith('{') || line.endsWith('[') ? line.at(-1) : null;
    if (!top) {
      if (line !== '{' && line !== '[') throw bad('not in the line layout (the first line must be { or [)');
    }
    if (opener) {
      let key: string | number | null = null;
      if (top && !Array.isArray(top.value)) {
        if (!line.endsWith(`:${opener}`)) throw bad('expected "key":{ or "key":[');
        try {
          key = JSON.parse(line.slice(0, -2)) as string;
        } catch {
          throw bad('a member name that is not a JSON string');
        }
      } else if (line.length !== 1) {
        throw bad(`expected ${opener} alone on its line`);
      }
      const value: Frame['value'] = opener === '[' ? [] : {};
      let path: (string | number)[] = [];
      if (!top) root = value;
      else if (Array.isArray(top.value)) {
        path = [...top.path, top.count++];
        top.value.push(value);
      } else {
        path = [...top.path, key as string];
        setMember(top.value, key as string, value);
      }
      stack.push({ value, path, count: 0 });
      continue;
    }
    if (!top) throw bad('not in the line layout');
    const parse = opts.parser?.(top.path) ?? JSON.parse;
    let parsed: unknown;
    try {
      parsed = Array.isArray(top.value) ? parse(`[${line}]`) : parse(`{${line}}`);
    } catch (err) {
      throw bad(`cannot read (${err instanceof Error ? err.message : String(err)})`);
    }
    if (Array.isArray(top.value)) {
      for (const el of parsed as unknown[]) {
        if (!opts.take?.([...top.path, top.count++], el)) top.value.push(el);
      }
    } else {
      for (const [k, v] of Object.entries(parsed as Record<string, unknown>)) {
        if (!opts.take?.([...top.path, k], v)) setMember(top.value, k, v);
      }
    }
  }
  if (!done) throw new JsonLinesError(`${file}: cut short (the JSON value does not end)`);
  return root;
}
