import { describe, it, expect } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkScenario } from '../../scenarios/index.js';

const DIR = join(__dirname, '../fixtures/scenarios');
const cases = readdirSync(DIR).filter((f) => f.endsWith('.yaml'));

interface Expected {
  code: string;
  path: string;
  line: number;
  col: number;
}
const pick = (d: Expected) => ({ code: d.code, path: d.path, line: d.line, col: d.col });

describe('checkScenario(file) on the broken-scenario corpus', () => {
  it('has at least 30 broken scenarios', () => {
    expect(cases.length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('%s gives exactly the expected diagnostics', (f) => {
    const exp = JSON.parse(readFileSync(join(DIR, f.replace(/\.yaml$/, '.expected.json')), 'utf8')) as {
      errors: Expected[];
      warnings?: Expected[];
    };
    const diags = checkScenario(join(DIR, f));
    for (const d of diags) {
      expect(d.file).toBe(join(DIR, f));
      expect(d.message.length).toBeGreaterThan(0);
    }
    expect(diags.filter((d) => d.severity === 'error').map(pick)).toEqual(exp.errors);
    if (exp.warnings) expect(diags.filter((d) => d.severity === 'warning').map(pick)).toEqual(exp.warnings);
  });
});
