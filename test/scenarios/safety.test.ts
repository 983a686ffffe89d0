import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyseScenario } from '../../scenarios/index.js';
import { MAX_ALIASES, MAX_BYTES, MAX_DEPTH, MAX_NODES } from '../../scenarios/parse.js';

const codes = (text: string) =>
  analyseScenario(text, 's.yaml')
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => d.code);
const EXAMPLE = readFileSync(join(__dirname, '../../scenarios/library/example-ics.yaml'), 'utf8');

describe('parseYaml limits via analyseScenario(text, file)', () => {
  it('refuses text above 1 MB before parsing it', () => {
    const big = 'caresim: 1\n# ' + 'x'.repeat(MAX_BYTES) + '\n';
    expect(codes(big)).toEqual(['file-too-large']);
  });

  it('caps nesting depth and the number of values', () => {
    const deep = 'caresim: 1\nx: ' + '['.repeat(MAX_DEPTH + 5) + ']'.repeat(MAX_DEPTH + 5) + '\n';
    expect(codes(deep)).toEqual(['too-deep']);
    const wide = 'caresim: 1\nx: [' + '1,'.repeat(MAX_NODES + 10) + '1]\n';
    expect(codes(wide)).toEqual(['too-many-nodes']);
  });

  it(`expands up to ${MAX_ALIASES} aliases and refuses more`, () => {
    const withAliases = (n: number) => `${EXAMPLE}\nassumptions: [&a x${', *a'.repeat(n)}]\n`;
    expect(codes(withAliases(MAX_ALIASES))).toEqual([]);
    expect(codes(withAliases(MAX_ALIASES + 1))).toEqual(['alias-limit']);
  });

  it('never lets a scenario reach an object prototype', () => {
    const text = EXAMPLE.replace('params:', 'params:\n  __proto__: { polluted: 1 }\n  constructor: 3\n  prototype: 2');
    expect(codes(text)).toEqual(['forbidden-key', 'forbidden-key', 'forbidden-key']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(codes(EXAMPLE.replace('sweep:', 'strategies:\n  x: { set: { units.__proto__.polluted: 1 } }\nsweep:'))).toContain(
      'duplicate-key',
    );
    expect(codes(`${EXAMPLE}\n`.replace('shift-30-beds:', 'x:\n    set: { units.__proto__.capacity: 1 }\n  shift-30-beds:'))).toEqual([
      'bad-set-path',
    ]);
    expect(({} as Record<string, unknown>).capacity).toBeUndefined();
  });
});
