import { describe, expect, it } from 'vitest';
import { makeStream } from '../../engine/index.js';
import type { Results } from '../../results/index.js';
import { sensitivity } from '../../sensitivity/prcc.js';
import { globalSensitivity, minimumReplications, SENSITIVITY_BOOTSTRAP } from '../../viz/global-sensitivity.js';
import { makeResults } from './fixture.js';

/** A run whose delayed discharges are 3a - b + noise and whose cost does not depend on c at all. */
function linear(n: number, seed = 11): Results {
  const rng = makeStream(seed, 0, 'linear-fixture');
  const values = Array.from({ length: n }, () => [rng.next(), rng.next(), rng.next()]);
  const noise = values.map(() => 0.05 * (rng.next() - 0.5));
  return {
    ...makeResults({ reps: 3 }),
    seed: 5,
    draws: {
      params: ['a', 'b', 'c'],
      values,
      kpis: {
        delayed_bed_days_per_day: values.map(([a, b], i) => 3 * a - b + noise[i]),
        cost_per_day: values.map(([a, , c], i) => 1000 + a + 2 * c + noise[i]),
      },
    },
  };
}

describe('globalSensitivity(results)', () => {
  it('globalSensitivity ranks the inputs of a linear fixture by their known coefficients, with the right signs', () => {
    const g = globalSensitivity(linear(60));
    if (!g.shown) throw new Error(g.reason);
    expect(g.n).toBe(60);
    const delayed = g.kpis.find((k) => k.output === 'delayed_bed_days_per_day')!;
    expect(delayed.inputs.map((i) => i.input)).toEqual(['a', 'b', 'c']);
    expect(delayed.inputs[0].prcc).toBeGreaterThan(0.9);
    expect(delayed.inputs[1].prcc).toBeLessThan(-0.7);
    // c has no effect: its interval holds zero.
    expect(delayed.inputs[2].prcc_ci95[0]).toBeLessThan(0);
    expect(delayed.inputs[2].prcc_ci95[1]).toBeGreaterThan(0);
    const cost = g.kpis.find((k) => k.output === 'cost_per_day')!;
    expect(cost.inputs.map((i) => i.input)).toEqual(['c', 'a', 'b']);
  });

  it("globalSensitivity gives the same numbers as prcc.ts on the file's columns, every time (seeded bootstrap)", () => {
    const r = linear(40);
    const g1 = globalSensitivity(r),
      g2 = globalSensitivity(JSON.parse(JSON.stringify(r)) as Results);
    expect(g2).toEqual(g1);
    const d = r.draws!;
    const direct = sensitivity(
      'cost_per_day',
      d.params,
      d.params.map((_, j) => d.values.map((v) => v[j])),
      d.kpis!.cost_per_day as number[],
      SENSITIVITY_BOOTSTRAP,
      r.seed,
    );
    expect(g1.shown && g1.kpis.find((k) => k.output === 'cost_per_day')).toEqual(direct);
  });

  it('globalSensitivity leaves out replications without KPIs (failed, or another shard) and says why below the minimum', () => {
    const r = linear(25);
    for (const col of Object.values(r.draws!.kpis!)) for (let i = 0; i < 10; i++) col[i] = null;
    const g = globalSensitivity(r);
    expect(g.shown).toBe(false);
    if (!g.shown) expect(g.reason).toMatch(new RegExp(`from ${minimumReplications(3)} replications up .* this run has 15`));
  });

  it('globalSensitivity says why nothing is shown: no uncertain params, or no KPI per replication (older file)', () => {
    const none = globalSensitivity(makeResults({ reps: 3 }));
    expect(none).toMatchObject({ shown: false, reason: expect.stringMatching(/no uncertain params/) });
    const old = linear(30);
    delete old.draws!.kpis;
    expect(globalSensitivity(old)).toMatchObject({ shown: false, reason: expect.stringMatching(/run it again/) });
  });

  it('minimumReplications(inputs) is 20, or 10 more than the inputs when there are many', () => {
    expect(minimumReplications(3)).toBe(20);
    expect(minimumReplications(15)).toBe(25);
  });
});
