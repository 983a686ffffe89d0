import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { fitFiles } from '../../fit/fit-files.js';
import { checkScenario } from '../../scenarios/index.js';
import { tempDir } from '../temp-dir.js';

const dir = tempDir('fit-fragment');

/** 40 finished stays of 1-5 days in February 2027, each row `unit,admitted,discharged,destination,cohort`. */
function rows(unit: string, destination: string, cohort: string): string[] {
  const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
  return Array.from({ length: 40 }, (_, i) => {
    const d = 1 + (i % 23);
    return `${q(unit)},2027-02-${String(d).padStart(2, '0')},2027-02-${String(d + 1 + (i % 5)).padStart(2, '0')},${q(destination)},${q(cohort)}`;
  });
}

/** Writes the fragment and a scenario that extends it with a kind and capacity for each unit; returns the scenario's errors. */
function check(name: string, fragment: string): string[] {
  writeFileSync(join(dir, `${name}.yaml`), fragment);
  const doc = parse(fragment) as { units: Record<string, unknown> };
  const units = Object.keys(doc.units).map((u) => `  ${u}: { kind: beds, capacity: 10 }`);
  writeFileSync(
    join(dir, `${name}-model.yaml`),
    [
      `extends: ${name}.yaml`,
      'caresim: 1',
      'name: hostile',
      'time: { horizon: 30 days, warmup: 0 days, start: 2027-01-04 }',
      'units:',
      ...units,
      '',
    ].join('\n'),
  );
  return checkScenario(join(dir, `${name}-model.yaml`))
    .filter((d) => d.severity === 'error')
    .map((d) => `${d.code} ${d.path} ${d.message}`);
}

describe('writeFragment', () => {
  it('writeFragment(units, cohorts and destinations named constructor, null, true, default, rest) compiles: such names get a suffix', async () => {
    writeFileSync(
      join(dir, 'reserved.csv'),
      [
        'unit,admitted,discharged,destination,cohort',
        ...rows('constructor', 'null', 'default'),
        ...rows('null', 'true', 'rest'),
        ...rows('True', 'rest', 'prototype'),
        '',
      ].join('\n'),
    );
    const r = await fitFiles([join(dir, 'reserved.csv')], { bootstrap: 9 });
    expect(check('reserved', r.fragment)).toEqual([]);
    expect(r.fragment).toMatch(/^ {2}constructor_x: {3}# "constructor" in the extract$/m);
  });

  it('writeFragment(names with line breaks, quotes, `: ` and `#`) keeps every name inside its comment and compiles', async () => {
    writeFileSync(
      join(dir, 'hostile.csv'),
      [
        'unit,admitted,discharged,destination,cohort',
        ...rows('ac\nute: 1', 'home\n  x: y', 'fr"ail #1'),
        ...rows('# ward', "o'k\r\nz", 'a: b'),
        '',
      ].join('\n'),
    );
    const r = await fitFiles([join(dir, 'hostile.csv')], { bootstrap: 9 });
    expect(r.sources[0].used).toBe(80);
    expect(check('hostile', r.fragment)).toEqual([]);
    expect(r.fragment).toContain('# "ac\\nute: 1" in the extract');
  });

  it('writeFragment(unit `a` with cohort `b` and unit `a_b`; a stream named `a_admissions`) gives each param and arrival its own key', async () => {
    writeFileSync(
      join(dir, 'clash.csv'),
      ['unit,admitted,discharged,destination,cohort', ...rows('a', 'home', 'b'), ...rows('a b', 'home', 'c'), ''].join('\n'),
    );
    writeFileSync(
      join(dir, 'clash-counts.csv'),
      [
        'date,count,stream',
        ...Array.from({ length: 28 }, (_, i) => `2027-02-${String(i + 1).padStart(2, '0')},${10 + (i % 3)},a_admissions`),
        '',
      ].join('\n'),
    );
    const r = await fitFiles([join(dir, 'clash.csv'), join(dir, 'clash-counts.csv')], { bootstrap: 9 });
    // The stream has no `to:`; give it one so the scenario is complete.
    const errors = check('clash', r.fragment.replace(/^( {2}a_admissions:)$/m, '$1\n    to: a'));
    expect(errors).toEqual([]);
    expect(r.fragment).toMatch(/^ {2}a_b_los_mean: /m);
    expect(r.fragment).toMatch(/^ {2}a_b_los_mean_2: /m);
  });
});

describe('writeFragment (too few ended stays)', () => {
  it('writeFragment(stays that end the day they begin, dates without times) says they count as half a day, not "half a day or one minute"', async () => {
    writeFileSync(
      join(dir, 'zeros.csv'),
      [
        'unit,admitted,discharged',
        ...Array.from(
          { length: 30 },
          (_, i) =>
            `acute,2027-02-${String(1 + (i % 25)).padStart(2, '0')},2027-02-${String(1 + (i % 25) + (i % 3 ? 2 : 0)).padStart(2, '0')}`,
        ),
        '',
      ].join('\n'),
    );
    const r = await fitFiles([join(dir, 'zeros.csv')], { bootstrap: 9 });
    expect(r.fragment).toContain(
      '# 10 of zero length (ended when they began), counted as half a day (dates without times): continuous families cannot fit zeros',
    );
  });

  it('writeFragment(a unit whose stays are all still in; a unit with one ended stay) says under the unit why nothing, or one length, is written', async () => {
    writeFileSync(
      join(dir, 'few.csv'),
      [
        'unit,admitted,discharged',
        ...Array.from({ length: 20 }, (_, i) => `open,2027-02-${String(1 + i).padStart(2, '0')},`),
        'once,2027-02-01,2027-02-04',
        'open,2027-02-21,2027-02-28',
        '',
      ].join('\n'),
    );
    const r = await fitFiles([join(dir, 'few.csv')], { bootstrap: 9 });
    const block = (u: string) => r.fragment.slice(r.fragment.indexOf(`\n  ${u}:`) + 1).split(/\n {2}\S/)[0];
    expect(block('open')).toContain('# length of stay: n = 21 (20 still in: right-censored)');
    // The stay admitted on the last day is still in, not a stay of zero length.
    expect(block('open')).not.toContain('zero length');
    expect(block('once')).toContain('# note: only one stay has ended within the extract');
    expect(block('once')).toMatch(/los: empirical\(\[3 d,/);
    writeFileSync(
      join(dir, 'none.csv'),
      ['unit,admitted,discharged', ...Array.from({ length: 20 }, (_, i) => `open,2027-02-${String(1 + i).padStart(2, '0')},`), ''].join(
        '\n',
      ),
    );
    const n = await fitFiles([join(dir, 'none.csv')], { bootstrap: 9 });
    expect(n.fragment).toMatch(
      /^ {2}open:\n {4}# length of stay: n = 20 \(20 still in: right-censored\).*\n {4}# note: no stay has ended within the extract/m,
    );
  });
});
