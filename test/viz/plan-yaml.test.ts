import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../scenarios/browser.js';
import { planYaml, strategyName } from '../../viz/plan-yaml.js';
import { leverSliders, overridesFor } from '../../viz/sliders.js';

const text = `caresim: 1
time: { horizon: 30 days }
seed: 4
params:
  places: 10
  factor: 1
arrivals:
  a: { rate: 8/day, to: beds }
units:
  beds: { kind: beds, capacity: places, los: exponential(1 day * factor), next: home }
levers:
  params.places: { from: 5, to: 20, step: 1 }
  params.factor: { from: 0.5, to: 1.5, step: 0.05 }
strategies:
  bigger: { set: { params.places: 12 } }
`;

/** The scenario with a saved block pasted at the end of its `strategies:`. */
const pasted = (yaml: string) => text + yaml;

describe('planYaml(name, description, overrides)', () => {
  it('planYaml writes a strategy block that, pasted under strategies:, compiles to the model the viewer ran', () => {
    const s = loadScenarioText(text, 's.yaml');
    const defs = leverSliders(s.levers!);
    const o = overridesFor(defs, { 'lever-places': 14, 'lever-factor': 0.75 });
    const block = planYaml('Winter plan', 'More beds, "faster" stays', o);
    expect(block.yaml).toBe(
      [
        '  winter-plan:',
        '    description: "More beds, \\"faster\\" stays"',
        '    set:',
        '      params.places: 14',
        '      params.factor: 0.75',
        '',
      ].join('\n'),
    );
    expect(block.leftOut).toEqual([]);
    const withPlan = loadScenarioText(pasted(block.yaml), 's.yaml');
    const st = withPlan.strategies.find((x) => x.name === 'winter-plan')!;
    expect(st.description).toBe('More beds, "faster" stays');
    const viewer = loadScenarioText(text, 's.yaml', { set: o.set }).strategies[0];
    expect(st.model).toEqual(viewer.model);
  });

  it('planYaml names what a scenario cannot say (a cut in crisis rates, a shifted schedule) instead of writing it', () => {
    const block = planYaml('', '', { set: ['units.p1.capacity=70'], shifts: { acute: 40 }, crisisFactor: 0.8, changes: {} });
    expect(block.yaml).toContain('  my-plan:\n    description: "Saved from the live viewer"\n    set:\n      units.p1.capacity: 70\n');
    expect(block.leftOut).toEqual(['units.acute.capacity: +40 on every step of its schedule', 'crisis rates 20% lower']);
  });

  it('strategyName(text) makes a name the scenario accepts, never `baseline`', () => {
    expect(strategyName('  Winter Plan 2!')).toBe('winter-plan-2');
    expect(strategyName('2nd go')).toBe('nd-go');
    expect(strategyName('baseline')).toBe('my-plan');
    expect(strategyName('***')).toBe('my-plan');
  });
});
