import { describe, it, expect } from 'vitest';
import { DAY } from '../../engine/index.js';
import { ICS, load, runStrategy } from './run.js';
import { flowBalanceGap } from '../population-flows.js';

/**
 * The population of the default ICS: people are counts per cohort, changed daily by deaths,
 * moves between cohorts and growth, and one at a time by deaths in the pathway. 13 measured
 * weeks without seasonality, so the weekly arrival profile averages to exactly 1.
 */
describe('ics-default.yaml population (flows per cohort)', () => {
  const sc = load(ICS, ['time.horizon=91 days', 'population.seasonality.amplitude=0%']);
  const runs = runStrategy(sc, 'baseline', 4);

  it('conserves people: end = start + growth - deaths - pathway_deaths + moved_in - moved_out', () => {
    for (const r of runs) {
      for (const [name, c] of Object.entries(r.population!)) {
        const f = c.flows;
        expect(Math.abs(flowBalanceGap(f)), name).toBeLessThanOrEqual(1e-9 * f.start);
        expect(c.people[0], name).toBe(f.start);
      }
    }
  });

  it('moves people between cohorts without losing any, and loses people in the pathway only by death', () => {
    for (const r of runs) {
      const cs = Object.values(r.population!);
      const movedIn = cs.reduce((a, c) => a + c.flows.moved_in, 0),
        movedOut = cs.reduce((a, c) => a + c.flows.moved_out, 0);
      expect(movedIn).toBeCloseTo(movedOut, 6);
      expect(r.population!.well.flows.moved_in).toBe(0);
      // Pathway deaths are whole people; the measured 'death' exits are a part of them.
      const pathway = cs.reduce((a, c) => a + c.flows.pathway_deaths, 0);
      expect(Number.isInteger(pathway)).toBe(true);
      expect(pathway).toBeGreaterThanOrEqual(r.exits.death);
      expect(r.exits.death).toBeGreaterThan(0);
    }
  });

  it('has as many crises per cohort as people x crisis rate x time (Poisson, |z| < 4 pooled over replications)', () => {
    for (const cohort of sc.strategies[0].model.cohorts.map((c) => c.name)) {
      let observed = 0,
        expected = 0;
      for (const r of runs) {
        const m = sc.strategies[0].modelFor(sc.seed, r.replication);
        const c = m.cohorts.find((x) => x.name === cohort)!;
        const o = r.population![cohort];
        observed += o.crises;
        expected += c.crisis * DAY * o.people_mean * r.horizonDays;
      }
      const z = (observed - expected) / Math.sqrt(expected);
      expect(Math.abs(z), `${cohort}: ${observed} crises, expected ${expected.toFixed(0)}`).toBeLessThan(4);
    }
  });

  it('counts days away from home at least as large as bed-days, per person-year', () => {
    for (const r of runs) {
      for (const [name, c] of Object.entries(r.population!)) {
        const away = 365 - c.days_at_home_per_person_year;
        const bedDays = (c.bed_days / c.people_mean) * (365 / r.horizonDays);
        expect(bedDays, name).toBeGreaterThan(0);
        // Beds are some of the places away from home (home care, UCR and ED are the others).
        expect(away, name).toBeGreaterThanOrEqual(bedDays * (1 - 1e-9));
        expect(c.admissions, name).toBeGreaterThan(0);
      }
    }
  });
});
