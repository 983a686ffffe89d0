import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseScenario, loadScenarioText, ScenarioError, formatDiagnostics } from '../../scenarios/index.js';

const EXAMPLE = readFileSync(join(__dirname, '../../scenarios/library/example-ics.yaml'), 'utf8');
const TOKENS = [
  ':',
  ' ',
  '\n',
  '{',
  '}',
  '[',
  ']',
  ',',
  '*a',
  '&a ',
  '%',
  '__proto__',
  'constructor',
  '1e999',
  '!!binary ',
  '-',
  '\t',
  "'",
  '"',
  '#',
  '(',
  ')',
  'rest',
  'units',
  'x = 1',
  'f(x)=x',
  'a.b',
  '0x1F',
  '/day',
  ' days',
  'lognormal(',
  '<<: *a',
  '---',
  '...',
  '\u0000',
];

/** The only allowed outcomes: a loaded scenario or a ScenarioError with located diagnostics. */
function outcome(text: string, set?: string[]): void {
  // A hang would trip the test timeout; speed itself is measured in the benchmarks.
  const a = analyseScenario(text, 'fuzz.yaml', {
    set,
    readFile: () => {
      throw new Error('no files here');
    },
  });
  if (a.loaded) {
    expect(a.diagnostics.every((d) => d.severity === 'warning')).toBe(true);
  } else {
    expect(a.diagnostics.some((d) => d.severity === 'error')).toBe(true);
  }
  for (const d of a.diagnostics) {
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.col).toBeGreaterThanOrEqual(1);
    expect(typeof d.code).toBe('string');
  }
  expect(typeof formatDiagnostics(a.diagnostics, a.sources)).toBe('string');
  try {
    loadScenarioText(text, 'fuzz.yaml', { set });
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
  }
}

const mutation = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), token: fc.constantFrom(...TOKENS) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('dupline' as const), at: fc.nat() }),
);

function mutate(text: string, muts: { kind: string; at: number; token?: string; len?: number }[]): string {
  let s = text;
  for (const m of muts) {
    const at = m.at % (s.length + 1);
    if (m.kind === 'insert') s = s.slice(0, at) + m.token + s.slice(at);
    else if (m.kind === 'delete') s = s.slice(0, at) + s.slice(at + (m.len ?? 1));
    else {
      const lines = s.split('\n');
      const i = m.at % lines.length;
      lines.splice(i, 0, lines[i]);
      s = lines.join('\n');
    }
  }
  return s;
}

describe('analyseScenario(text, file) under random input', () => {
  it('never crashes on mutated versions of the example scenario', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (muts) => outcome(mutate(EXAMPLE, muts))),
      { numRuns: 150, seed: 20270104 },
    );
  });

  it('never crashes on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (s) => outcome(s)),
      { numRuns: 200, seed: 42 },
    );
  });

  it('never crashes on random YAML-shaped values', () => {
    const leaf = fc.oneof(fc.constantFrom(...TOKENS), fc.string({ maxLength: 20 }), fc.double(), fc.integer());
    const tree = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        leaf,
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(
          fc.constantFrom('units', 'kind', 'capacity', 'next', 'los', 'time', 'horizon', 'params', 'x', 'to', 'arrivals', 'rate'),
          tie('node'),
          { maxKeys: 4 },
        ),
      ),
    })).node;
    fc.assert(
      fc.property(tree, (v) => outcome('caresim: 1\n' + JSON.stringify({ units: v, time: { horizon: '10 days' }, arrivals: v }))),
      { numRuns: 150, seed: 7 },
    );
  });

  it('never crashes on random --set arguments', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }), (sets) => outcome(EXAMPLE, sets)),
      { numRuns: 60, seed: 3 },
    );
  });
});
