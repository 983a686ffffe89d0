import { describe, expect, it } from 'vitest';
import { decode, encode, revive } from '../../results/codec.js';

describe('encode(value) / decode(text)', () => {
  it('round-trips NaN, Infinity and doubles exactly', () => {
    const v = { a: NaN, b: Infinity, c: -Infinity, d: [0.1 + 0.2, 1e-300, -0], e: 'text' };
    const back = decode<typeof v>(encode(v));
    expect(back.a).toBeNaN();
    expect(back.b).toBe(Infinity);
    expect(back.c).toBe(-Infinity);
    expect(back.d[0]).toBe(0.1 + 0.2);
    expect(back.d[1]).toBe(1e-300);
    expect(back.e).toBe('text');
    expect(revive<typeof v>(JSON.parse(encode(v))).b).toBe(Infinity);
  });

  it('keeps strings that name Object.prototype members as strings', () => {
    const v = { description: 'toString', set: { 'params.x': 'constructor' }, names: ['valueOf', 'hasOwnProperty', '__proto__'] };
    expect(decode(encode(v))).toEqual(v);
  });
});

describe('encode(value)', () => {
  it('writes the same text as a replacer would, nested objects and arrays included', () => {
    const v = { a: [1, 2, 3], b: [1, NaN, Infinity], c: { d: -Infinity, e: [[NaN], [0.5]] }, f: null, g: 'NaN-free text' };
    expect(encode(v)).toBe(JSON.stringify(v, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x)));
  });
});
