import { describe, expect, it } from 'vitest';
import { decodeLine, encodeLine, LineEncoder } from '../../runner/journal-line.js';
import { encode } from '../../results/index.js';
import { simulate } from '../../engine/index.js';
import { lossModel } from './fixture.js';

/** Whether two arrays hold the same doubles bit for bit (NaN equals NaN, -0 differs from 0). */
const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((x, i) => Object.is(x, b[i]));

describe('encodeLine(value) and decodeLine(text)', () => {
  it('encodeLine(series) keeps every double of a series to the bit, NaN, ±Infinity and -0 included', () => {
    const fractions = Float64Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 1e3 + 1 / 3);
    const odd = new Float64Array([0.1, NaN, Infinity, -Infinity, -0, 5e-324, Number.MAX_VALUE, 2 ** 53 + 2]);
    const whole = new Float64Array([0, 60, 60, 59, 1e21, -3]);
    const negZero = new Float64Array([0, -0, 1]);
    const back = decodeLine<Record<string, ArrayLike<number>>>(encodeLine({ fractions, odd, whole, negZero }));
    expect(sameBits(back.fractions, fractions)).toBe(true);
    expect(sameBits(back.odd, odd)).toBe(true);
    expect(sameBits(back.whole, whole)).toBe(true);
    expect(sameBits(back.negZero, negZero)).toBe(true);
  });

  it('encodeLine(series) packs series with fractions as bytes and lists whole numbers as JSON', () => {
    const text = encodeLine({ occupancy: new Float64Array([1.5, 2.25]), capacity: new Float64Array([60, 60]) });
    const raw = JSON.parse(text) as Record<string, unknown>;
    expect(raw.capacity).toEqual([60, 60]);
    expect(raw.occupancy).toEqual({ $f64: Buffer.from(new Float64Array([1.5, 2.25]).buffer).toString('base64') });
  });

  it('decodeLine(line) gives a replication back whose every number and series equals the one encoded', () => {
    const r = simulate(lossModel(5, 4, 1, 60, 5), { seed: 7, replication: 3 });
    const back = decodeLine<typeof r>(encodeLine({ strategy: 'baseline', replication: 3, result: r })) as unknown as { result: typeof r };
    const plain = (v: unknown) => JSON.stringify(v, (_, x: unknown) => (ArrayBuffer.isView(x) ? Array.from(x as Float64Array) : x));
    expect(plain(back.result)).toBe(plain(r));
    for (const [unit, d] of Object.entries(r.daily))
      for (const [k, a] of Object.entries(d)) expect(sameBits(back.result.daily[unit][k as keyof typeof d], a)).toBe(true);
    // NaN marks undefined metrics (utilisation of an unlimited unit): kept as NaN, not null.
    const nan = { units: { acute: { utilisation: NaN } } };
    expect(decodeLine<typeof nan>(encodeLine(nan)).units.acute.utilisation).toBeNaN();
  });

  it('decodeLine(line) reads a line of the older plain format (caresim-journal/2)', () => {
    const r = simulate(lossModel(5, 4, 1, 60, 5), { seed: 7, replication: 1 });
    const old = decodeLine<typeof r>(encode(r));
    for (const [unit, d] of Object.entries(r.daily))
      for (const [k, a] of Object.entries(d)) expect(sameBits(old.daily[unit][k as keyof typeof d], a)).toBe(true);
  });

  it('encodeLine(result) is shorter than the plain JSON of a replication with time-averaged series', () => {
    const r = simulate(lossModel(5, 4, 1, 400, 5), { seed: 7, replication: 0 });
    expect(encodeLine(r).length).toBeLessThan(0.8 * encode(r).length);
  });
});

describe('LineEncoder.encode(value)', () => {
  it('LineEncoder.encode(entry) gives the UTF-8 bytes of encodeLine(entry) and a newline, line after line in one buffer', () => {
    const encoder = new LineEncoder();
    for (const [horizon, replication] of [
      [400, 0],
      [30, 1],
      [3000, 2],
    ]) {
      const r = simulate(lossModel(5, 4, 1, horizon, 5), { seed: 11, replication });
      const entry = { scenario_hash: 'abc', seed: 'grün', strategy: 'more-beds £', replication, result: r };
      const bytes = encoder.encode(entry);
      expect(bytes.toString('utf8')).toBe(`${encodeLine(entry)}\n`);
    }
  });

  it('LineEncoder.encode(entry) writes whole numbers of every size as JSON does, past its buffer and after large ones', () => {
    const edges = [
      0,
      1,
      9,
      10,
      99,
      100,
      12345,
      -1,
      -9,
      -10,
      -100,
      2 ** 31 - 1,
      -(2 ** 31),
      2 ** 31,
      -(2 ** 31) - 1,
      2 ** 53,
      1e21,
      -1e21,
      1e300,
    ];
    const long = Float64Array.from({ length: 40_000 }, (_, i) => (i % 7 === 0 ? edges[i % edges.length] * 1e6 : i - 20_000));
    for (const series of [
      new Float64Array(edges),
      long,
      new Float64Array(0),
      Float64Array.from({ length: 10_000 }, (_, i) => (i % 2 === 0 ? i : (i + 1) * -1.234567890123456e290)),
      Float64Array.from({ length: 70_000 }, (_, i) => i % 1000),
    ]) {
      const encoder = new LineEncoder(); // fresh: a series longer than its buffer grows it
      const entry = { replication: 3, daily: { a: series, b: new Float64Array([0.5, 2]) } };
      expect(encoder.encode(entry).toString('utf8')).toBe(`${encodeLine(entry)}\n`);
      expect(Array.from(decodeLine<{ daily: { a: ArrayLike<number> } }>(encodeLine(entry)).daily.a)).toEqual(Array.from(series));
    }
  });

  it('LineEncoder.encode(entry) writes constant whole-number series (a capacity, a count that stayed 0) as JSON does, past its buffer', () => {
    for (const [x, n] of [
      [0, 2000],
      [60, 2],
      [60, 1],
      [-7, 3],
      [2 ** 31 - 1, 5],
      [-(2 ** 31), 5],
      [2 ** 31, 4],
      [1e21, 3],
      [12345, 70_000],
    ]) {
      const encoder = new LineEncoder(); // fresh: a series longer than its buffer grows it
      const series = new Float64Array(n).fill(x);
      const entry = { replication: 1, daily: { cap: series, zero: new Float64Array(3), occ: new Float64Array([0.5, 2]) }, after: 'é' };
      expect(encoder.encode(entry).toString('utf8')).toBe(`${encodeLine(entry)}\n`);
      expect(Array.from(decodeLine<{ daily: { cap: ArrayLike<number> } }>(encoder.encode(entry).toString('utf8')).daily.cap)).toEqual(
        Array.from(series),
      );
    }
  });

  it('LineEncoder.encode(entry) writes a line whose names hold its marker character whole, still the same bytes', () => {
    const encoder = new LineEncoder();
    const entry = {
      strategy: '\uE000',
      names: { '\uE0000': new Float64Array([1.5]), x: '"\uE0001"' },
      series: [new Float64Array([1, 2]), new Float64Array([0.25, NaN])],
    };
    expect(encoder.encode(entry).toString('utf8')).toBe(`${encodeLine(entry)}\n`);
    const back = decodeLine<{ series: ArrayLike<number>[] }>(encoder.encode(entry).toString('utf8'));
    expect(sameBits(back.series[1], new Float64Array([0.25, NaN]))).toBe(true);
  });
});
