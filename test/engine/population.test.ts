import { describe, it, expect } from 'vitest';
import { buildModel, exponential, simulate, DAY, HOUR, YEAR } from '../../engine/index.js';
import type { Model } from '../../engine/index.js';
import { expectInCi } from '../validation/stats.js';
import { flowBalanceGap } from '../population-flows.js';

/** Two cohorts with crises, deaths, a move from well to frail, growth, and deaths in the pathway. */
function populationModel(season: Model['season'] = null): Model {
  const base = buildModel({
    horizon: 200 * DAY,
    warmup: 10 * DAY,
    cohorts: ['well', 'frail'],
    units: {
      ed: { kind: 'front', role: 'ed', service: exponential(4 * HOUR), next: { acute: 0.3, home: 0.7 } },
      acute: { role: 'acute', capacity: 30, service: exponential(6 * DAY), next: { home: 0.85, death: 0.15 } },
    },
    sources: {},
  });
  const route = { dest: [0], cum: [1] };
  const source = (name: string, cohort: number) => ({
    name,
    rate: 0,
    profile: null,
    seasonal: season !== null,
    cohort,
    cohortMix: [1, 1],
    to: [route, route],
  });
  return {
    ...base,
    cohorts: [
      { name: 'well', people: 200_000, crisis: 0.02 / YEAR, death: 0.01 / YEAR, becomes: [{ to: 1, rate: 0.03 / YEAR }] },
      { name: 'frail', people: 8_000, crisis: 1.5 / YEAR, death: 0.12 / YEAR, becomes: [] },
    ],
    population: { growth: 0.01 / YEAR },
    season,
    sources: [source('well crises', 0), source('frail crises', 1)],
  };
}

describe('simulate(model, opts) with a population', () => {
  const model = populationModel();
  const runs = Array.from({ length: 8 }, (_, r) => simulate(model, { seed: 11, replication: r }));

  it('balances every cohort: end = start + growth - deaths - pathway_deaths + moved_in - moved_out', () => {
    for (const r of runs) {
      for (const [name, c] of Object.entries(r.population!)) {
        const f = c.flows;
        expect(Math.abs(flowBalanceGap(f)), name).toBeLessThanOrEqual(1e-6 * f.end);
        expect(f.growth).toBeGreaterThan(0);
        expect(f.deaths).toBeGreaterThan(0);
      }
      const { well, frail } = r.population!;
      expect(frail.flows.moved_in).toBeCloseTo(well.flows.moved_out, 9);
      expect(frail.flows.pathway_deaths).toBeGreaterThan(0);
      // Every pathway death left by the 'death' exit (warm-up deaths are in the flows only).
      expect(well.flows.pathway_deaths + frail.flows.pathway_deaths).toBeGreaterThanOrEqual(r.exits.death);
    }
  });

  it('has crises per cohort matching the integral of people x crisis rate (rates are fixed within a day)', () => {
    for (const [c, co] of model.cohorts.entries()) {
      const diffs = runs.map((r) => {
        const out = r.population![co.name];
        let expected = 0;
        for (let d = 10; d < 210; d++) expected += out.people[d] * co.crisis * DAY;
        return (out.crises - expected) / Math.sqrt(expected);
      });
      // Poisson given the people path: standardised differences have mean 0.
      expectInCi(`crises of ${co.name} (cohort ${c})`, diffs, 0);
    }
  });

  it('adds cohort outcomes up to the unit and system statistics', () => {
    for (const r of runs) {
      const cs = Object.values(r.population!),
        T = r.horizonDays;
      const close = (a: number, b: number) => expect(Math.abs(a - b)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(b)));
      // Measured whole days: people_mean is the mean of the day-start counts of days 10..209.
      for (const c of cs) close(c.people_mean, c.people.slice(10, 210).reduce((a, b) => a + b, 0) / 200);
      // Bed-days of all cohorts = place-days used in 'beds' units (acute is the only one).
      close(
        cs.reduce((a, c) => a + c.bed_days, 0),
        r.units.acute.occupancy_mean * T,
      );
      close(
        cs.reduce((a, c) => a + c.admissions, 0),
        r.units.acute.admitted_per_day * T,
      );
      // Days not at home, over all cohorts = patient-days in the system.
      const inSystem = cs.reduce((a, c) => a + c.people_mean * T * (1 - c.days_at_home_per_person_year / 365), 0);
      close(inSystem, r.kpis.in_system_mean * T);
    }
  });

  it('sends every crisis to the first unit and counts people-days', () => {
    for (const r of runs) {
      const crises = r.population!.well.crises + r.population!.frail.crises;
      expect(r.units.ed.arrivals_per_day * 200).toBeCloseTo(crises, 6);
      const frail = r.population!.frail;
      expect(frail.people_mean).toBeGreaterThan(Math.min(...frail.people.slice(10)) - 1e-9);
      expect(frail.people_mean).toBeLessThan(Math.max(...frail.people.slice(10)) + 1e-9);
    }
  });

  it('with seasonality: crises match the integral of people x crisis rate x season factor', () => {
    const A = 0.4,
      peak = 60 * DAY;
    const seasonal = populationModel({ amplitude: A, peak });
    const integral = (t1: number, t2: number) =>
      t2 -
      t1 +
      ((A * YEAR) / (2 * Math.PI)) * (Math.sin((2 * Math.PI * (t2 - peak)) / YEAR) - Math.sin((2 * Math.PI * (t1 - peak)) / YEAR));
    const diffs = Array.from({ length: 8 }, (_, r) => {
      const out = simulate(seasonal, { seed: 12, replication: r }).population!.frail;
      let expected = 0;
      for (let d = 10; d < 210; d++) expected += out.people[d] * seasonal.cohorts[1].crisis * integral(d * DAY, (d + 1) * DAY);
      return (out.crises - expected) / Math.sqrt(expected);
    });
    expectInCi('seasonal crises of frail', diffs, 0);
    // Not a flat rate: the season moves the count by far more than its Poisson noise.
    const flat = simulate(populationModel(), { seed: 12, replication: 0 }).population!.frail.crises;
    const peaked = simulate(seasonal, { seed: 12, replication: 0 }).population!.frail.crises;
    expect(Math.abs(peaked - flat)).toBeGreaterThan(4 * Math.sqrt(flat));
  });
});
