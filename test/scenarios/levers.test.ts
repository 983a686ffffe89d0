import { describe, it, expect } from 'vitest';
import { analyseScenario, loadScenario, ScenarioError, type Diagnostic } from '../../scenarios/index.js';
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

describe('a lever end compiles only what reads its param, and says what a whole compile says', () => {
  /** A scenario touching every part a param can feed: population, staff, a roster, routes, rates and a derived param. */
  const scenario = (levers: string) => `caresim: 1
time: { horizon: 60 days, warmup: 5 days }
params:
  beds: 40
  spare: beds - 35
  frail: 1000
  share: 0.3
  crisis: 2
  nurses: 12
  visit: 1
  day_crew: 6
  rate: 3
  step_beds: 5
  step_total: step_beds * 2
population:
  cohorts:
    frail: { people: frail, crisis: crisis / year }
    well: { people: 5000, crisis: 0.5/year }
staff:
  crew: { establishment: nurses, hours: 37.5 hours, contact: 70% }
arrivals:
  crises: { from: population, to: { ward: rest, home_team: share } }
  walk_in: { rate: rate / day, to: ward }
units:
  ward: { kind: beds, capacity: { base: beds, roster: [{ days: mon-fri, hours: 08:00-20:00, capacity: beds + spare }] }, los: exponential(4 days), next: { step_down: 25%, home: rest } }
  step_down: { kind: beds, capacity: step_total, queue: none, los: exponential(10 days), next: home }
  home_team: { kind: homecare, capacity: 30, staff: { group: crew, visit: visit * 1 hour, visits: 1/day }, los: exponential(9 days), next: home }
levers:
${levers}`;

  /** What a whole compile of the variant says: the first error, or null when it compiles. */
  function wholeCompile(text: string, path: string, value: number): Diagnostic | null {
    const a = analyseScenario(text.replace(/\nlevers:\n[\s\S]*$/, '\n'), 's.yaml');
    expect(a.loaded, a.diagnostics.map((d) => d.message).join('\n')).not.toBeNull();
    try {
      a.loaded!.variants!.variant({ [path]: String(value) }, `lever ${path}=${value}`, '');
      return null;
    } catch (e) {
      if (!(e instanceof ScenarioError)) throw e;
      return e.diagnostics.find((d) => d.severity === 'error') ?? null;
    }
  }

  /** Param, from, to, step: each range has at most 1,000 steps. */
  const ends: [string, number, number, number][] = [
    ['beds', -5, 80, 1], // a capacity below 0; a roster's capacity through a derived param
    ['spare', -100, 5, 1], // only the roster reads it
    ['frail', -1, 900, 1], // the population: the whole tree compiles again
    ['nurses', -3, 30, 1], // the staff: the whole tree compiles again
    ['share', 0.2, 1.5, 0.05], // a route probability above 100%
    ['crisis', -1, 998, 1], // a crisis rate below 0
    ['rate', 1, 1e12, 1e9], // far more arrivals than a run can take
    ['visit', 0, 2, 0.5], // a visit of no time
    ['day_crew', -1, 8, 1], // a param nothing reads
    ['step_beds', -5, 20, 1], // read only through another param
  ];

  it('for every end, the first error is the one a whole compile of that variant gives (and none where it compiles)', () => {
    const wrong: string[] = [];
    let refused = 0;
    for (const [name, from, to, step] of ends) {
      const text = scenario(`  params.${name}: { from: ${from}, to: ${to}, step: ${step} }`);
      const got = analyseScenario(text, 's.yaml').diagnostics.filter((d) => d.severity === 'error');
      for (const [end, value] of [
        ['from', from],
        ['to', to],
      ] as const) {
        const mine = got.find((d) => d.path === `levers.params.${name}.${end}`);
        const whole = wholeCompile(text, `params.${name}`, value);
        const expected = whole && `at \`${end}: ${value}\` the scenario is invalid: ${whole.message}`;
        if ((mine?.message ?? null) !== expected) wrong.push(`${name} ${end}: got ${mine?.message}, whole compile ${expected}`);
        if (mine && whole?.path && !mine.hint?.includes(whole.path)) wrong.push(`${name} ${end}: hint ${mine.hint} lacks ${whole.path}`);
        // A lever refused at `from` is not tried at `to`.
        if (mine) {
          refused++;
          break;
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(refused).toBeGreaterThanOrEqual(9);
  });

  it('the default ICS loads (each lever end checked the quick way), and a whole compile agrees at all 18 ends', () => {
    const sc = loadScenario(libraryFile('ics-default.yaml')!);
    expect(sc.levers).toHaveLength(9);
    for (const l of sc.levers!)
      for (const v of [l.from, l.to]) expect(() => sc.variants!.variant({ [l.path]: String(v) }, 'v', '')).not.toThrow();
  });
});
