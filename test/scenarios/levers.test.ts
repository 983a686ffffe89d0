import { describe, it, expect } from 'vitest';
import { analyseScenario, loadScenario } from '../../scenarios/index.js';
import { libraryFile } from '../../cli/paths.js';

const base = (section: string) => `caresim: 1
time: { horizon: 30 days }
params:
  places: 10
  factor: 1
  stay: 2 days
  demand: uniform(6/day, 8/day)
arrivals:
  a: { rate: demand, to: beds }
units:
  beds: { kind: beds, capacity: places, los: exponential(stay * factor), next: home }
levers:
${section}`;

const errors = (section: string) => analyseScenario(base(section), 's.yaml').diagnostics.filter((d) => d.severity === 'error');

describe('compileLevers(root, env, diags) through analyseScenario', () => {
  it('analyseScenario refuses a lever whose range takes the scenario somewhere it cannot run, at the lever, naming the end', () => {
    const e = errors('  params.places: { from: -50, to: -10, step: 1 }');
    expect(e.map((d) => [d.code, d.path, d.line])).toEqual([['bad-value', 'levers.params.places.from', 13]]);
    expect(e[0].message).toMatch(/^at `from: -50` the scenario is invalid: /);
    expect(e[0].hint).toContain('units.beds.capacity');
    expect(errors('  params.places: { from: 0, to: 20, step: 1 }')).toEqual([]);
  });

  it('analyseScenario: a step so small the slider has too many steps says "more than 1,000 steps" and the smallest step that fits', () => {
    for (const step of ['1e-300', '1e-320', '0.0005']) {
      const e = errors(`  params.factor: { from: 0, to: 1, step: ${step} }`);
      expect(
        e.map((d) => [d.code, d.path, d.line]),
        step,
      ).toEqual([['range-too-large', 'levers.params.factor.step', 13]]);
      expect(e[0].message).toBe(`a step of ${step} from 0 to 1 makes more than 1,000 steps, the most a slider can have`);
      expect(e[0].message).not.toMatch(/Infinity|e\+/);
      expect(e[0].expected).toBe('a step of at least 0.001 (1,000 steps)');
      expect(e[0].hint).toBe('use a larger step, e.g. `step: 0.001`');
    }
    const wide = errors('  params.places: { from: 0, to: 2000, step: 0.7 }');
    expect(wide[0].hint).toBe('use a larger step, e.g. `step: 2`');
    expect(errors('  params.factor: { from: 0, to: 1, step: 0.001 }')).toEqual([]);
  });

  it('analyseScenario reads each lever: its path, label (or the param name), range and the scenario value', () => {
    const a = analyseScenario(
      base(`  params.places: { from: 5, to: 20, step: 1, label: "Beds (ward)" }\n  params.factor: { from: 0.5, to: 1.5, step: 0.05 }`),
      's.yaml',
    );
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(a.loaded!.levers).toEqual([
      { path: 'params.places', label: 'Beds (ward)', from: 5, to: 20, step: 1, value: 10 },
      { path: 'params.factor', label: 'factor', from: 0.5, to: 1.5, step: 0.05, value: 1 },
    ]);
  });

  it('analyseScenario with --set gives the lever the set value', () => {
    const a = analyseScenario(base('  params.places: { from: 5, to: 20, step: 1 }'), 's.yaml', { set: ['params.places=13'] });
    expect(a.loaded!.levers![0].value).toBe(13);
  });

  it('analyseScenario reports every bad lever at once, located, with what was expected', () => {
    const e = errors(
      [
        '  units.beds.capacity: { from: 5, to: 20, step: 1 }',
        '  params.plces: { from: 5, to: 20, step: 1 }',
        '  params.stay: { from: 1, to: 3, step: 1 }',
        '  params.demand: { from: 1, to: 3, step: 1 }',
        '  params.factor: { from: 2, to: 1, step: 0.1 }',
        '  params.places: { from: 5, to: 20, stp: 1 }',
      ].join('\n'),
    );
    const at = (line: number) => e.filter((d) => d.line === line);
    expect(at(13)[0]).toMatchObject({
      file: 's.yaml',
      col: 3,
      path: 'levers.units.beds.capacity',
      message: expect.stringMatching(/not a param/),
    });
    expect(at(14)[0]).toMatchObject({ code: 'unknown-name', hint: expect.stringMatching(/places/) });
    expect(at(15)[0]).toMatchObject({ code: 'bad-lever', message: expect.stringMatching(/`stay` is not a plain number/) });
    expect(at(16)[0]).toMatchObject({ code: 'bad-lever', message: expect.stringMatching(/`demand` is not a plain number/) });
    expect(at(17)[0]).toMatchObject({ code: 'empty-range', path: 'levers.params.factor.to', hint: expect.stringMatching(/swap/) });
    expect(at(18).map((d) => d.code)).toEqual(expect.arrayContaining(['unknown-key']));
  });

  it('loadScenario(ics-default) marks the hand-off delays and the UCR day and night rosters as levers', () => {
    const s = loadScenario(libraryFile('ics-default.yaml')!);
    const levers = Object.fromEntries(s.levers!.map((l) => [l.path, l]));
    expect(levers['params.handoff_factor']).toMatchObject({ value: 1 });
    expect(levers['params.ucr_day']).toMatchObject({ value: 11 });
    expect(levers['params.ucr_night']).toMatchObject({ value: 4 });
    for (const l of s.levers!) {
      expect([l.path, l.value >= l.from && l.value <= l.to]).toEqual([l.path, true]);
      expect(l.label).not.toBe(l.path.slice('params.'.length));
    }
  });
});
