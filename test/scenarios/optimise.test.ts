import { describe, it, expect } from 'vitest';
import { analyseScenario } from '../../scenarios/index.js';

const base = (section: string) => `caresim: 1
time: { horizon: 30 days }
params:
  places: 10
arrivals:
  a: { rate: 8/day, to: beds }
units:
  beds: { kind: beds, capacity: places, los: exponential(1 day), next: home }
  ucr: { kind: team, capacity: 4, service: 1 hour, target: 2 hours, next: home }
optimise:
${section}`;

function errors(section: string) {
  return analyseScenario(base(section), 's.yaml').diagnostics.filter((d) => d.severity === 'error');
}

describe('compileOptimise(root, env, diags) through analyseScenario', () => {
  it('analyseScenario reads a good section: decisions, objective expression, targets and confidence', () => {
    const a = analyseScenario(
      base(`  decide: { params.places: { from: 5, to: 20, step: 1 } }
  minimise: 250 * params.places + units.beds.cost_per_day
  subject_to: [units.beds.p_wait <= 20%, units.ucr.within_target >= 0.7]
  confidence: 90%`),
      's.yaml',
    );
    expect(a.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const spec = a.loaded!.optimise!.spec;
    expect(spec.decide).toEqual([{ path: 'params.places', from: 5, step: 1, count: 16 }]);
    expect(spec.confidence).toBeCloseTo(0.9, 12);
    expect(spec.constraints.map((c) => [c.name, c.op, c.target])).toEqual([
      ['units.beds.p_wait', '<=', 0.2],
      ['units.ucr.within_target', '>=', 0.7],
    ]);
    expect(spec.objective.refs).toEqual([
      { kind: 'decision', index: 0 },
      { kind: 'unit', unit: 'beds', metric: 'cost_per_day' },
    ]);
    expect(spec.objective.value([12, 100])).toBe(3100);
    // A candidate is the scenario with the decision set.
    const st = a.loaded!.optimise!.candidate({ 'params.places': 13 }, 'p13');
    expect(st.model.units.find((u) => u.name === 'beds')!.capacity).toBe(13);
  });

  it('analyseScenario reports every bad piece at once, located, with did-you-mean', () => {
    const text = `  decide:
    params.plces: { from: 5, to: 20, step: 1 }
    units.beds.capacity: { from: 20, to: 5, step: 1 }
    units.ucr.capacity: { from: 1, to: 5, step: 0 }
  minimise: cost_per_dya
  subject_to:
    - units.bed.p_wait <= 0.2
    - units.beds.p_wiat <= 0.2
    - delayed_bed_days_per_day < 150
    - acute_occupancy
  confidence: 120%`;
    const errs = errors(text);
    const at = (code: string, line: number) => errs.find((e) => e.code === code && e.line === line);
    expect(at('unknown-set-path', 12)?.hint).toBe('did you mean `places`?');
    expect(at('empty-range', 13)?.path).toBe('optimise.decide.units.beds.capacity.to');
    expect(at('bad-range', 14)?.path).toBe('optimise.decide.units.ucr.capacity.step');
    expect(at('unknown-name', 15)?.hint).toBe('did you mean `cost_per_day`?');
    expect(at('unknown-name', 17)?.hint).toBe('did you mean `beds`?');
    expect(at('unknown-name', 18)?.hint).toBe('did you mean `p_wait`?');
    const op = at('bad-operator', 19)!;
    expect(op.hint).toContain('`<=`');
    expect(op.col).toBe(7 + 'delayed_bed_days_per_day '.length);
    expect(at('bad-constraint', 20)).toBeDefined();
    expect(errs.every((e) => e.file === 's.yaml')).toBe(true);
  });

  it('reads ≤ and ≥ as comparisons and says which target to write instead', () => {
    const errs = errors(`  decide: { params.places: { from: 5, to: 20, step: 1 } }
  minimise: cost_per_day
  subject_to: [delayed_bed_days_per_day ≤ 150, units.beds.p_wait ≥ 0.1]`);
    const ops = errs.filter((e) => e.code === 'bad-operator');
    expect(ops.map((e) => e.message)).toEqual(['`≤` cannot state a target', '`≥` cannot state a target']);
    expect(ops.map((e) => e.hint?.slice(0, 12))).toEqual(['write `<=`: ', 'write `>=`: ']);
    expect(errs.some((e) => e.code === 'bad-constraint')).toBe(false);
  });

  it('analyseScenario rejects unknown keys of the section, both minimise and maximise, and a decision as a target', () => {
    const errs = errors(`  decide: { params.places: { from: 1, to: 3, step: 1, stpe: 2 } }
  minimise: params.places
  maximise: params.places
  subject_to: [params.places <= 2]
  budjet: 5`);
    expect(errs.map((e) => e.code).sort(), JSON.stringify(errs)).toEqual([
      'bad-constraint',
      'conflicting-keys',
      'unknown-key',
      'unknown-key',
    ]);
    expect(errs.find((e) => e.path === 'optimise.budjet')).toBeDefined();
  });

  it('analyseScenario leaves scenarios without the section as they were (no optimise)', () => {
    const a = analyseScenario(base('').replace(/optimise:\n$/, ''), 's.yaml');
    expect(a.loaded!.optimise).toBeUndefined();
  });
});

describe('the default ICS optimise example', () => {
  it('analyseScenarioFile(ics-default.yaml) ships an optimise section: 2 decision variables, 2 targets, a 357-plan grid', async () => {
    const { analyseScenarioFile } = await import('../../scenarios/index.js');
    const { gridSize } = await import('../../scenarios/optimise-spec.js');
    const { fileURLToPath } = await import('node:url');
    const a = analyseScenarioFile(fileURLToPath(new URL('../../scenarios/library/ics-default.yaml', import.meta.url)));
    const spec = a.loaded!.optimise!.spec;
    expect(spec.decide.map((d) => d.path)).toEqual(['params.p1_packages', 'params.p2_beds']);
    expect(spec.constraints.map((c) => c.name)).toEqual(['delayed_bed_days_per_day', 'acute_occupancy']);
    expect(gridSize(spec.decide)).toBe(17 * 21);
  });
});
