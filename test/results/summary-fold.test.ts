import { describe, expect, it } from 'vitest';
import { StrategyFold } from '../../results/summary-fold.js';
import { bandPlan } from '../../results/band-plan.js';
import { BAND_SAMPLE } from '../../results/daily-bands.js';
import { foldOf, summariseStrategy } from '../../results/summarise.js';
import { stat } from '../../results/statistics.js';
import { simulate, buildModel, exponential, DAY } from '../../engine/index.js';
import type { ReplicationResult } from '../../engine/index.js';
import { erlangB } from '../validation/queueing.js';

const lossModel = (perDay: number) =>
  buildModel({
    horizon: 300 * DAY,
    warmup: 10 * DAY,
    units: { acute: { kind: 'beds', role: 'acute', capacity: 3, service: exponential(1 * DAY), queue: 0, next: { home: 1 } } },
    sources: { a: { rate: perDay / DAY, to: 'acute' } },
  });

describe('StrategyFold.result(meta) for lost_fraction', () => {
  // Demand is uncertain: half the replications see 0.5 arrivals a day, half 10 (a quiet and a
  // busy year). Of all patients who arrive, the share lost is the arrival-weighted Erlang B,
  // about 0.70; the mean of the per-replication shares is about 0.37, because a quiet year
  // with few patients weighs as much as a busy one.
  const low = lossModel(0.5),
    high = lossModel(10);
  const reps: ReplicationResult[] = Array.from({ length: 40 }, (_, r) => simulate(r % 2 === 0 ? low : high, { seed: 3, replication: r }));
  const exact = (0.5 * erlangB(3, 0.5) + 10 * erlangB(3, 10)) / 10.5;
  const s = summariseStrategy(reps, { description: '', set: {} });

  it('reports the share of all patients lost, and its CI covers the exact value', () => {
    const lost = s.units.acute.lost_fraction!;
    expect(lost.ci95[0]!).toBeLessThanOrEqual(exact);
    expect(lost.ci95[1]!).toBeGreaterThanOrEqual(exact);
    expect(lost.n).toBe(40);
  });
  it('differs from the mean of per-replication shares by far more than that CI', () => {
    const meanOfShares = stat(reps.map((r) => r.units.acute.lost_fraction));
    const lost = s.units.acute.lost_fraction!;
    const half = (lost.ci95[1]! - lost.ci95[0]!) / 2;
    expect(Math.abs(meanOfShares.mean! - exact)).toBeGreaterThan(10 * half);
    expect(Math.abs(lost.mean! - exact)).toBeLessThan(half);
  });
  it('takes the counts each replication returns ([lost, arrivals])', () => {
    let lost = 0,
      arrivals = 0;
    for (const r of reps) {
      const [x, y] = r.fractions!.units.acute.lost_fraction!;
      expect(x / y).toBe(r.units.acute.lost_fraction);
      lost += x;
      arrivals += y;
    }
    expect(s.units.acute.lost_fraction!.mean).toBe(lost / arrivals);
  });
  it('falls back to the mean of shares for replications that carry no counts', () => {
    const old = reps.map(({ fractions: _, ...r }) => r as ReplicationResult);
    expect(summariseStrategy(old, { description: '', set: {} }).units.acute.lost_fraction).toEqual(
      stat(reps.map((r) => r.units.acute.lost_fraction)),
    );
  });
});

describe('StrategyFold.add(result)', () => {
  /** Four beds, no queue, 400 days: a daily series long enough to show what a fold holds. */
  const lossyAcute = () =>
    buildModel({
      horizon: 400 * DAY,
      warmup: 0,
      units: { acute: { kind: 'beds', role: 'acute', capacity: 4, service: exponential(1 * DAY), queue: 0, next: { home: 1 } } },
      sources: { a: { rate: 3 / DAY, to: 'acute' } },
    });
  it('holds a fixed amount per replication for the scalars, and nothing more for the daily series past the band sample', () => {
    const model = lossyAcute();
    const one = simulate(model, { seed: 1, replication: 0 });
    const held = (R: number) => {
      const fold = new StrategyFold();
      for (let r = 0; r < R; r++) fold.add({ ...one, replication: r });
      return fold.held;
    };
    const scalars =
      Object.keys(one.kpis).length +
      2 * Object.keys(one.fractions!.kpis).length +
      Object.keys(one.units.acute).length +
      2 * Object.keys(one.fractions!.units.acute).length +
      Object.keys(one.exits).length +
      // Flows: patients a day per edge (and delayed ones where any waited), and the stock edges.
      one.flows!.length +
      one.flows!.filter((f) => f.delayed > 0).length +
      Object.values(one.inside!).filter((x) => x.start > 0).length +
      Object.values(one.inside!).filter((x) => x.end > 0).length +
      1;
    const [a, b] = [held(300), held(1200)];
    // 900 more replications add their scalars (a few dozen numbers each), not 4 x 400 daily values each.
    expect(b - a).toBe(900 * scalars);
  });
  it('with a band plan of its replications sizes each per-replication column once, for exactly the planned replications', () => {
    const model = lossyAcute();
    const one = simulate(model, { seed: 1, replication: 0 });
    const columns =
      Object.keys(one.kpis).length +
      2 * Object.keys(one.fractions!.kpis).length +
      Object.keys(one.units.acute).length +
      2 * Object.keys(one.fractions!.units.acute).length +
      Object.keys(one.exits).length;
    const reps = Array.from({ length: 300 }, (_, r) => ({ ...one, replication: r }));
    const planned = new StrategyFold(bandPlan(reps.map((r) => r.replication)));
    const open = new StrategyFold();
    for (const r of reps) {
      planned.add(r);
      open.add(r);
    }
    expect(planned.reserved).toBe(300 * columns);
    // Unplanned, the columns double from 16 rows: room for 512.
    expect(open.reserved).toBe(512 * columns);
    const meta = { description: '', set: {} };
    expect(JSON.stringify(planned.result(meta))).toBe(JSON.stringify(open.result(meta)));
  });
  it('with a band plan of its replications gives the same summary without four fifths of the sampled daily values', () => {
    const model = lossyAcute();
    const reps = Array.from({ length: 260 }, (_, r) => simulate(model, { seed: 3, replication: r }));
    const fold = (plan?: ReturnType<typeof bandPlan>) => {
      const f = new StrategyFold(plan);
      for (const r of reps) f.add(r);
      return f;
    };
    const [free, planned] = [fold(), fold(bandPlan(reps.map((r) => r.replication)))];
    expect(JSON.stringify(planned.result({ description: '', set: {} }))).toBe(JSON.stringify(free.result({ description: '', set: {} })));
    // Four banded series of 400 days: the plan saves at least four fifths of their 200 sampled values a day.
    expect(free.held - planned.held).toBeGreaterThan(0.8 * 4 * 400 * BAND_SAMPLE);
  });
  it('gives the same summary as folding the replications one by one in index order', () => {
    const reps = [2, 0, 1].map((r) => simulate(lossModel(2), { seed: 9, replication: r }));
    const fold = new StrategyFold();
    for (const r of [...reps].sort((x, y) => x.replication - y.replication)) fold.add(r);
    expect(fold.result({ description: '', set: {} })).toEqual(foldOf(reps).result({ description: '', set: {} }));
  });
});
