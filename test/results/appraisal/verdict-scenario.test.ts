import { describe, it, expect } from 'vitest';
import { runText } from './run-text.js';

/** An ED and 44 acute beds for 40 beds of work; strategies whose verdicts are known by construction. */
const TEXT = `caresim: 1
time: { horizon: 120 days, warmup: 30 days }
seed: 5
params: { acute_beds: 44 }
arrivals: { a: { rate: 20/day, to: ed } }
units:
  ed:    { kind: front, service: 2 hours, next: { acute: 50%, home: rest } }
  acute: { kind: beds, capacity: acute_beds, los: exponential(4 days), cost_place: 300/day }
strategies:
  same:       { set: { params.acute_beds: acute_beds } }
  dearer:     { set: { units.acute.cost_place: 330/day } }
  cheaper:    { set: { units.acute.cost_place: 270/day } }
  more-beds:  { set: { params.acute_beds: acute_beds + 10 } }
  fewer-beds: { set: { params.acute_beds: acute_beds - 3 } }
`;

describe('verdicts via summarise(strategies, meta) on a small ED and acute system', () => {
  const r = runText(TEXT, 8);
  const v = (s: string) => r.strategies[s].verdict!;

  it('summarise: the same system is no clear difference; the same flow dearer is worse, cheaper is better', () => {
    expect(v('same')).toEqual({ verdict: 'no clear difference', better: [], worse: [] });
    expect(v('dearer')).toEqual({ verdict: 'worse', better: [], worse: ['recurrent_cost_per_year'] });
    expect(v('cheaper')).toEqual({ verdict: 'better', better: ['recurrent_cost_per_year'], worse: [] });
  });

  it('summarise: ten more beds cut waits for a bed at a cost (trade-off); three fewer crowd the ED: the money saved does not count, so worse', () => {
    expect(v('more-beds').verdict).toBe('trade-off');
    expect(v('more-beds').better).toEqual(expect.arrayContaining(['acute_waiting_mean', 'waits_12h_per_day']));
    expect(v('more-beds').worse).toEqual(['recurrent_cost_per_year']);
    expect(v('fewer-beds').verdict).toBe('worse');
    expect(v('fewer-beds').worse).toEqual(expect.arrayContaining(['acute_waiting_mean', 'waits_12h_per_day']));
    expect(v('fewer-beds').better).toEqual([]);
    expect(v('fewer-beds').discounted).toContain('recurrent_cost_per_year');
    expect(r.differences['fewer-beds'].recurrent_cost_per_year!.ci95[1]).toBeLessThan(0);
  });

  it('summarise counts the comparisons behind the verdicts and the clear differences chance alone would give', () => {
    const c = r.comparisons!;
    expect(c.adjust).toBe('none');
    // Eight verdict KPIs the model answers (all but UCR) for five strategies.
    expect(c.count).toBe(5 * 8);
    expect(c.expected_by_chance).toBeCloseTo(0.05 * c.count, 12);
    expect(c.clear).toBeGreaterThanOrEqual(2 + 2 + 3);
  });
});
