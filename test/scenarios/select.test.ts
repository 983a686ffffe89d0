import { describe, it, expect } from 'vitest';
import { loadScenarioText, selectStrategies } from '../../scenarios/index.js';

const TEXT = `caresim: 1
time: { horizon: 10 days }
arrivals: { a: { rate: 1/day, to: w } }
units:
  w: { kind: beds, capacity: 5, los: 1 day }
strategies:
  more: { set: { units.w.capacity: 6 } }
  less: { set: { units.w.capacity: 4 } }
sweep: { units.w.los: [1 day, 2 days] }
`;

describe('selectStrategies(scenario, names)', () => {
  const sc = loadScenarioText(TEXT, 's.yaml');

  it('keeps the baseline and the named strategies and sweep points, in file order', () => {
    const { scenario, unknown } = selectStrategies(sc, ['units.w.los=2 days', 'less']);
    expect(unknown).toEqual([]);
    expect(scenario.strategies.map((s) => s.name)).toEqual(['baseline', 'less', 'units.w.los=2 days']);
    expect(scenario.sweep!.points.map((p) => p.strategy)).toEqual(['units.w.los=2 days']);
    expect(selectStrategies(sc, ['more']).scenario.sweep).toBeUndefined();
    expect(sc.strategies).toHaveLength(5);
  });

  it('keeps only the check warnings about the baseline and the strategies kept', () => {
    const sc2 = loadScenarioText(
      TEXT.replace('less: { set: { units.w.capacity: 4 } }', 'less: { set: { units.w.capacity: 1 } }'),
      's.yaml',
    );
    expect(sc2.warnings.map((w) => w.code)).toEqual(['unstable']);
    expect(selectStrategies(sc2, ['less']).scenario.warnings).toHaveLength(1);
    expect(selectStrategies(sc2, ['more']).scenario.warnings).toEqual([]);
  });

  it('names each unknown strategy with did you mean', () => {
    expect(selectStrategies(sc, ['mroe', 'zzz']).unknown).toEqual([
      'no strategy `mroe`; did you mean `more`? (strategies: more, less, units.w.los=1 day, units.w.los=2 days)',
      'no strategy `zzz` (strategies: more, less, units.w.los=1 day, units.w.los=2 days)',
    ]);
  });
});
