import { describe, it, expect } from 'vitest';
import { loadScenarioText } from '../../scenarios/index.js';

const TEXT = `caresim: 1
time: { horizon: 30 days }
params: { acute_beds: 40, stay: 5 days }
arrivals: { a: { rate: 4/day, to: acute } }
units:
  acute: { kind: beds, capacity: acute_beds, los: stay, next: p2 }
  p2:    { kind: beds, capacity: 10, los: 10 days, queue: none }
strategies:
  close-3:
    set: { params.acute_beds: acute_beds - 3, units.p2.capacity: 10 + 4, params.stay: stay * 0.9 }
sweep: { units.p2.capacity: [12, 14] }
`;

describe('strategyChanges via loadScenarioText(text, file)', () => {
  it('loadScenarioText lists every change of a strategy from -> to, relative expressions evaluated against the baseline', () => {
    const s = loadScenarioText(TEXT, 'c.yaml').strategies.find((x) => x.name === 'close-3')!;
    expect(s.changes).toEqual([
      { path: 'params.acute_beds', from: '40', to: '37' },
      { path: 'units.p2.capacity', from: '10', to: '14' },
      { path: 'params.stay', from: '5 days', to: '4.5 days' },
    ]);
    expect(s.model.units[0].capacity).toBe(37);
  });

  it('loadScenarioText: after the baseline is edited, "close 3 beds" still closes 3 (--set on the baseline)', () => {
    const s = loadScenarioText(TEXT, 'c.yaml', { set: ['params.acute_beds=100'] }).strategies.find((x) => x.name === 'close-3')!;
    expect(s.changes![0]).toEqual({ path: 'params.acute_beds', from: '100', to: '97' });
  });

  it('loadScenarioText gives sweep points their changes too; the baseline has none', () => {
    const sc = loadScenarioText(TEXT, 'c.yaml');
    expect(sc.strategies[0].changes).toBeUndefined();
    expect(sc.strategies.find((x) => x.name === 'units.p2.capacity=12')!.changes).toEqual([
      { path: 'units.p2.capacity', from: '10', to: '12' },
    ]);
  });

  it('loadScenarioText shows a rate per the time the baseline wrote it per: an hourly price per hour, a yearly rate per year', () => {
    const text = TEXT.replace(
      'params: { acute_beds: 40, stay: 5 days }',
      'params: { acute_beds: 40, stay: 5 days, rate: 21.43/hour, crisis: 0.3/year, flow: 4/day }',
    ).replace(
      '    set: { params.acute_beds: acute_beds - 3, units.p2.capacity: 10 + 4, params.stay: stay * 0.9 }',
      '    set: { params.rate: rate * 1.1, params.crisis: crisis * 0.85, params.flow: flow + 1/day }',
    );
    expect(loadScenarioText(text, 'c.yaml').strategies.find((x) => x.name === 'close-3')!.changes).toEqual([
      { path: 'params.rate', from: '21.43/hour', to: '23.573/hour' },
      { path: 'params.crisis', from: '0.3/year', to: '0.255/year' },
      { path: 'params.flow', from: '4/day', to: '5/day' },
    ]);
  });
});
