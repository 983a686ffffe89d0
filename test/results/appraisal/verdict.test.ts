import { describe, it, expect } from 'vitest';
import { verdictOf, clearDirection } from '../../../results/appraisal/verdict.js';

describe('clearDirection(kpi, interval)', () => {
  it("clearDirection reads each KPI's direction: lower 12-hour waits and higher UCR share are better; an interval with zero is not clear", () => {
    expect(clearDirection('waits_12h_per_day', [-3, -1])).toBe('better');
    expect(clearDirection('waits_12h_per_day', [1, 3])).toBe('worse');
    expect(clearDirection('ucr_within_2h', [0.01, 0.03])).toBe('better');
    expect(clearDirection('ucr_within_2h', [-0.01, 0.03])).toBeNull();
    expect(clearDirection('p1_utilisation', [0.1, 0.2])).toBeNull();
    expect(clearDirection('waits_12h_per_day', [null, null])).toBeNull();
  });
});

describe('verdictOf(intervals)', () => {
  it('verdictOf(intervals, turnedAway): a saving while a unit turns away more of its patients is discounted, not better', () => {
    const cut = { recurrent_cost_per_year: [-90000, -70000] as const, acute_occupancy: [-0.001, 0.001] as const };
    expect(verdictOf(cut).verdict).toBe('better');
    const v = verdictOf(cut, ['units.ward.lost_fraction']);
    expect(v.verdict).toBe('no clear difference');
    expect(v.discounted).toEqual(['recurrent_cost_per_year']);
  });

  it('verdictOf: better, worse, trade-off (listing which) and no clear difference', () => {
    expect(verdictOf({ waits_12h_per_day: [-3, -1], recurrent_cost_per_year: [-10, 10] })).toEqual({
      verdict: 'better',
      better: ['waits_12h_per_day'],
      worse: [],
    });
    expect(verdictOf({ waits_12h_per_day: [-1, 1], recurrent_cost_per_year: [5, 10] })).toEqual({
      verdict: 'worse',
      better: [],
      worse: ['recurrent_cost_per_year'],
    });
    expect(verdictOf({ acute_waiting_mean: [-5, -2], recurrent_cost_per_year: [5, 10] })).toEqual({
      verdict: 'trade-off',
      better: ['acute_waiting_mean'],
      worse: ['recurrent_cost_per_year'],
    });
    expect(verdictOf({ acute_waiting_mean: [-5, 2], recurrent_cost_per_year: [0, 0] })).toEqual({
      verdict: 'no clear difference',
      better: [],
      worse: [],
    });
  });

  it('verdictOf: fewer admissions while patients wait longer for a bed never make a strategy better', () => {
    const v = verdictOf({
      admissions_per_day: [-4, -3],
      waits_12h_per_day: [50, 60],
      acute_waiting_mean: [-1, 1],
      recurrent_cost_per_year: [-1, 1],
    });
    expect(v).toEqual({ verdict: 'worse', better: [], worse: ['waits_12h_per_day'], discounted: ['admissions_per_day'] });
    // Without the crowding the same fall in admissions counts.
    expect(verdictOf({ admissions_per_day: [-4, -3], waits_12h_per_day: [-1, 1] }).verdict).toBe('better');
  });

  it('verdictOf: money saved while patients wait longer on average (not yet clearly) is not counted: never better on savings alone', () => {
    const v = verdictOf({ recurrent_cost_per_year: [-2e6, -1e6], waits_12h_per_day: [-10, 200], acute_waiting_mean: [-100, 900] });
    expect(v).toEqual({ verdict: 'no clear difference', better: [], worse: [], discounted: ['recurrent_cost_per_year'] });
    // The same saving with crowding unchanged counts.
    expect(verdictOf({ recurrent_cost_per_year: [-2e6, -1e6], waits_12h_per_day: [0, 0] }).verdict).toBe('better');
  });

  it('verdictOf ignores KPIs outside the verdict set (e.g. utilisation) and KPIs the model lacks', () => {
    expect(verdictOf({ p1_utilisation: [0.1, 0.2], journeys: [5, 6] }).verdict).toBe('no clear difference');
  });
});
