import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../cli/summary-table.js';
import { differencesCsv, replicationsCsv, summaryCsv, tableCsv } from '../../cli/csv.js';
import { summarise } from '../../results/index.js';
import { simulate, buildModel, exponential, DAY } from '../../engine/index.js';

const model = (beds: number) =>
  buildModel({
    horizon: 20 * DAY,
    warmup: 2 * DAY,
    units: { acute: { kind: 'beds', role: 'acute', capacity: beds, service: exponential(DAY), queue: 0, next: { home: 1 }, cost: 345 } },
    sources: { a: { rate: 4 / DAY, to: 'acute' } },
  });
const reps = (beds: number) => [0, 1, 2, 3].map((r) => simulate(model(beds), { seed: 3, replication: r }));
const base = reps(5),
  more = reps(8);
const results = summarise(
  [
    { name: 'baseline', description: '', set: {}, reps: base },
    { name: 'more, beds', description: 'quoted', set: {}, reps: more },
  ],
  {
    scenario: { name: 'Test', hash: 'h', assumptions: [] },
    engineVersion: '0',
    seed: 3,
    replications: 4,
    horizonDays: 20,
    warmupDays: 2,
    startDate: '2027-01-04',
  },
);

describe('formatSummary(results)', () => {
  it('shows headline KPIs per strategy with CIs and the paired differences', () => {
    const text = formatSummary(results);
    expect(text).toContain('4 replications per strategy');
    const occ = results.strategies.baseline.kpis.acute_occupancy!;
    expect(text).toContain(`${(occ.mean! * 100).toFixed(1)}% (${(occ.ci95[0]! * 100).toFixed(1)}% to ${(occ.ci95[1]! * 100).toFixed(1)}%)`);
    expect(text).toContain('Difference from baseline');
    const d = results.differences['more, beds'].admissions_per_day!;
    expect(text).toContain(`+${d.mean!.toFixed(2)}`);
    expect(text).not.toContain('UCR reached');
  });
});

describe('formatSummary(results of a model that prices nothing)', () => {
  it('leaves out the cost a day, which would read £0 as care that costs nothing', () => {
    const free = (beds: number) =>
      buildModel({
        horizon: 20 * DAY,
        warmup: 2 * DAY,
        units: { acute: { kind: 'beds', role: 'acute', capacity: beds, service: exponential(DAY), queue: 0, next: { home: 1 } } },
        sources: { a: { rate: 4 / DAY, to: 'acute' } },
      });
    const run = (beds: number) => [0, 1, 2].map((i) => simulate(free(beds), { seed: 3, replication: i }));
    const r = summarise(
      [
        { name: 'baseline', description: '', set: {}, reps: run(5) },
        { name: 'more', description: '', set: {}, reps: run(8) },
      ],
      {
        scenario: { name: 'Free', hash: 'h', assumptions: [] },
        engineVersion: '0',
        seed: 3,
        replications: 3,
        horizonDays: 20,
        warmupDays: 2,
        startDate: '2027-01-04',
      },
    );
    // The engine writes a cost of 0 a day all the same: the reader must not see it.
    expect(r.strategies.baseline.kpis.cost_per_day!.mean).toBe(0);
    const text = formatSummary(r);
    expect(text).not.toContain('Cost / day');
    expect(text).toContain('G&A occupancy');
    // A priced model keeps it.
    expect(formatSummary(results)).toContain('Cost / day (£)');
  });
});

describe('formatSummary(results) with many strategies', () => {
  it('gives one row per strategy with mean ± CI half-width', () => {
    const many = summarise(
      ['baseline', 'a', 'b', 'c'].map((name, i) => ({ name, description: '', set: {}, reps: i % 2 ? more : base })),
      {
        scenario: { name: 'Test', hash: 'h', assumptions: [] },
        engineVersion: '0',
        seed: 3,
        replications: 4,
        horizonDays: 20,
        warmupDays: 2,
        startDate: '2027-01-04',
      },
    );
    const text = formatSummary(many);
    const row = text.split('\n').find((l) => l.startsWith('b '))!;
    const adm = many.strategies.b.kpis.admissions_per_day!;
    expect(row).toContain(`${adm.mean!.toFixed(2)} ±${((adm.ci95[1]! - adm.ci95[0]!) / 2).toFixed(2)}`);
    const diffRow = text.split('\n').filter((l) => l.startsWith('b '))[1];
    expect(diffRow).toContain('0.00 ±0.00');
  });
});

