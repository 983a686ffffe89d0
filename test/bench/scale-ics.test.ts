import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CAPACITY_PARAMS, scaleIcs, firstDayPeople } from '../../bench/scale-ics.js';
import { loadScenario } from '../../scenarios/index.js';
import { parse } from 'yaml';

const file = fileURLToPath(new URL('../../scenarios/library/ics-default.yaml', import.meta.url));
const text = readFileSync(file, 'utf8');

describe('bench/scale-ics', () => {
  it('scales every cohort of the default ICS, so the compiled scenario holds the people asked for', () => {
    const scaled = scaleIcs(text, 5e6, 10);
    const baseline = loadScenario(file).strategies[0].modelFor(1, 0);
    const big = loadScenario(file, { set: scaled.sets }).strategies[0].modelFor(1, 0);
    const total = (cohorts: { people: number }[]) => cohorts.reduce((a, c) => a + c.people, 0);
    expect(scaled.basePeople).toBe(total(baseline.cohorts));
    expect(total(big.cohorts)).toBe(scaled.people);
    // Each cohort rounds on its own: the total is within half a person per cohort of the target.
    expect(Math.abs(scaled.people - 5e6)).toBeLessThanOrEqual(big.cohorts.length / 2);
    big.cohorts.forEach((c, i) =>
      expect(Math.abs(c.people - baseline.cohorts[i].people * (5e6 / scaled.basePeople))).toBeLessThanOrEqual(0.5),
    );
    expect(big.horizon / (24 * 60)).toBe(3650);
  });

  it('scales every capacity param by the same factor', () => {
    const scaled = scaleIcs(text, 2.4e6, 1);
    for (const p of CAPACITY_PARAMS) {
      const base = Number(new RegExp(`^  ${p}: (\\d+)`, 'm').exec(text)![1]);
      expect(scaled.sets).toContain(`params.${p}=${Math.round(base * (2.4e6 / scaled.basePeople))}`);
    }
  });

  it('names every whole-number capacity param of the default ICS, so a new one cannot stay unscaled', () => {
    const params = (parse(text) as { params: Record<string, unknown> }).params;
    const wholes = Object.entries(params)
      .filter(([k, v]) => typeof v === 'number' && Number.isInteger(v) && !k.endsWith('_factor'))
      .map(([k]) => k);
    expect([...CAPACITY_PARAMS].sort()).toEqual(wholes.sort());
  });

  it('refuses a population or horizon it cannot run', () => {
    expect(() => scaleIcs(text, 0, 1)).toThrow(/above 0/);
    expect(() => scaleIcs(text, NaN, 1)).toThrow(/above 0/);
    expect(() => scaleIcs(text, 5e6, 0.001)).toThrow(/at least a day/);
  });

  it('refuses a scenario whose cohorts it cannot read, instead of timing an unscaled population', () => {
    expect(() => scaleIcs('params: { acute_beds: 1 }\n', 5e6, 1)).toThrow(/no population.cohorts/);
    expect(() => scaleIcs(text.replace('people: 860000', 'people: 86000 * 10'), 5e6, 1)).toThrow(/cohorts.well.people/);
    expect(() => scaleIcs(text.replace(/^ {2}ed_spaces: \d+/m, '  ed_spaces: 24 * 10'), 5e6, 1)).toThrow(/params.ed_spaces/);
  });

  it('reads the people of the first measured day from a results file', () => {
    const results = { strategies: { baseline: { population: { a: { people: [10, 11] }, b: { people: [5, 4] } } } } };
    expect(firstDayPeople(results)).toBe(15);
    expect(() => firstDayPeople({ strategies: { baseline: {} } })).toThrow(/no population/);
  });
});
