import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseWithAllOfMathjs } from 'mathjs';
import { parseAllDocuments } from 'yaml';
import seedrandom from 'seedrandom';
import { evaluate, parseExpr, ExprError, type Scope } from '../../scenarios/expressions.js';
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

describe('parseExpr(text)', () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

  /** Every string in the library's and the examples' scenarios: expressions, and names that are not. */
  function scenarioStrings(): string[] {
    const files = [
      ...readdirSync(join(root, 'scenarios', 'library')).map((f) => join(root, 'scenarios', 'library', f)),
      join(root, 'examples', 'fitted-ics.yaml'),
      join(root, 'examples', 'fitted.yaml'),
      join(root, 'examples', 'compare', 'scenario.yaml'),
    ];
    const out = new Set<string>();
    const collect = (v: unknown): void => {
      if (typeof v === 'string') out.add(v);
      else if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object') Object.values(v).forEach(collect);
    };
    for (const f of files.filter((f) => f.endsWith('.yaml')))
      for (const doc of parseAllDocuments(readFileSync(f, 'utf8'))) if (!('empty' in doc)) collect(doc.toJS());
    return [...out];
  }

  const edges = [
    ...['9.1 days', '320/day', '35%', '2%/year', 'acute_beds - 40', 'lognormal(6 days, 7 days)', '[1, 2, 3]'],
    ...['0x1F', '0b101', '0o17', '0x1Fi8', '1e3', '1.5e-3 days', '.5', '5.', '1e', '1..2', '1_000', '2 days + 6 hours'],
    ...['1/2 days', '2 days/3 hours', '2^-3', 'x^2^3', '-(-x)', '50% of x', '3 % 2', 'a mod b', '1 to 2', '1 cm'],
    ...['a[1]', 'a.b', '{a: 1}', 'a ? b : c', 'a = 2', 'f(x) = x', '1:3', 'a < b', '5!', "a'", 'a & b', 'a and b'],
    ...['not a', '"str"', '[1, 2; 3, 4]', 'a; b', 'a\nb', '# c', '1 # c', 'Infinity', 'NaN', 'true', 'null', 'pi', '2i'],
    ...['(1', '1 +', '', '   ', ')', '1 2 3', '×', '√2', 'min()', 'max(1 days, 2 hours)', 'round(2.5)'],
  ];

  /** Token soup, mostly not expressions: the errors must be mathjs's too, at the same character. */
  function soup(count: number): string[] {
    const rng = seedrandom('expression soup');
    const tokens = [
      '1',
      '2.5',
      '1e3',
      '0x1F',
      '.5',
      ' days',
      ' hours',
      '/day',
      'x',
      '(',
      ')',
      '[',
      ']',
      ', ',
      '+',
      '-',
      '*',
      '/',
      '^',
      '%',
      '!',
      'lognormal(',
      'min(',
      '?',
      ':',
      '=',
      '<',
      '==',
      '.',
      '"a"',
      ';',
      ' ',
      '\n',
      ' mod ',
      ' to ',
      ' and ',
      'not ',
      '{',
      '}',
      "'",
    ];
    return Array.from({ length: count }, () =>
      Array.from({ length: 1 + Math.floor(rng() * 10) }, () => tokens[Math.floor(rng() * tokens.length)]).join(''),
    );
  }

  it('reads every text as the whole of mathjs does: the same tree, or the same error at the same character', () => {
    const texts = [...scenarioStrings(), ...edges, ...soup(3000)];
    let trees = 0,
      errors = 0;
    for (const text of texts) {
      let theirs: string;
      try {
        theirs = JSON.stringify(parseWithAllOfMathjs(text));
      } catch (e) {
        const err = e as Error & { char?: number };
        theirs = `${err.message.replace(/\s*\(char \d+\)$/, '')} @${typeof err.char === 'number' ? Math.max(0, err.char - 1) : '-'}`;
      }
      let ours: string;
      try {
        ours = JSON.stringify(parseExpr(text));
        trees++;
      } catch (e) {
        expect(e, text).toBeInstanceOf(ExprError);
        const err = e as ExprError;
        ours = `${err.message.replace(`cannot read \`${text}\`: `, '')} @${err.offset ?? '-'}`;
        errors++;
      }
      expect({ text, ours }).toEqual({ text, ours: theirs });
    }
    // Both kinds in numbers, or the comparison proves little.
    expect(trees).toBeGreaterThan(500);
    expect(errors).toBeGreaterThan(500);
  });
});
