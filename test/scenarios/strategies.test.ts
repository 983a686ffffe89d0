import { describe, it, expect } from 'vitest';
import { loadScenarioText, analyseScenario, type CompiledScenarioWithWarnings } from '../../scenarios/index.js';
import { makeSampler } from '../../engine/distributions.js';
import { makeStream } from '../../engine/random.js';
import { DAY, YEAR } from '../../engine/index.js';

const BASE = `
caresim: 1
name: Strategies
time: { horizon: 100 days, warmup: 10 days }
seed: 7
replications: 20
params:
  acute_beds: 200
  crisis_rate: uniform(1.2/year, 1.8/year)
  los_mean: gamma(5 days, 1 day)
  half_rate: crisis_rate / 2
population:
  cohorts:
    frail: { people: 1000, crisis: crisis_rate }
    well: { people: 5000, crisis: half_rate }
arrivals:
  crises: { from: population, to: acute }
  walk_ins: { rate: 10/day, to: acute }
units:
  acute: { kind: beds, capacity: acute_beds, los: exponential(los_mean), next: { home: 80%, p1: rest } }
  p1: { kind: homecare, capacity: 100, los: 20 days, queue: none }
strategies:
  more-beds:
    description: Open 20 beds
    set: { params.acute_beds: acute_beds + 20, units.p1.capacity: 120 }
  fixed-crisis:
    set: { params.crisis_rate: 1.5/year }
sweep: { units.p1.capacity: [80, 90], units.p1.los: [15 days, 25 days] }
`;

const load = (text = BASE, set?: string[]): CompiledScenarioWithWarnings => loadScenarioText(text, 'base.yaml', { set });
const byName = (sc: CompiledScenarioWithWarnings, n: string) => sc.strategies.find((s) => s.name === n)!;

