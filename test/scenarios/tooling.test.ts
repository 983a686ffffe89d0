import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  scenarioHelp,
  keyReference,
  formatDiagnostics,
  analyseScenarioFile,
  analyseScenario,
  type Diagnostic,
} from '../../scenarios/index.js';
import { allKeys } from '../../scenarios/docs.js';
import { TOP_KEYS, UNIT_KEYS, ARRIVAL_KEYS } from '../../scenarios/keys.js';

type Schema = {
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  required?: string[];
  description?: string;
  $schema?: string;
};

describe('buildSchema()', () => {
  const s = buildSchema() as Schema;

  it('is a draft 2020-12 schema with every key of the key table', () => {
    expect(s.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(Object.keys(s.properties!)).toEqual(Object.keys(TOP_KEYS));
    expect(s.required).toEqual(['caresim', 'time', 'arrivals', 'units']);
    const unit = s.properties!.units.additionalProperties as Schema;
    expect(Object.keys(unit.properties!)).toEqual(Object.keys(UNIT_KEYS));
    expect(unit.additionalProperties).toBe(false);
    expect(unit.properties!.capacity.description).toBe(UNIT_KEYS.capacity.doc);
    const arrival = s.properties!.arrivals.additionalProperties as Schema;
    expect(Object.keys(arrival.properties!)).toEqual(Object.keys(ARRIVAL_KEYS));
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(s))).toEqual(s);
  });
});

describe('scenarioHelp(key?)', () => {
  it('lists the top-level keys without a key', () => {
    const h = scenarioHelp();
    for (const k of Object.keys(TOP_KEYS)) expect(h).toContain(k);
  });

  it('explains one key by path, with or without a unit name', () => {
    expect(scenarioHelp('units.capacity')).toContain(UNIT_KEYS.capacity.doc);
    expect(scenarioHelp('units.acute.capacity')).toContain(UNIT_KEYS.capacity.doc);
    expect(scenarioHelp('discharge.weekend')).toBe(scenarioHelp('units.acute.discharge.weekend'));
    expect(scenarioHelp('patience')).toContain('only for kind: team');
  });

  it('suggests a key for a typo', () => {
    expect(scenarioHelp('capacty')).toContain('Did you mean `capacity`?');
  });
});

describe('keyReference()', () => {
  it('has one table row per key', () => {
    const rows = keyReference()
      .split('\n')
      .filter((l) => l.startsWith('| `'));
    expect(rows.length).toBe(allKeys().length);
    expect(keyReference()).toContain('| `units.<unit>.capacity` |');
  });
});

describe('formatDiagnostics(diags, sources, opts)', () => {
  const d: Diagnostic = {
    severity: 'error',
    code: 'wrong-dimension',
    file: 's.yaml',
    line: 2,
    col: 13,
    path: 'units.w.capacity',
    message: 'capacity expects a count, got `3 days` (a duration)',
    expected: 'a count, e.g. `24`',
    hint: 'try a number',
  };

  it('prints location, code, path, expected, hint and a caret under the column', () => {
    const out = formatDiagnostics([d], new Map([['s.yaml', 'units:\n  w: { capacity: 3 days }\n']]));
    const lines = out.split('\n');
    expect(lines[0]).toBe('s.yaml:2:13: error[wrong-dimension] capacity expects a count, got `3 days` (a duration)');
    expect(lines).toContain('  at units.w.capacity');
    expect(lines).toContain('  expected: a count, e.g. `24`');
    expect(lines).toContain('  hint: try a number');
    const src = lines.findIndex((l) => l.includes('| ') && l.includes('capacity: 3 days'));
    expect(lines[src + 1].indexOf('^') - lines[src + 1].indexOf('|') - 2).toBe(12);
    expect(out.endsWith('1 error, 0 warnings')).toBe(true);
  });

  it('works with a lookup function, without sources, and with colour', () => {
    expect(formatDiagnostics([d], () => undefined)).not.toContain('|');
    expect(formatDiagnostics([d], () => 'a\n  w: { capacity: 3 days }', { color: true })).toContain('\u001b[');
  });

  it('formats every diagnostic of a broken file with its excerpt', () => {
    const a = analyseScenarioFile(join(__dirname, '../fixtures/scenarios/many-errors.yaml'));
    const out = formatDiagnostics(a.diagnostics, a.sources);
    expect(out.match(/\^/g)!.length).toBe(a.diagnostics.length);
    expect(out).toContain('did you mean `capacity`?');
  });
});

describe('README.md scenario guide', () => {
  it('holds the current key reference', () => {
    const doc = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    expect(doc).toContain(keyReference());
  });
});

describe('the worked example in README.md', () => {
  it('loads without errors or warnings', () => {
    const doc = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    const yaml = /```yaml\n([\s\S]*?)```/.exec(doc)![1];
    const a = analyseScenario(yaml, 'readme.yaml');
    expect(a.diagnostics).toEqual([]);
    expect(a.loaded!.strategies.map((s) => s.name)).toEqual([
      'baseline',
      'more-rehab',
      'units.homecare.capacity=50',
      'units.homecare.capacity=60',
      'units.homecare.capacity=70',
    ]);
  });
});
