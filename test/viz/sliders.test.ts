import { describe, expect, it } from 'vitest';
import { buildModel, DAY, exponential } from '../../engine/index.js';
import { applyOverrides, leverSliders, overridesFor, reduceCrises, shiftCapacity, slidersFor, CRISIS_SLIDER } from '../../viz/sliders.js';

const model = buildModel({
  horizon: 10 * DAY,
  units: {
    ed: { kind: 'front', role: 'ed', service: exponential(60), next: { beds: 1 } },
    beds: { kind: 'beds', role: 'acute', capacity: 400, service: exponential(DAY), next: { hc: 0.5, home: 0.5 } },
    hc: { kind: 'homecare', role: 'p1', capacity: 120, service: exponential(DAY) },
  },
  sources: { walk: { rate: 1 / 60, to: 'ed' } },
});

describe('slidersFor(model)', () => {
  it('offers the finite capacities of the roles present, around the scenario value, and crisis reduction', () => {
    const s = slidersFor(model);
    expect(s.map((d) => d.id)).toEqual(['acute', 'p1', CRISIS_SLIDER]);
    const acute = s[0];
    expect([acute.unit, acute.scheduled]).toEqual(['beds', false]);
    expect(acute.value).toBe(400);
    expect(acute.min).toBeLessThan(400);
    expect(acute.max).toBeGreaterThan(400);
    expect(s[2].value).toBe(0);
  });
  it('puts the scenario value on the step grid of the range, so an untouched slider reads it back', () => {
    for (const capacity of [7, 95, 2210, 2150, 12345]) {
      const m = { ...model, units: model.units.map((u) => (u.role === 'acute' ? { ...u, capacity } : u)) };
      const d = slidersFor(m)[0];
      expect((d.value - d.min) % d.step).toBe(0);
      expect(d.min).toBeGreaterThanOrEqual(0);
      expect(d.max).toBeGreaterThan(d.value);
    }
  });
});

describe('overridesFor(defs, values)', () => {
  const defs = slidersFor(model);
  it('turns moved sliders into --set strings and leaves unmoved ones out', () => {
    const o = overridesFor(defs, { acute: 450, p1: 120, crisis: 20 });
    expect(o.set).toEqual(['units.beds.capacity=450']);
    expect(o.crisisFactor).toBeCloseTo(0.8, 12);
    expect(o.changes).toEqual({ 'units.beds.capacity': '450', 'crisis rates': '20% lower' });
  });
  it('clamps values to the slider range', () => {
    expect(overridesFor(defs, { acute: 1e9 }).set).toEqual([`units.beds.capacity=${defs[0].max}`]);
  });
});

describe('overridesFor(defs, values) on a scheduled capacity, then applyOverrides(model, o)', () => {
  const winter = {
    ...model,
    units: model.units.map((u) =>
      u.role === 'acute' ? { ...u, capacity: 400, schedule: { at: [0, 30 * DAY, 60 * DAY], cap: [400, 440, 400] } } : u,
    ),
  };
  it('shifts every step of the schedule instead of flattening it', () => {
    const defs = slidersFor(winter);
    expect([defs[0].value, defs[0].scheduled]).toEqual([400, true]);
    const o = overridesFor(defs, { acute: 430 });
    expect(o.set).toEqual([]);
    expect(o.shifts).toEqual({ beds: 30 });
    const m = applyOverrides(winter, o);
    expect(m.units[1].schedule!.cap).toEqual([430, 470, 430]);
    expect(m.units[1].schedule!.at).toEqual(winter.units[1].schedule!.at);
    expect(winter.units[1].schedule!.cap).toEqual([400, 440, 400]);
  });
  it('never shifts a capacity below zero', () => {
    expect(shiftCapacity(winter, 'beds', -420).units[1].schedule!.cap).toEqual([0, 20, 0]);
  });
});

describe('reduceCrises(model, factor)', () => {
  it('scales arrival rates of a model without a population, leaving the input untouched', () => {
    const m = reduceCrises(model, 0.75);
    expect(m.sources[0].rate).toBeCloseTo(model.sources[0].rate * 0.75, 15);
    expect(model.sources[0].rate).toBeCloseTo(1 / 60, 15);
  });
  it('scales cohort crisis rates when the model has a population', () => {
    const pop = {
      ...model,
      cohorts: [{ name: 'frail', people: 1000, crisis: 1e-5, death: 0, becomes: [] }],
      sources: [{ ...model.sources[0], cohort: 0 }],
    };
    const m = reduceCrises(pop, 0.5);
    expect(m.cohorts[0].crisis).toBeCloseTo(5e-6, 18);
    expect(m.sources[0].rate).toBe(pop.sources[0].rate);
  });
});

describe('leverSliders(levers)', () => {
  const levers = [
    { path: 'params.factor', label: 'Hand-off delays', from: 0.25, to: 1.5, step: 0.05, value: 1 },
    { path: 'params.beds', label: 'Beds', from: 10, to: 50, step: 5, value: 23 },
  ];
  it('leverSliders anchors each slider on the scenario value, within the lever range, with the lever label', () => {
    const [f, b] = leverSliders(levers);
    expect(f).toMatchObject({
      id: 'lever-factor',
      label: 'Hand-off delays',
      path: 'params.factor',
      min: 0.25,
      max: 1.5,
      value: 1,
      unit: null,
    });
    // 23 is not on the 10, 15, ... grid: the slider's steps count from 13 so that 23 is one of them.
    expect(b).toMatchObject({ min: 13, max: 48, step: 5, value: 23 });
  });
  it('leverSliders widens the range to take a value outside it (a scenario --set beyond the lever)', () => {
    const [d] = leverSliders([{ ...levers[1], value: 60 }]);
    expect([d.min, d.max]).toEqual([10, 60]);
  });
  it('overridesFor(levers) writes each moved lever as a set line on its grid (no 0.30000000000000004), leaving untouched ones out', () => {
    const defs = leverSliders(levers);
    const o = overridesFor(defs, { 'lever-factor': 0.25 + 0.05 + 0.05 + 0.05 + 0.05 + 0.05 + 0.05 - 0.05, 'lever-beds': 23 });
    expect(o.set).toEqual(['params.factor=0.5']);
    expect(o.changes).toEqual({ 'params.factor': '0.5' });
    expect([o.crisisFactor, o.shifts]).toEqual([1, {}]);
  });
});