describe('strategies, sweep and set (loadScenarioText)', () => {
  const sc = load();

  it('puts baseline first, then strategies in file order, then one per sweep combination', () => {
    expect(sc.strategies.map((s) => s.name)).toEqual([
      'baseline',
      'more-beds',
      'fixed-crisis',
      'units.p1.capacity=80,units.p1.los=15 days',
      'units.p1.capacity=80,units.p1.los=25 days',
      'units.p1.capacity=90,units.p1.los=15 days',
      'units.p1.capacity=90,units.p1.los=25 days',
    ]);
    expect(sc.sweep!.paths).toEqual(['units.p1.capacity', 'units.p1.los']);
    expect(sc.sweep!.points[1]).toEqual({
      strategy: 'units.p1.capacity=80,units.p1.los=25 days',
      values: { 'units.p1.capacity': 80, 'units.p1.los': 25 },
    });
    expect(sc.seed).toBe(7);
    expect(sc.replications).toBe(20);
  });

  it('applies `set` expressions against the params and keeps their text', () => {
    const s = byName(sc, 'more-beds');
    expect(s.description).toBe('Open 20 beds');
    expect(s.set).toEqual({ 'params.acute_beds': 'acute_beds + 20', 'units.p1.capacity': '120' });
    expect(s.model.units[0].capacity).toBe(220);
    expect(s.model.units[1].capacity).toBe(120);
    expect(byName(sc, 'baseline').model.units[0].capacity).toBe(200);
    const sw = byName(sc, 'units.p1.capacity=90,units.p1.los=25 days');
    expect(sw.model.units[1].capacity).toBe(90);
    expect(sw.model.units[1].service[0]).toEqual({ kind: 'fixed', value: 25 * DAY });
  });

  it('holds uncertain params at their mean in `model`', () => {
    const m = byName(sc, 'baseline').model;
    expect(m.cohorts[0].crisis).toBeCloseTo(1.5 / YEAR, 15);
    expect(m.cohorts[1].crisis).toBeCloseTo(0.75 / YEAR, 15);
    expect(m.units[0].service[0]).toEqual({ kind: 'exponential', mean: 5 * DAY });
  });

  it('modelFor(seed, replication) draws each uncertain param once from its own stream', () => {
    const base = byName(sc, 'baseline');
    const m = base.modelFor(7, 3);
    const draw = makeSampler({ kind: 'uniform', min: 1.2 / YEAR, max: 1.8 / YEAR }, makeStream(7, 3, 'param:crisis_rate')).next();
    expect(m.cohorts[0].crisis).toBe(draw);
    expect(m.cohorts[1].crisis).toBe(draw / 2); // derived params follow the draw
    const losDraw = makeSampler({ kind: 'gamma', mean: 5 * DAY, sd: DAY }, makeStream(7, 3, 'param:los_mean')).next();
    expect(m.units[0].service[0]).toEqual({ kind: 'exponential', mean: losDraw });
    expect(base.modelFor(7, 3)).toEqual(m);
    expect(base.modelFor(7, 4).cohorts[0].crisis).not.toBe(draw);
    expect(base.model.cohorts[0].crisis).toBeCloseTo(1.5 / YEAR, 15); // never mutated
    expect(m.units[1]).toBe(base.model.units[1]); // parts without uncertain params are shared
  });

  it('marks a strategy `uncertain` exactly when some param it reads is drawn, and then only', () => {
    expect(sc.strategies.every((s) => s.uncertain)).toBe(true);
    const fixed = load(BASE, ['params.crisis_rate=1.5/year', 'params.los_mean=5 days']);
    for (const s of fixed.strategies) {
      expect(s.uncertain).toBe(false);
      expect(s.modelFor(7, 3)).toBe(s.model);
    }
    const half = load(BASE, ['params.los_mean=5 days']);
    expect(byName(half, 'baseline').uncertain).toBe(true);
    expect(byName(half, 'fixed-crisis').uncertain).toBe(false);
  });

  it('gives every strategy the same draw unless it sets the param', () => {
    const a = byName(sc, 'baseline').modelFor(7, 5),
      b = byName(sc, 'more-beds').modelFor(7, 5);
    expect(b.cohorts[0].crisis).toBe(a.cohorts[0].crisis);
    expect(b.units[0].service).toEqual(a.units[0].service);
    const f = byName(sc, 'fixed-crisis').modelFor(7, 5);
    expect(f.cohorts[0].crisis).toBeCloseTo(1.5 / YEAR, 15);
    expect(f.units[0].service).toEqual(a.units[0].service);
  });

  it('a drawn cohort size reaches the arrival streams that split by cohort size, as a whole compile at that size gives', () => {
    const text = `
caresim: 1
name: Drawn cohort size
time: { horizon: 100 days }
seed: 7
params:
  frail_people: uniform(500, 1500)
  crisis_rate: uniform(1.2/year, 1.8/year)
population:
  cohorts:
    frail: { people: frail_people, crisis: 1.5/year }
    well: { people: 5000, crisis: crisis_rate }
arrivals:
  crises: { from: population, to: acute }
  walk_ins: { rate: 10/day, to: acute }
units:
  acute: { kind: beds, capacity: 200, los: 5 days, next: home }
`;
    const base = byName(load(text), 'baseline');
    const walkIns = (m: ReturnType<typeof base.modelFor>) => m.sources.flat().find((s) => s.name === 'walk_ins')!;
    for (const r of [1, 2, 3]) {
      const m = base.modelFor(7, r);
      const people = m.cohorts[0].people;
      expect(people).not.toBe(base.model.cohorts[0].people);
      const whole = byName(
        load(text, [`params.frail_people=${people}`, `params.crisis_rate=${m.cohorts[1].crisis * YEAR}/year`]),
        'baseline',
      ).model;
      expect(whole.cohorts[0].people).toBe(people);
      expect(walkIns(m).cohortMix).toEqual(walkIns(whole).cohortMix);
      expect(walkIns(m).cohortMix[0]).not.toBe(walkIns(base.model).cohortMix[0]);
    }
    // A draw that leaves every size alone keeps the baseline's streams.
    const sizes = byName(load(text, ['params.frail_people=1000']), 'baseline');
    expect(sizes.uncertain).toBe(true);
    const m = sizes.modelFor(7, 1);
    expect(m.cohorts[1].crisis).not.toBe(sizes.model.cohorts[1].crisis);
    m.sources.forEach((s, i) => expect(s).toBe(sizes.model.sources[i]));
  });

  it('--set changes the baseline and every strategy, and changes the hash', () => {
    const s = load(BASE, ['units.p1.capacity=150', 'time.horizon = 200 days']);
    expect(byName(s, 'baseline').model.units[1].capacity).toBe(150);
    expect(byName(s, 'fixed-crisis').model.units[1].capacity).toBe(150);
    expect(byName(s, 'more-beds').model.units[1].capacity).toBe(120);
    expect(s.horizonDays).toBe(200);
    expect(s.hash).not.toBe(sc.hash);
    expect(load().hash).toBe(sc.hash);
    expect(sc.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('--set errors are located in `<--set i>` at the value', () => {
    const a = analyseScenario(BASE, 'base.yaml', { set: ['units.p1.capacity=3 days', 'nonsense'] });
    expect(a.loaded).toBeNull();
    const errs = a.diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => ({ code: d.code, file: d.file, line: d.line, col: d.col, path: d.path }));
    expect(errs).toContainEqual({ code: 'wrong-dimension', file: '<--set 1>', line: 1, col: 19, path: 'units.p1.capacity' });
    expect(errs).toContainEqual({ code: 'bad-set', file: '<--set 2>', line: 1, col: 1, path: '' });
    expect(a.sources.get('<--set 1>')).toBe('units.p1.capacity=3 days');
  });

  it("says whose a strategy's own compile problem is, and reports the baseline's once, unlabelled", () => {
    // The strategy sets p1's capacity to -5, which is refused; the baseline's 100 is fine.
    const text = BASE.replace('set: { params.crisis_rate: 1.5/year }', 'set: { units.p1.capacity: -5 }');
    const errs = analyseScenario(text, 'base.yaml').diagnostics.filter((d) => d.severity === 'error');
    expect(errs).toHaveLength(1);
    expect(errs[0].path).toBe('units.p1.capacity');
    expect(errs[0].message).toMatch(/ in strategy `fixed-crisis`$/);
    // The same problem in the baseline is the scenario's: said once, with no strategy named.
    const both = analyseScenario(BASE.replace('capacity: 100, los: 20 days', 'capacity: -5, los: 20 days'), 'base.yaml').diagnostics.filter(
      (d) => d.severity === 'error',
    );
    expect(both).toHaveLength(1);
    expect(both[0].message).not.toMatch(/ in strategy/);
    // Two strategies whose params make the same problem at the same place: each is named.
    const twice = analyseScenario(
      BASE.replace('params.acute_beds: acute_beds + 20, units.p1.capacity: 120', 'params.acute_beds: -7').replace(
        'set: { params.crisis_rate: 1.5/year }',
        'set: { params.acute_beds: -5 }',
      ),
      'base.yaml',
    ).diagnostics.filter((d) => d.severity === 'error');
    expect(twice.map((d) => [d.path, d.message.replace(/^.* in strategy /, '')])).toEqual([
      ['units.acute.capacity', '`more-beds`'],
      ['units.acute.capacity', '`fixed-crisis`'],
    ]);
  });

  it('refuses strategy changes to keys that shape the whole run', () => {
    const a = analyseScenario(BASE.replace('set: { params.crisis_rate: 1.5/year }', 'set: { time.horizon: 50 days }'), 'base.yaml');
    expect(a.diagnostics.filter((d) => d.severity === 'error').map((d) => [d.code, d.path])).toEqual([['bad-set-path', 'time.horizon']]);
  });

  it('`extends` inherits a whole file; maps merge key by key and errors point into the right file', () => {
    const files: Record<string, string> = {
      'dir/base.yaml': BASE,
      'dir/child.yaml': 'caresim: 1\nextends: base.yaml\nname: Child\nunits:\n  p1: { capacity: 300 }\n',
      'dir/bad.yaml': 'caresim: 1\nextends: sub/broken.yaml\n',
      'dir/sub/broken.yaml': 'caresim: 1\nextends: ../base.yaml\nunits: { acute: { capacity: 2 days } }\n',
      'dir/loop.yaml': 'extends: loop.yaml\n',
    };
    const readFile = (p: string) => {
      if (!(p in files)) throw new Error('no such file');
      return files[p];
    };
    const c = loadScenarioText(files['dir/child.yaml'], 'dir/child.yaml', { readFile });
    expect(c.name).toBe('Child');
    expect(c.strategies[0].model.units[1].capacity).toBe(300);
    expect(c.strategies[0].model.units[1].queue).toBe(0);
    expect(c.strategies.map((s) => s.name)).toContain('more-beds');
    const b = analyseScenario(files['dir/bad.yaml'], 'dir/bad.yaml', { readFile });
    expect(b.diagnostics.map((d) => [d.code, d.file, d.line])).toEqual([['wrong-dimension', 'dir/sub/broken.yaml', 3]]);
    const l = analyseScenario(files['dir/loop.yaml'], 'dir/loop.yaml', { readFile });
    expect(l.diagnostics.map((d) => d.code)).toContain('extends-cycle');
    const m = analyseScenario('extends: nowhere.yaml\n', 'dir/x.yaml', { readFile });
    expect(m.diagnostics.map((d) => d.code)).toContain('file-unreadable');
  });

  it('`extends` with `strategies: {}` and `sweep: {}` drops the inherited strategies and sweep', () => {
    const files: Record<string, string> = {
      'base.yaml': BASE,
      'none.yaml': 'caresim: 1\nextends: base.yaml\nstrategies: {}\nsweep: {}\n',
      'one.yaml': 'caresim: 1\nextends: base.yaml\nsweep: {}\nstrategies:\n  more-beds: { set: { params.acute_beds: 230 } }\n',
    };
    const readFile = (p: string) => files[p];
    expect(loadScenarioText(files['none.yaml'], 'none.yaml', { readFile }).strategies.map((s) => s.name)).toEqual(['baseline']);
    const one = loadScenarioText(files['one.yaml'], 'one.yaml', { readFile });
    expect(one.strategies.map((s) => s.name)).toEqual(['baseline', 'more-beds', 'fixed-crisis']);
    expect(one.strategies[1].model.units[0].capacity).toBe(230);
    expect(one.sweep).toBeUndefined();
  });

  it('`replications: auto` and `assumptions` are passed through', () => {
    const s = load(
      BASE.replace(
        'replications: 20',
        'replications: auto\nmax_replications: 300\nassumptions: [LOS from 2022 data, Growth is an assumption]',
      ),
    );
    expect(s.replications).toBe('auto');
    expect(s.maxReplications).toBe(300);
    expect(s.assumptions).toEqual(['LOS from 2022 data', 'Growth is an assumption']);
  });
});
