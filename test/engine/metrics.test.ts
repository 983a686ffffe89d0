import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { loadScenario } from '../../scenarios/index.js';
import { simulate } from '../../engine/index.js';
import type { ReplicationResult } from '../../engine/index.js';
import { PAIRED_KPIS, SYSTEM_KPIS, TEAM_METRICS, UNIT_METRICS, type SystemKpiName, type UnitMetricName } from '../../engine/metrics.js';
import { summarise } from '../../results/summarise.js';
import { HEADLINE_KPIS } from '../../results/format.js';
import { KPI_INFO, UNIT_METRIC_INFO } from '../../results/kpi-info.js';

const LIB = join(__dirname, '../../scenarios/library');

function firstReplication(file: string): { rep: ReplicationResult; teams: Set<string>; strategy: string } {
  const sc = loadScenario(join(LIB, file), { set: ['time.horizon=30 days', 'time.warmup=5 days'] });
  const s = sc.strategies[0];
  const model = s.modelFor(sc.seed, 0);
  const teams = new Set(model.units.filter((u) => u.kind === 'team').map((u) => u.name));
  return { rep: simulate(model, { seed: sc.seed, replication: 0 }), teams, strategy: s.name };
}

// The example ICS has every role (acute, UCR team, ED, P1, P2) and a population: it gives every
// name but those of staff groups, which it has none of.
const ics = firstReplication('example-ics.yaml');
const ICS_KPIS = SYSTEM_KPIS.filter((k) => k !== 'staff_cost_per_day');

describe('UNIT_METRICS, TEAM_METRICS (engine/metrics.ts)', () => {
  it('are exactly the metrics a replication of example-ics.yaml gives each unit, in its order', () => {
    expect(ics.teams.size).toBeGreaterThan(0);
    for (const [name, metrics] of Object.entries(ics.rep.units)) {
      const want = ics.teams.has(name) ? [...UNIT_METRICS, ...TEAM_METRICS] : [...UNIT_METRICS];
      expect(Object.keys(metrics), name).toEqual(want);
    }
  });

  it('name every share the replication gives the counts of', () => {
    const names = new Set<string>([...UNIT_METRICS, ...TEAM_METRICS]);
    for (const shares of Object.values(ics.rep.fractions!.units)) {
      for (const k of Object.keys(shares)) expect(names.has(k), k).toBe(true);
    }
  });

  it('include every unit metric the terminal summary shows', () => {
    const names = new Set<string>([...UNIT_METRICS, ...TEAM_METRICS]);
    for (const k of Object.keys(UNIT_METRIC_INFO)) expect(names.has(k), k).toBe(true);
  });
});

describe('SYSTEM_KPIS (engine/metrics.ts)', () => {
  it('is exactly the KPIs a replication of example-ics.yaml gives, in its order', () => {
    expect(Object.keys(ics.rep.kpis)).toEqual(ICS_KPIS);
    for (const k of Object.keys(ics.rep.fractions!.kpis)) expect(SYSTEM_KPIS as readonly string[]).toContain(k);
  });

  it('leaves out, in order, what a model cannot answer: mm1.yaml (no acute, UCR, P1, P2 or population) gives the core KPIs and cost', () => {
    const { rep } = firstReplication('mm1.yaml');
    expect(Object.keys(rep.kpis)).toEqual(['journeys', 'journeys_per_day', 'time_in_system_mean', 'in_system_mean', 'cost_per_day']);
  });

  it('holds every headline KPI and every KPI with a label', () => {
    for (const k of HEADLINE_KPIS) expect(SYSTEM_KPIS).toContain(k);
    for (const k of Object.keys(KPI_INFO)) expect([...SYSTEM_KPIS, ...PAIRED_KPIS] as readonly string[]).toContain(k);
  });

  it('is the order of the results file the summary writes', () => {
    const results = summarise([{ name: ics.strategy, description: '', set: {}, reps: [ics.rep] }], {
      scenario: { name: 'x', hash: 'h', assumptions: [] },
      engineVersion: 'test',
      seed: 1,
      replications: 1,
      horizonDays: ics.rep.horizonDays,
      warmupDays: ics.rep.warmupDays,
      startDate: '2027-01-04',
    });
    const s = results.strategies[ics.strategy];
    expect(Object.keys(s.kpis)).toEqual(ICS_KPIS);
    expect(Object.keys(s.units.acute)).toEqual([...UNIT_METRICS]);
    expect(Object.keys(s.units.ucr)).toEqual([...UNIT_METRICS, ...TEAM_METRICS]);
  });

  it('UnitMetricName and SystemKpiName reject a misspelt name (checked by npm run typecheck)', () => {
    // @ts-expect-error: misspelt on purpose; tsc fails if this ever compiles.
    const unit: UnitMetricName = 'ocupancy_mean';
    // @ts-expect-error: misspelt on purpose; tsc fails if this ever compiles.
    const kpi: SystemKpiName = 'delayed_bed_day_per_day';
    // At run time the names are only strings: the lists are what reject them.
    expect(UNIT_METRICS as readonly string[]).not.toContain(unit);
    expect(SYSTEM_KPIS as readonly string[]).not.toContain(kpi);
  });
});
