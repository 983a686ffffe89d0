import { describe, expect, it } from 'vitest';
import { runScenario, runScenarioDetailed } from '../../runner/index.js';
import { comparable, erlangB, lossModel, scenario, strategy, twoStrategies } from './fixture.js';
import { buildModel, exponential, DAY } from '../../engine/index.js';

describe('runScenario(loaded, { workers })', () => {
  it('gives byte-identical results for 0, 1, 2 and 4 workers, whichever thread compiles their code', async () => {
    const sc = twoStrategies(12);
    const texts = [];
    for (const workers of [0, 1, 2, 4]) texts.push(comparable(await runScenario(sc, { workers })));
    texts.push(comparable(await runScenario(sc, { workers: 2, backgroundCompile: true })));
    expect(texts).toHaveLength(5);
    expect(new Set(texts).size).toBe(1);
    const r = JSON.parse(texts[0]);
    expect(r.strategies.baseline.kpis.acute_occupancy.n).toBe(12);
    expect(Object.keys(r.strategies)).toEqual(['baseline', 'more-beds']);
  });

  it('gives different results for a different seed', async () => {
    const a = await runScenario(twoStrategies(6, 1), { workers: 2 });
    const b = await runScenario(twoStrategies(6, 2), { workers: 2 });
    expect(a.strategies.baseline.kpis.acute_occupancy!.mean).not.toBe(b.strategies.baseline.kpis.acute_occupancy!.mean);
  });

  it('takes --reps and --seed over the scenario', async () => {
    const a = await runScenario(twoStrategies(6, 1), { workers: 0, reps: 4, seed: 2 });
    const b = await runScenario(twoStrategies(4, 2), { workers: 0 });
    expect(a.replications).toBe(4);
    expect(comparable(a)).toBe(comparable(b));
  });

  it('gives paired differences of exactly 0 for a strategy identical to the baseline', async () => {
    const m = lossModel(5, 4, 1);
    const r = await runScenario(scenario([strategy('baseline', m), strategy('same', lossModel(5, 4, 1))], 8), { workers: 2 });
    let checked = 0;
    for (const st of Object.values(r.differences.same)) {
      if (st.mean === null) continue;
      expect(st.mean).toBe(0);
      expect(st.ci95).toEqual([0, 0]);
      checked++;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('covers the Erlang B blocking probability with the 95% CI', async () => {
    const r = await runScenario(scenario([strategy('baseline', lossModel(5, 4, 1, 300, 10))], 20), { workers: 2 });
    const lost = r.strategies.baseline.units.acute.lost_fraction!;
    const theory = erlangB(5, 4);
    expect(lost.ci95[0]!).toBeLessThanOrEqual(theory);
    expect(lost.ci95[1]!).toBeGreaterThanOrEqual(theory);
    // A CI that covers everything would prove nothing.
    expect(lost.ci95[1]! - lost.ci95[0]!).toBeLessThan(0.05);
  });

  it('uses the same replication seeds for every strategy (common random numbers)', async () => {
    const r = await runScenarioDetailed(twoStrategies(8), { workers: 2 });
    const more = r.results.differences['more-beds'];
    // More beds can only lose fewer patients; with common random numbers the paired CI is tighter than either CI.
    const base = r.results.strategies.baseline.kpis.admissions_per_day!;
    expect(more.admissions_per_day!.mean!).toBeGreaterThan(0);
    expect(more.admissions_per_day!.sd!).toBeLessThan(base.sd! * 2);
    expect(r.raw.baseline.map((x) => x.replication)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('adds a warm-up aid that covers warm-up and measured days', async () => {
    const r = await runScenario(scenario([strategy('baseline', lossModel(5, 4, 1, 40, 10))], 4), { workers: 0 });
    expect(r.warmup_aid!.acute).toHaveLength(50);
    expect(r.strategies.baseline.daily.acute.occupancy.mean).toHaveLength(40);
  });
});

describe('runScenario(loaded, { reps: "auto" })', () => {
  it('adds replications until every headline KPI is within 5% and says so', async () => {
    const r = await runScenario(scenario([strategy('baseline', lossModel(5, 4, 1, 60, 5))], 'auto'), { workers: 2 });
    expect(r.precision!.reached).toBe(true);
    expect(r.replications).toBeGreaterThanOrEqual(10);
    for (const k of ['acute_occupancy', 'admissions_per_day', 'cost_per_day'] as const) {
      const s = r.strategies.baseline.kpis[k]!;
      expect((s.ci95[1]! - s.ci95[0]!) / 2 / Math.abs(s.mean!)).toBeLessThanOrEqual(0.05);
      expect(s.n).toBe(r.replications);
    }
  });

  it('stops at the maximum and reports that the target was not reached', async () => {
    const r = await runScenario(scenario([strategy('baseline', lossModel(5, 4, 1, 3, 1))], 'auto'), {
      workers: 0,
      maxReps: 12,
      precisionTarget: 0.001,
    });
    expect(r.replications).toBe(12);
    expect(r.precision!.reached).toBe(false);
    expect(r.precision!.worst.relative_half_width!).toBeGreaterThan(0.001);
  });
});

describe('runScenario(loaded) with uncertain parameters', () => {
  it('sends each replication its drawn model, the same for any worker count', async () => {
    const models = [lossModel(4, 4, 1), lossModel(6, 4, 1)];
    const uncertain = strategy('baseline', lossModel(5, 4, 1), (_seed, r) => models[r % 2]);
    const a = await runScenarioDetailed(scenario([uncertain], 6), { workers: 3 });
    const b = await runScenarioDetailed(scenario([uncertain], 6), { workers: 0 });
    expect(comparable(a.results)).toBe(comparable(b.results));
    const cap = a.raw.baseline.map((x) => x.units.acute.capacity_mean);
    [4, 6, 4, 6, 4, 6].forEach((c, i) => expect(cap[i]).toBeCloseTo(c, 9));
  });
});

describe('runScenario(loaded) with a strategy whose `uncertain` is false', () => {
  it('runs its shared model and never asks for a drawn one', async () => {
    const m = lossModel(5, 4, 1);
    const fixed = {
      ...strategy('baseline', m),
      modelFor: () => {
        throw new Error('modelFor called');
      },
    };
    for (const workers of [0, 2]) {
      const r = await runScenarioDetailed(scenario([fixed], 4), { workers });
      expect(r.results.failures).toBeUndefined();
      expect(comparable(r.results)).toBe(comparable(await runScenario(scenario([strategy('baseline', m)], 4), { workers })));
    }
  });
});

describe('runScenario(loaded) when replications fail', () => {
  it('retries once, reports the failure by index and finishes the rest', async () => {
    const good = lossModel(5, 4, 1);
    const bad = { ...good, horizon: -1 };
    let calls = 0;
    const flaky = strategy('baseline', good, (_s, r) => {
      if (r === 3) {
        calls++;
        return bad;
      }
      return r === 0 ? { ...good } : good;
    });
    for (const workers of [0, 2]) {
      calls = 0;
      const r = await runScenarioDetailed(scenario([flaky], 6), { workers });
      expect(r.results.failures).toHaveLength(1);
      expect(r.results.failures![0]).toMatchObject({ strategy: 'baseline', replication: 3 });
      expect(r.results.failures![0].error).toMatch(/horizon|model/i);
      expect(calls).toBe(2);
      expect(r.raw.baseline.map((x) => x.replication)).toEqual([0, 1, 2, 4, 5]);
      expect(r.results.strategies.baseline.kpis.acute_occupancy!.n).toBe(5);
    }
  });
});

describe('runScenario(loaded, { maxMemoryMb })', () => {
  // 5,000 arrivals a day to one place: about 200,000 patients queue within 40 days, more than
  // the patient columns may hold in 16 MiB (about 180,000). The columns are typed arrays,
  // outside V8's heap limit, so the budget has to bound them itself.
  const runaway = buildModel({
    name: 'runaway',
    horizon: 40 * DAY,
    warmup: 0,
    units: { acute: { kind: 'beds', role: 'acute', capacity: 1, service: exponential(DAY), next: { home: 1 } } },
    sources: { a: { rate: 5000 / DAY, to: 'acute' } },
  });
  it('fails each replication whose patients outgrow the budget, in workers and in this thread alike', async () => {
    for (const workers of [2, 0]) {
      const r = await runScenario(scenario([strategy('baseline', runaway)], 2), { workers, maxMemoryMb: 16 });
      expect(r.failures?.map((f) => f.replication)).toEqual([0, 1]);
      for (const f of r.failures!) expect(f.error).toMatch(/TOO_MANY_PATIENTS|more than \d+ patients/);
    }
  });
  it('runs the same model to the end without a budget', async () => {
    const r = await runScenario(scenario([strategy('baseline', runaway)], 1), { workers: 0 });
    expect(r.failures).toBeUndefined();
    expect(r.strategies.baseline.kpis.acute_waiting_mean!.mean).toBeGreaterThan(50_000);
  });
});

describe('runScenario(loaded) warnings', () => {
  it('puts the run warnings in the results: an M/M/1 at load 1.2 has a queue that is still growing', async () => {
    const m = buildModel({
      name: 'mm1',
      horizon: 365 * DAY,
      warmup: 30 * DAY,
      units: { w: { kind: 'beds', capacity: 1, service: exponential(DAY), next: { home: 1 } } },
      sources: { a: { rate: 1.2 / DAY, to: 'w' } },
    });
    const r = await runScenario(scenario([strategy('baseline', m)], 8), { workers: 0 });
    expect(r.warnings?.map((w) => [w.code, w.strategy, w.unit])).toEqual([['queue-growing', 'baseline', 'w']]);
  });
});

describe('runScenario(loaded from text) keeps the scenario’s warnings from check', () => {
  it('writes each warning check gave into scenario_warnings with its key, line and column; a model built in code has none', async () => {
    const { loadScenarioText } = await import('../../scenarios/index.js');
    // 3 a day staying 10 days on 20 beds: an offered load of 1.5, which check warns about.
    const text = `caresim: 1
time: { horizon: 30 days, warmup: 5 days }
arrivals: { a: { rate: 3/day, to: ward } }
units:
  ward: { kind: beds, capacity: 20, los: 10 days, queue: 30 }
`;
    const sc = loadScenarioText(text, 'over.yaml');
    expect(sc.warnings.map((w) => w.code)).toEqual(['overloaded']);
    const r = await runScenario(sc, { workers: 0, reps: 2 });
    expect(r.scenario_warnings).toEqual([
      {
        code: 'overloaded',
        key: 'units.ward',
        line: 5,
        col: 3,
        message: sc.warnings[0].message,
        ...(sc.warnings[0].hint ? { hint: sc.warnings[0].hint } : {}),
      },
    ]);
    expect((await runScenario(twoStrategies(2), { workers: 0 })).scenario_warnings).toBeUndefined();
  });
});
