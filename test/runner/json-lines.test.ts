import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readJsonLines, writeJsonLines } from '../../runner/json-lines.js';
import { tempDir } from '../temp-dir.js';
import { decode, encode } from '../../results/index.js';

function write(file: string, value: unknown, depth: number, special: 'null' | 'string' = 'null'): string {
  let text = '';
  writeJsonLines(
    value,
    (t) => {
      text += t;
    },
    { open: (p) => p.length < depth, special },
  );
  writeFileSync(file, text);
  return text;
}

describe('writeJsonLines(value) and readJsonLines(file)', () => {
  it('round-trip any JSON value as JSON.parse(JSON.stringify(value)) does, and the text is JSON', async () => {
    const dir = tempDir('json-lines');
    const file = join(dir, 'v.json');
    await fc.assert(
      fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })), fc.integer({ min: 1, max: 5 }), async (value, depth) => {
        const text = write(file, value, depth);
        const want = JSON.parse(JSON.stringify(value)) as unknown;
        expect(JSON.parse(text)).toEqual(want);
        expect(await readJsonLines(file)).toEqual(want);
      }),
      { numRuns: 150 },
    );
  });

  it('keeps NaN as null, a member named __proto__ as data, and long arrays on short lines', async () => {
    const file = join(tempDir('json-lines'), 'v.json');
    const value = JSON.parse('{"__proto__":{"polluted":1},"a":{"b":[1,null,3]}}') as Record<string, unknown>;
    value.series = Array.from({ length: 10_000 }, (_, i) => (i === 7 ? NaN : i / 3));
    write(file, value, 2);
    const back = (await readJsonLines(file)) as Record<string, unknown>;
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(back)).toEqual(['__proto__', 'a', 'series']);
    expect((back.series as unknown[])[7]).toBeNull();
    expect(
      Math.max(
        ...readFileSync(file, 'utf8')
          .split('\n')
          .map((l) => l.length),
      ),
    ).toBeLessThan(4096 * 20);
  });

  it('writes long number series with NaN and ±Infinity as the codec does, at every line boundary, plain or typed', async () => {
    const file = join(tempDir('json-lines'), 'v.json');
    const special = [NaN, Infinity, -Infinity];
    const plain = Array.from({ length: 3 * 4096 + 5 }, (_, i) => (i % 4096 === 0 || i % 4096 === 4095 ? special[i % 3] : i / 7));
    const value = { plain, typed: Float64Array.from(plain), mixed: [1, { a: NaN }, 2, [3, Infinity]], empty: [] };
    const text = write(file, value, 2, 'string');
    const want = { plain, typed: plain, mixed: [1, { a: NaN }, 2, [3, Infinity]], empty: [] };
    expect(decode(text)).toEqual(want);
    expect(await readJsonLines(file, { parser: () => decode })).toEqual(want);
    expect(text.split('\n').filter((l) => l.includes('"NaN"')).length).toBeGreaterThan(1);
  });

  it('hands members to take in order and refuses text not in the layout', async () => {
    const dir = tempDir('json-lines');
    const file = join(dir, 'v.json');
    write(file, { raw: { s: [{ r: 0 }, { r: 1 }] }, n: 2 }, 3);
    const taken: unknown[] = [];
    const back = await readJsonLines(file, { take: (p, v) => (p[0] === 'raw' && p.length === 3 ? (taken.push([p, v]), true) : false) });
    expect(taken).toEqual([
      [['raw', 's', 0], { r: 0 }],
      [['raw', 's', 1], { r: 1 }],
    ]);
    expect(back).toEqual({ raw: { s: [] }, n: 2 });
    writeFileSync(file, '{"a":1}\n');
    await expect(readJsonLines(file)).rejects.toThrow(/line layout/);
    writeFileSync(file, '{\n"a":1\n');
    await expect(readJsonLines(file)).rejects.toThrow(/cut short/);
  });

  it('writes an object kept on one line with the very bytes JSON.stringify (or the codec) gives, equal long series included', () => {
    const series = (f: (i: number) => number) => Array.from({ length: 1500 }, (_, i) => f(i));
    const mean = series((i) => (i === 3 ? NaN : i / 7));
    const withNegativeZero = mean.map((x, i) => (i === 0 ? -0 : x));
    const other = series((i) => i / 9);
    const value = {
      daily: {
        ward: {
          occupancy: { mean, p05: mean, p95: [...mean] },
          zeros: { mean: series(() => 0), p05: withNegativeZero.map(() => -0), p95: series(() => 0) },
          // A series equal to one written five series before: beyond those kept, written afresh.
          late: [other, series((i) => i), series((i) => i + 1), series((i) => i + 2), series((i) => i + 3), [...other]],
          short: [1, NaN, Infinity],
          typed: Float64Array.from(mean.slice(0, 5)),
          when: new Date(0),
          gone: undefined,
          call: () => 1,
          bare: Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 }),
          shown: { toJSON: () => ['as', 'shown'] },
          silent: { toJSON: () => undefined },
        },
      },
      nothing: undefined,
    };
    Object.defineProperty(value.daily.ward, '__proto__', { value: { p: 1 }, enumerable: true });
    for (const special of ['null', 'string'] as const) {
      let text = '';
      writeJsonLines(
        value,
        (t) => {
          text += t;
        },
        { open: (p) => p.length < 2, special },
      );
      const line = text.split('\n').find((l) => l.startsWith('"ward":'))!;
      const want = special === 'null' ? JSON.stringify(value.daily.ward) : encode(value.daily.ward);
      expect(line).toBe(`"ward":${want}`);
      expect(line).toContain('"__proto__":{"p":1}');
    }
  });

  it('writes every member line as JSON.stringify of the member, for any values with long series repeated among them', () => {
    const long = fc.array(fc.oneof(fc.double(), fc.constantFrom(0, -0, NaN, Infinity)), { minLength: 1024, maxLength: 1030 });
    fc.assert(
      fc.property(
        fc.array(long, { minLength: 1, maxLength: 3 }),
        fc.array(fc.tuple(fc.string(), fc.jsonValue({ maxDepth: 2 }), fc.nat(5), fc.boolean()), { maxLength: 8 }),
        (series, members) => {
          // Each member holds a JSON value, or one of a few long series (shared, or as an equal copy) inside an object.
          const value: Record<string, unknown> = {};
          for (const [k, v, pick, copy] of members) {
            const s = series[pick % series.length];
            value[k] = pick < 3 ? v : { a: copy ? [...s] : s, b: s, v };
          }
          for (const special of ['null', 'string'] as const) {
            let text = '';
            writeJsonLines(value, (t) => void (text += t), { open: (p) => p.length < 1, special });
            const want = Object.keys(value).map(
              (k, i) => `${i === 0 ? '' : ','}${JSON.stringify(k)}:${special === 'null' ? JSON.stringify(value[k]) : encode(value[k])}`,
            );
            expect(text).toBe(['{', ...want, '}', ''].join('\n'));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
