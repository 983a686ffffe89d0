import { describe, it, expect } from 'vitest';
import { evaluate, ExprError, type Scope } from '../../scenarios/expressions.js';
import { toDist } from '../../scenarios/dist.js';
import { qty, type Value } from '../../scenarios/quantity.js';
import { DAY, HOUR, YEAR } from '../../engine/calendar.js';

const none: Scope = { lookup: () => undefined, names: () => [] };
const withParams = (p: Record<string, Value>): Scope => ({ lookup: (n) => p[n], names: () => Object.keys(p) });
const q = (text: string, scope = none) => evaluate(text, scope);
const fails = (text: string, code: string, scope = none) => {
  let err: unknown;
  try {
    evaluate(text, scope);
  } catch (e) {
    err = e;
  }
  expect(err, text).toBeInstanceOf(ExprError);
  expect((err as ExprError).code, text).toBe(code);
  return err as ExprError;
};

describe('evaluate(text, scope)', () => {
  it('reads durations in minutes and rates per minute', () => {
    expect(q('9.1 days')).toEqual(qty(9.1 * DAY, 1));
    expect(q('3 hours')).toEqual(qty(3 * HOUR, 1));
    expect(q('2 hours + 30 minutes')).toEqual(qty(150, 1));
    expect(q('320/day')).toEqual(qty(320 / DAY, -1));
    const r = q('2%/year');
    expect(r.k === 'q' && r.t).toBe(-1);
    expect(r.k === 'q' && r.n).toBeCloseTo(0.02 / YEAR, 18);
  });

  it('reads percentages as fractions', () => {
    expect(q('35%')).toEqual(qty(0.35));
    expect(q('100%')).toEqual(qty(1));
  });

  it('resolves params and reports unknown names with a suggestion', () => {
    const s = withParams({ acute_beds: qty(2150) });
    expect(q('acute_beds - 40', s)).toEqual(qty(2110));
    const e = fails('acute_bed - 40', 'unknown-name', s);
    expect(e.hint).toContain('acute_beds');
  });

  it('checks dimensions of sums', () => {
    fails('2 days + 3', 'wrong-dimension');
    expect(q('min(2 days, 36 hours)')).toEqual(qty(36 * HOUR, 1));
    expect(q('round(2.6)')).toEqual(qty(3));
  });

  it('turns distribution calls into distribution values', () => {
    const v = q('lognormal(6 days, 7 days)');
    expect(v.k).toBe('dist');
    expect(toDist(v, 1).dist).toEqual({ kind: 'lognormal', mean: 6 * DAY, sd: 7 * DAY });
    expect(toDist(q('erlang(2 days, 3)'), 1).dist).toEqual({ kind: 'erlang', mean: 2 * DAY, k: 3 });
    expect(toDist(q('weibull(1.5, 4 days)'), 1).dist).toEqual({ kind: 'weibull', shape: 1.5, scale: 4 * DAY });
    expect(toDist(q('triangular(1 day, 2 days, 5 days)'), 1).dist).toEqual({ kind: 'triangular', min: DAY, mode: 2 * DAY, max: 5 * DAY });
    expect(toDist(q('empirical([1 day, 2 days])'), 1).dist).toEqual({ kind: 'empirical', values: [DAY, 2 * DAY] });
    expect(toDist(q('4 hours'), 1).dist).toEqual({ kind: 'fixed', value: 4 * HOUR });
    expect(toDist(q('uniform(1.2/year, 1.8/year)'), null).t).toBe(-1);
  });

  it('rejects distributions with wrong arguments', () => {
    const code = (text: string) => {
      try {
        toDist(q(text), 1);
      } catch (e) {
        return (e as ExprError).code;
      }
      return 'none';
    };
    expect(code('exponential(5)')).toBe('missing-unit');
    expect(code('exponential(5 / day)')).toBe('wrong-dimension');
    expect(code('lognormal(5 days)')).toBe('wrong-arguments');
    expect(code('empirical(1 day)')).toBe('wrong-arguments');
    expect(code('uniform(5 days, 1 day)')).toBe('bad-distribution');
    expect(code('erlang(2 days, 2.5)')).toBe('bad-distribution');
    expect(code('weibull(2 days, 4 days)')).toBe('wrong-dimension');
  });

  it('refuses everything outside the allow-list', () => {
    fails('x = 3', 'forbidden-expression');
    fails('f(x) = x', 'forbidden-expression');
    fails('a.b', 'forbidden-expression');
    fails('[1, 2][1]', 'forbidden-expression');
    fails('{a: 1}', 'forbidden-expression');
    fails('1 ? 2 : 3', 'forbidden-expression');
    fails('1:3', 'forbidden-expression');
    fails('2 > 1', 'forbidden-expression');
    fails('import("x")', 'unknown-function');
    fails('evaluate("1")', 'unknown-function');
    fails('"text"', 'wrong-type');
    fails('[[1, 2]]', 'wrong-type');
  });

  it('requires finite results and caps size', () => {
    fails('1e400', 'not-finite');
    fails('1/0', 'not-finite');
    fails('10^400', 'not-finite');
    fails('Infinity', 'not-finite');
    fails('1+'.repeat(1100) + '1', 'expression-too-long');
    fails('(((1)))'.repeat(1) + '+1'.repeat(900), 'expression-too-long');
  });

  it('reports syntax errors with a character offset', () => {
    const e = fails('3 days +* 2', 'bad-expression');
    expect(e.offset).toBeGreaterThanOrEqual(0);
  });
});
