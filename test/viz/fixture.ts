/**
 * Results files for the viz tests, made by actually running small models through the
 * engine and the summariser (nothing copied from a run): a baseline, a strategy with more
 * community capacity and a sweep over P1 packages, or a system without UCR.
 */
import { buildModel, DAY, HOUR, exponential, lognormal, simulate } from '../../engine/index.js';
import type { Model } from '../../engine/index.js';
import { quantile } from 'd3';
import { type Results, type Stat, summarise, type StrategyReps } from '../../results/index.js';
import type { Labels } from '../../results/index.js';

export interface FixtureOptions {
  reps?: number;
  ucr?: boolean;
  sweep?: boolean;
  /**
   * As the results file of a scenario with `label:` keys: top-level `labels` for every unit,
   * strategy and swept key, a 10th/90th percentile on every KPI, unit metric and paired
   * difference (computed here from the replications), and a third strategy with fewer acute
   * beds, so the summary has verdicts to order.
   */
  labelled?: boolean;
}

function model(o: { acute: number; p1: number; p2: number; ucr: number; withUcr: boolean }): Model {
  return buildModel({
    name: 'fixture',
    horizon: 60 * DAY,
    warmup: 20 * DAY,
    units: {
      ...(o.withUcr
        ? {
            ucr: {
              kind: 'team' as const,
              role: 'ucr' as const,
              capacity: o.ucr,
              service: lognormal(3 * HOUR, 1.5 * HOUR),
              target: 2 * HOUR,
              patience: exponential(2 * HOUR),
              overflow: 'ed',
              next: { home: 0.8, ed: 0.2 },
              cost: 200,
            },
          }
        : {}),
      ed: { kind: 'front', role: 'ed', service: exponential(4 * HOUR), next: { acute: 0.45, home: 0.55 } },
      acute: {
        kind: 'beds',
        role: 'acute',
        capacity: o.acute,
        service: lognormal(6 * DAY, 6 * DAY),
        next: { home: 0.55, p1: 0.35, p2: 0.1 },
        cost: 345,
        costDelayed: 395,
      },
      p1: { kind: 'homecare', role: 'p1', capacity: o.p1, service: lognormal(14 * DAY, 7 * DAY), queue: 0, next: { home: 1 }, cost: 60 },
      p2: {
        kind: 'beds',
        role: 'p2',
        capacity: o.p2,
        service: lognormal(21 * DAY, 7 * DAY),
        queue: 0,
        next: { home: 0.6, p1: 0.4 },
        cost: 250,
      },
    },
    sources: o.withUcr
      ? { crises: { rate: 10 / DAY, to: 'ucr' }, walk_ins: { rate: 12 / DAY, to: 'ed' } }
      : { walk_ins: { rate: 20 / DAY, to: 'ed' } },
  });
}

const BASE = { acute: 50, p1: 38, p2: 10, ucr: 3 };

export function makeResults(opts: FixtureOptions = {}): Results {
  const reps = opts.reps ?? 10;
  const withUcr = opts.ucr ?? true;
  const seed = 11;
  const run = (m: Model) => Array.from({ length: reps }, (_, r) => simulate(m, { seed, replication: r }));
  const strategies: StrategyReps[] = [
    { name: 'baseline', description: '', set: {}, reps: run(model({ ...BASE, withUcr })) },
    {
      name: 'community',
      description: 'Ten more P1 packages and six more P2 beds',
      set: { 'units.p1.capacity': '48', 'units.p2.capacity': '16' },
      reps: run(model({ ...BASE, p1: 48, p2: 16, withUcr })),
    },
  ];
  if (opts.labelled) {
    strategies.push({
      name: 'fewer_acute',
      description: 'Six fewer acute beds',
      set: { 'units.acute.capacity': '44' },
      reps: run(model({ ...BASE, acute: 44, withUcr })),
    });
  }
  let sweep: Results['sweep'];
  if (opts.sweep) {
    sweep = { paths: ['units.p1.capacity'], points: [] };
    for (const p1 of [30, 38, 50]) {
      const name = `sweep_p1_${p1}`;
      strategies.push({
        name,
        description: `P1 capacity ${p1}`,
        set: { 'units.p1.capacity': String(p1) },
        sweep: { 'units.p1.capacity': p1 },
        // As a compiled scenario gives them: what each point changes from the baseline.
        changes: [{ path: 'units.p1.capacity', from: String(BASE.p1), to: String(p1) }],
        reps: run(model({ ...BASE, p1, withUcr })),
      });
      sweep.points.push({ strategy: name, values: { 'units.p1.capacity': p1 } });
    }
  }
  const results = summarise(strategies, {
    scenario: { name: 'Fixture ICS', hash: 'f1x7ure', assumptions: ['Crises arrive as a Poisson stream', 'No seasonality'] },
    engineVersion: '0.0.0-test',
    seed,
    replications: reps,
    horizonDays: 60,
    warmupDays: 20,
    startDate: '2027-01-04',
    sweep,
  });
  if (opts.labelled) addLabelsAndRanges(results, strategies);
  // Through JSON, as a results file is read: Infinity and NaN become null.
  return JSON.parse(JSON.stringify(results)) as Results;
}

export const FIXTURE_LABELS: Labels = {
  units: { ucr: 'Urgent community response', ed: 'Emergency department', acute: 'Acute beds', p1: 'Home care (P1)', p2: 'Rehab beds (P2)' },
  strategies: {
    baseline: 'Baseline',
    community: 'More community capacity',
    fewer_acute: 'Six fewer acute beds',
    sweep_p1_30: '30 home-care places',
    sweep_p1_38: '38 home-care places',
    sweep_p1_50: '50 home-care places',
  },
  params: { 'units.p1.capacity': 'Home-care places (P1)', 'units.p2.capacity': 'Rehab beds (P2)', 'units.acute.capacity': 'Acute beds' },
};

/** p10/p90 of replication values (linear interpolation between order statistics). */
function withRange(stat: Stat | undefined, values: number[]): void {
  const xs = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (!stat || xs.length === 0) return;
  Object.assign(stat, { p10: quantile(xs, 0.1), p90: quantile(xs, 0.9) });
}

function addLabelsAndRanges(results: Results, strategies: StrategyReps[]): void {
  (results as Results & { labels: Labels }).labels = FIXTURE_LABELS;
  const base = strategies[0].reps;
  for (const s of strategies) {
    const out = results.strategies[s.name];
    for (const [kpi, stat] of Object.entries(out.kpis)) {
      const k = kpi as keyof typeof out.kpis;
      withRange(
        stat,
        s.reps.map((x) => x.kpis[k] as number),
      );
      const diff = results.differences[s.name]?.[k];
      if (s.name !== 'baseline')
        withRange(
          diff,
          s.reps.map((x, i) => (x.kpis[k] as number) - (base[i].kpis[k] as number)),
        );
    }
    for (const [unit, metrics] of Object.entries(out.units)) {
      for (const [metric, stat] of Object.entries(metrics)) {
        withRange(
          stat,
          s.reps.map((x) => (x.units[unit] as unknown as Record<string, number>)[metric]),
        );
      }
    }
  }
}
