import { describe, it, expect } from 'vitest';
import { simulate, buildModel, exponential, DAY } from '../../engine/index.js';
import type { ReplicationResult } from '../../engine/index.js';
import { FlowFold, foldOf, stat } from '../../results/index.js';

// A unit that blocks (rehab without a queue), so some moves are delayed; warm-up, so units hold patients at the start.
const model = buildModel({
  horizon: 40 * DAY,
  warmup: 10 * DAY,
  units: {
    acute: { capacity: 10, service: exponential(2 * DAY), next: { home: 0.5, rehab: 0.5 } },
    rehab: { capacity: 3, queue: 0, service: exponential(4 * DAY), next: { home: 0.9, acute: 0.1 } },
  },
  sources: { walk_in: { rate: 4 / DAY, to: 'acute' } },
});
const reps: ReplicationResult[] = [0, 1, 2, 3, 4, 5].map((r) => simulate(model, { seed: 7, replication: r }));

describe('FlowFold.result()', () => {
  it('summarises each edge as a Stat of patients a day over replications, as every other Stat', () => {
    const flows = foldOf(reps).result({ description: '', set: {} }).flows!;
    const perRep = reps.map((r) => r.flows!.find((f) => f.from === 'unit:acute' && f.to === 'unit:rehab')!);
    const edge = flows.find((f) => f.from === 'unit:acute' && f.to === 'unit:rehab')!;
    expect(edge.per_day).toEqual(stat(perRep.map((f) => f.moved / 40)));
    expect(edge.delayed_per_day).toEqual(stat(perRep.map((f) => f.delayed / 40)));
    expect(edge.delayed_per_day!.mean).toBeGreaterThan(0);
    // Arrivals never wait for a place downstream: no delayed Stat.
    expect(flows.find((f) => f.from === 'source:walk_in')!.delayed_per_day).toBeUndefined();
  });

  it('reads an edge a replication did not use as 0 patients, not as undefined', () => {
    const fold = new FlowFold();
    const strip = (r: ReplicationResult): ReplicationResult => ({ ...r, flows: r.flows!.filter((f) => f.to !== 'exit:home') });
    fold.add(strip(reps[0]));
    fold.add(reps[1]);
    const home = fold.result()!.find((f) => f.from === 'unit:acute' && f.to === 'exit:home')!;
    const moved = reps[1].flows!.find((f) => f.from === 'unit:acute' && f.to === 'exit:home')!.moved;
    expect(home.per_day).toEqual(stat([0, moved / 40]));
    expect(home.per_day.n).toBe(2);
  });

  it('balances every unit in the means: flows in = flows out, stocks included', () => {
    const flows = foldOf(reps).result({ description: '', set: {} }).flows!;
    for (const u of ['unit:acute', 'unit:rehab']) {
      const sum = (xs: typeof flows) => xs.reduce((a, f) => a + f.per_day.mean!, 0);
      const inflow = sum(flows.filter((f) => f.to === u)),
        outflow = sum(flows.filter((f) => f.from === u));
      expect(Math.abs(inflow - outflow)).toBeLessThan(1e-12 * inflow);
    }
    expect(flows.some((f) => f.from === 'stock:start')).toBe(true);
    expect(flows.some((f) => f.to === 'stock:end')).toBe(true);
  });

  it('gives nothing for replications written before flows were counted', () => {
    const fold = new FlowFold();
    fold.add({ ...reps[0], flows: undefined, inside: undefined });
    expect(fold.result()).toBeNull();
    expect(foldOf([{ ...reps[0], flows: undefined }]).result({ description: '', set: {} }).flows).toBeUndefined();
  });
});

describe('FlowFold.add(result)', () => {
  it('divides by the measured days, not the run with its warm-up', () => {
    const fold = new FlowFold();
    fold.add(reps[0]);
    const src = fold.result()!.find((f) => f.from === 'source:walk_in')!;
    expect(src.per_day.mean).toBe(reps[0].flows!.find((f) => f.from === 'source:walk_in')!.moved / 40);
  });
});