describe('summaryCsv(results) / differencesCsv(results) / replicationsCsv(raw)', () => {
  it('writes one tidy row per strategy x unit x metric, quoting where needed', () => {
    const lines = summaryCsv(results).trim().split('\n');
    expect(lines[0]).toBe('strategy,unit,metric,mean,sd,ci95_lo,ci95_hi,n,p10,p90');
    const kpiRows = lines.filter((l) => l.startsWith('baseline,system,'));
    expect(kpiRows).toHaveLength(Object.keys(results.strategies.baseline.kpis).length);
    expect(lines.some((l) => l.startsWith('"more, beds",acute,occupancy_mean,'))).toBe(true);
    // Undefined metrics (utilisation of nothing, NaN) are empty cells, not "null".
    expect(summaryCsv(results)).not.toContain('null');
    const diff = differencesCsv(results).trim().split('\n');
    expect(diff).toHaveLength(1 + Object.keys(results.differences['more, beds']).length);
    const perRep = replicationsCsv({ baseline: base }).trim().split('\n');
    const perRepRows = Object.keys(base[0].kpis).length + Object.values(base[0].units).reduce((a, m) => a + Object.keys(m).length, 0);
    expect(perRep).toHaveLength(1 + 4 * perRepRows);
    expect(perRep[1]).toMatch(/^baseline,0,system,/);
  });
});

describe('tableCsv(table)', () => {
  it('tableCsv keeps a text that starts like a formula as text, and numbers as they are', () => {
    const csv = tableCsv({
      name: 't',
      header: ['label', 'value'],
      rows: [
        ['=1+1', -3],
        ['@SUM(A1)', 2],
        ['+x', null],
        ['Acute beds', 1.5],
      ],
    });
    expect(csv.trim().split('\n')).toEqual(['label,value', "'=1+1,-3", "'@SUM(A1),2", "'+x,", 'Acute beds,1.5']);
  });
});

describe('formatSummary(results of one replication of a single service)', () => {
  it('says one replication gives no CI, shows no empty KPI table, and writes a difference that rounds to zero without a sign', () => {
    const service = (c: number) =>
      buildModel({
        horizon: 50 * DAY,
        units: { server: { kind: 'beds', capacity: c, service: exponential(DAY), next: { out: 1 } } },
        sources: { a: { rate: 0.5 / DAY, to: 'server' } },
      });
    const one = summarise([{ name: 'baseline', description: '', set: {}, reps: [simulate(service(1), { seed: 3, replication: 0 })] }], {
      scenario: { name: 'M/M/1', hash: 'h', assumptions: [] },
      engineVersion: '0',
      seed: 3,
      replications: 1,
      horizonDays: 50,
      warmupDays: 0,
      startDate: '2027-01-04',
    });
    const text = formatSummary(one);
    expect(text).toContain('M/M/1: 1 replication per strategy');
    expect(text).toContain('Means of 1 replication: a 95% confidence interval needs at least 2.');
    expect(text).not.toContain('KPI ');
    expect(text).toMatch(/server utilisation +\d+\.\d%/);
    // Two strategies with all but no difference in a share: "0.0%", not "-0.0%".
    const tiny = structuredClone(results);
    tiny.differences['more, beds'].acute_occupancy = { mean: -1e-5, sd: 1e-5, ci95: [-2e-5, 0], p10: null, p90: null, n: 4 };
    const diff = formatSummary(tiny);
    expect(diff).toContain('0.0% (0.0% to 0.0%)');
    expect(diff).not.toContain('-0.0%');
  });
});
