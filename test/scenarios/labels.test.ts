import { describe, it, expect } from 'vitest';
import { analyseScenario, loadScenarioText } from '../../scenarios/index.js';
import { plainNumber, sweepLabel } from '../../scenarios/labels.js';
import { summarise } from '../../results/index.js';
import { simulate } from '../../engine/index.js';

const TEXT = `caresim: 1
time: { horizon: 30 days }
params: { acute_beds: 40, stay: 5 days }
param_labels: { acute_beds: Acute beds, stay: "Length of stay: acute" }
population:
  cohorts:
    frail: { label: Frail older people, people: 1000, crisis: 1/year }
arrivals: { a: { from: population, to: acute } }
staff:
  nurses: { label: Ward nurses, establishment: 100 }
units:
  acute:
    label: Acute beds
    kind: beds
    capacity: acute_beds
    los: stay
    next: p2
  p2:    { kind: beds, capacity: 10, los: 10 days, queue: none }
strategies:
  close-3:
    label: Three fewer beds
    set: { params.acute_beds: acute_beds - 3 }
  plain:
    set: { params.stay: stay * 0.9 }
sweep: { params.acute_beds: [1950, 2000], units.p2.capacity: [12] }
`;

/** The text with one line replaced, and the diagnostics of loading it. */
function problems(from: string, to: string) {
  expect(TEXT).toContain(from);
  return analyseScenario(TEXT.replace(from, to), 'l.yaml').diagnostics;
}

describe('readLabels via loadScenarioText(text, file)', () => {
  it('loadScenarioText collects the label of every unit, cohort, staff group, strategy and param that has one', () => {
    const s = loadScenarioText(TEXT, 'l.yaml');
    expect(s.labels!.units).toEqual({ acute: 'Acute beds' });
    expect(s.labels!.cohorts).toEqual({ frail: 'Frail older people' });
    expect(s.labels!.staff).toEqual({ nurses: 'Ward nurses' });
    expect(s.labels!.params).toEqual({ acute_beds: 'Acute beds', stay: 'Length of stay: acute' });
    // `plain` has no label; `p2` has none, so the sweep points (which sweep its capacity) keep their names.
    expect(s.labels!.strategies).toEqual({ 'close-3': 'Three fewer beds' });
  });
  it('loadScenarioText gives sweep points a label built from their params labels', () => {
    const s = loadScenarioText(TEXT.replace(', units.p2.capacity: [12]', ''), 'l.yaml');
    expect(s.labels!.strategies).toEqual({
      'close-3': 'Three fewer beds',
      'params.acute_beds=1950': 'Acute beds: 1,950',
      'params.acute_beds=2000': 'Acute beds: 2,000',
    });
  });
  it('loadScenarioText leaves `labels` out of a scenario without any', () => {
    const s = loadScenarioText(
      'caresim: 1\ntime: { horizon: 10 days }\narrivals: { a: { rate: 1/day, to: u } }\nunits: { u: { kind: beds, capacity: 2, los: 1 day } }\n',
      'x.yaml',
    );
    expect(s.labels).toBeUndefined();
  });
  it('analyseScenario: a label that is a map is a located wrong-type error with a hint', () => {
    const d = problems('    label: Acute beds\n', '    label: { text: Acute beds }\n').filter((x) => x.severity === 'error');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'wrong-type', file: 'l.yaml', line: 13, path: 'units.acute.label' });
    expect(d[0].hint).toContain('label: "Acute beds"');
  });
  it('analyseScenario: a blank label is an error, a long one a warning', () => {
    const blank = problems('label: Three fewer beds', 'label: ""').filter((x) => x.severity === 'error');
    expect(blank.map((x) => [x.code, x.path])).toEqual([['wrong-type', 'strategies.close-3.label']]);
    const long = problems('label: Ward nurses', `label: ${'x'.repeat(61)}`);
    expect(long.map((x) => [x.severity, x.code, x.path])).toContainEqual(['warning', 'long-label', 'staff.nurses.label']);
  });
  it('analyseScenario: a label of ~ or null (no value in YAML) or over two lines is an error; a quoted "null" is a text', () => {
    const errs = (to: string) => problems('label: Three fewer beds', to).filter((x) => x.severity === 'error');
    for (const none of ['label: ~', 'label: null'])
      expect(errs(none).map((x) => [x.code, x.path, x.message])).toEqual([
        ['wrong-type', 'strategies.close-3.label', 'the label is blank'],
      ]);
    expect(errs('label: "a\\nb"').map((x) => x.message)).toEqual(['the label runs over more than one line']);
    expect(errs('label: "null"')).toEqual([]);
  });
  it('analyseScenario: a param label for a name that is not a param says so, with a did-you-mean', () => {
    const d = problems('param_labels: { acute_beds:', 'param_labels: { acute_bed:').filter((x) => x.severity === 'error');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'unknown-name', path: 'param_labels.acute_bed', line: 4 });
    expect(d[0].hint).toBe('did you mean `acute_beds`?');
  });
  it('analyseScenario: a misspelt `label` key keeps its did-you-mean', () => {
    const d = problems('    label: Acute beds\n', '    lable: Acute beds\n').filter((x) => x.severity === 'error');
    expect(d[0]).toMatchObject({ code: 'unknown-key', path: 'units.acute.lable' });
    expect(d[0].hint).toBe('did you mean `label`?');
  });
});

describe('plainNumber(v) and sweepLabel(values, labels)', () => {
  it('plainNumber groups thousands with commas and keeps decimals as they are', () => {
    expect([plainNumber(1950), plainNumber(950), plainNumber(-1234567.25), plainNumber(0.5)]).toEqual([
      '1,950',
      '950',
      '-1,234,567.25',
      '0.5',
    ]);
  });
  it('sweepLabel names unit and staff paths after their labels and gives up when a path has none', () => {
    const labels = { units: { p1: 'Home care (P1)' }, params: { x: 'X' } };
    expect(sweepLabel({ 'units.p1.capacity': 1100, 'params.x': 2 }, labels)).toBe('Home care (P1) capacity: 1,100, X: 2');
    expect(sweepLabel({ 'units.p2.capacity': 1100 }, labels)).toBeUndefined();
  });
});

describe('summarise(strategies, meta) with labels', () => {
  it('writes the scenario labels at the top level of the results', () => {
    const s = loadScenarioText(TEXT, 'l.yaml');
    const base = s.strategies[0];
    const reps = [0, 1].map((r) => simulate(base.model, { seed: 1, replication: r }));
    const meta = {
      scenario: { name: 'l', hash: 'h', assumptions: [] },
      engineVersion: '0',
      seed: 1,
      replications: 2,
      horizonDays: 30,
      warmupDays: 0,
      startDate: '2027-01-04',
    };
    const r = summarise([{ name: 'baseline', description: '', set: {}, reps }], { ...meta, labels: s.labels });
    expect(r.labels).toEqual(s.labels);
    expect(summarise([{ name: 'baseline', description: '', set: {}, reps }], meta).labels).toBeUndefined();
  });
});
