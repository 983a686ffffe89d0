import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioText } from '../../scenarios/index.js';
import { runScenarioDetailed } from '../../runner/run-scenario.js';
import { mergeShardFiles, writeShardFile } from '../../runner/index.js';
import { HEADLINE_KPIS } from '../../results/index.js';
import { writeCsv } from '../../cli/csv.js';
import { tempDir } from '../temp-dir.js';

const text = `caresim: 1
time: { horizon: 60 days }
seed: 3
params:
  demand: uniform(4/day, 6/day)
  stay: uniform(1 day, 2 days)
  beds: 12
arrivals:
  a: { rate: demand, to: ward }
units:
  ward: { kind: beds, capacity: beds, los: exponential(stay), next: home }
strategies:
  more: { set: { params.beds: 14 } }
`;

describe('runScenarioDetailed(scenario, opts) parameter draws', () => {
  it("runScenarioDetailed writes every replication's draws, in days and per day, the ones the model used", async () => {
    const sc = loadScenarioText(text, 'draws.yaml');
    const { results, raw } = await runScenarioDetailed(sc, { reps: 12, workers: 0 });
    const d = results.draws!;
    expect(d.params).toEqual(['demand', 'stay']);
    expect(d.values).toHaveLength(12);
    for (const [demand, stay] of d.values) {
      expect(demand).toBeGreaterThanOrEqual(4);
      expect(demand).toBeLessThanOrEqual(6);
      expect(stay).toBeGreaterThanOrEqual(1);
      expect(stay).toBeLessThanOrEqual(2);
    }
    // The draws are the ones each replication ran with: the arrival rate follows the demand draw.
    const models = d.values.map((_, r) => sc.strategies[0].modelFor(3, r));
    models.forEach((m, r) => expect(m.sources[0].rate * 24 * 60).toBeCloseTo(d.values[r][0], 9));
    const arrivals = raw.baseline.map((r) => r.units.ward.arrivals_per_day);
    const corr = (a: number[], b: number[]) => {
      const ma = a.reduce((s, v) => s + v) / a.length,
        mb = b.reduce((s, v) => s + v) / b.length;
      const c = a.reduce((s, v, i) => s + (v - ma) * (b[i] - mb), 0);
      return c / Math.sqrt(a.reduce((s, v) => s + (v - ma) ** 2, 0) * b.reduce((s, v) => s + (v - mb) ** 2, 0));
    };
    expect(
      corr(
        arrivals,
        d.values.map((v) => v[0]),
      ),
    ).toBeGreaterThan(0.5);
  });

  it('writeCsv(dir, results) adds draws.csv: one row per replication, one column per param', async () => {
    const { results } = await runScenarioDetailed(loadScenarioText(text, 'draws.yaml'), { reps: 3, workers: 0 });
    const dir = tempDir('draws');
    writeCsv(dir, results);
    const lines = readFileSync(join(dir, 'draws.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('replication,demand,stay');
    expect(lines).toHaveLength(4);
    expect(lines[2].split(',').map(Number)).toEqual([1, ...results.draws!.values[1]]);
  });

  it('runScenarioDetailed leaves draws out when no param is uncertain', async () => {
    const fixed = text.replace('uniform(4/day, 6/day)', '5/day').replace('uniform(1 day, 2 days)', '1.5 days');
    const { results } = await runScenarioDetailed(loadScenarioText(fixed, 'fixed.yaml'), { reps: 2, workers: 0 });
    expect(results.draws).toBeUndefined();
  });

  it("runScenarioDetailed writes the baseline's headline KPIs of every replication beside its draws (draws.kpis)", async () => {
    const sc = loadScenarioText(text, 'draws.yaml');
    const { results, raw } = await runScenarioDetailed(sc, { reps: 9, workers: 0 });
    const k = results.draws!.kpis!;
    expect(Object.keys(k).sort()).toEqual(HEADLINE_KPIS.filter((n) => raw.baseline[0].kpis[n] !== undefined).sort());
    for (const name of Object.keys(k)) expect(k[name]).toEqual(raw.baseline.map((r) => r.kpis[name as keyof typeof r.kpis]));
  });

  it('mergeShardFiles(files) gives the same draws.kpis as one run over all replications', async () => {
    const sc = loadScenarioText(text, 'draws.yaml');
    const single = (await runScenarioDetailed(sc, { reps: 7, workers: 0 })).results;
    const dir = tempDir('draws-shards');
    const files: string[] = [];
    for (let i = 0; i < 2; i++) {
      const o = await runScenarioDetailed(sc, { reps: 7, workers: 0, shard: { index: i, count: 2 } });
      // A shard knows only its own replications' KPIs.
      expect(o.results.draws!.kpis!.cost_per_day.map((v) => v !== null)).toEqual([0, 1, 2, 3, 4, 5, 6].map((r) => r % 2 === i));
      const f = join(dir, `s${i}.json`);
      writeShardFile(f, o.results, o.shard!, o.raw);
      files.push(f);
    }
    const merged = await mergeShardFiles(files);
    expect(merged.draws).toEqual(single.draws);
  });
});
