import { describe, expect, it } from 'vitest';
import { ReplicationLedger } from '../../runner/ledger.js';
import { simulate } from '../../engine/simulator.js';
import { lossModel } from './fixture.js';
import { bandPlan } from '../../results/band-plan.js';
import { foldOf } from '../../results/summarise.js';

const model = lossModel(2, 1, 1, 5, 0);
const rep = (r: number) => simulate(model, { seed: 1, replication: r });

describe('ReplicationLedger.tasksFor(reps)', () => {
  it('lists what is neither finished nor failed, index by index across strategies', () => {
    const l = new ReplicationLedger(['baseline', 'more'], null, 3, true);
    expect(l.accept(0, rep(1))).toBe(true);
    l.fail(1, 0, 'boom');
    expect(l.tasksFor(3)).toEqual([
      { strategy: 0, replication: 0 },
      { strategy: 1, replication: 1 },
      { strategy: 0, replication: 2 },
      { strategy: 1, replication: 2 },
    ]);
    expect(l.total(3)).toBe(6);
  });

  it('keeps to its shard', () => {
    const l = new ReplicationLedger(['baseline'], { index: 1, count: 3 }, 8, true);
    expect(l.tasksFor(8).map((t) => t.replication)).toEqual([1, 4, 7]);
    expect(l.inRun(4, 8)).toBe(true);
    expect(l.inRun(3, 8)).toBe(false);
  });
});

describe('ReplicationLedger.accept(strategy, result)', () => {
  it('takes each replication once and counts only those in the run', () => {
    const l = new ReplicationLedger(['baseline'], null, 2, true);
    for (const r of [3, 0, 1]) expect(l.accept(0, rep(r))).toBe(true);
    expect(l.accept(0, rep(0))).toBe(false);
    expect(l.finishedCount(2)).toBe(2);
    expect(l.finishedCount(4)).toBe(3);
    expect(l.finished(0, 4).map((r) => r.replication)).toEqual([0, 1, 3]);
  });

  it('keeps no replication without keepRaw, and still counts them', () => {
    const l = new ReplicationLedger(['baseline'], null, 2, false);
    l.accept(0, rep(0));
    expect(l.finished(0, 2)).toEqual([]);
    expect(l.finishedCount(2)).toBe(1);
  });
});

describe('ReplicationLedger.baselineKpis(reps)', () => {
  it("baselineKpis(reps) gives each baseline replication's headline KPIs by index, null where none came, past the first target too", () => {
    const l = new ReplicationLedger(['baseline', 'more'], null, 2, false);
    const got = [3, 0, 5].map(rep);
    for (const r of got) l.accept(0, r);
    l.accept(1, rep(1));
    const table = l.baselineKpis(6);
    const kpis = Object.keys(table);
    expect(kpis.length).toBeGreaterThan(2);
    for (const k of kpis) {
      const want = [0, 1, 2, 3, 4, 5].map((i) => {
        const v = got.find((r) => r.replication === i)?.kpis[k as keyof (typeof got)[0]['kpis']];
        return v === undefined || !Number.isFinite(v) ? null : v;
      });
      expect(table[k]).toEqual(want);
    }
    // Replications beyond the run asked for are not in its table.
    expect(Object.values(l.baselineKpis(4)).every((c) => c.length === 4 && c[3] !== null)).toBe(true);
  });
});

describe('ReplicationLedger.sortedFailures()', () => {
  it('orders failures by strategy, then index, whatever order they came in', () => {
    const l = new ReplicationLedger(['baseline', 'more'], null, 4, true);
    l.fail(1, 0, 'a');
    l.fail(0, 3, 'b');
    l.fail(0, 1, 'c');
    expect(l.sortedFailures().map((f) => `${f.strategy}:${f.replication}`)).toEqual(['baseline:1', 'baseline:3', 'more:0']);
  });
});

describe('ReplicationLedger(names, shard, reps, keepRaw, fixed)', () => {
  it('folds daily bands equal to the bit to those of an open-ended run, in less memory, failed replications included', () => {
    const daily = lossModel(2, 0.5, 1, 60, 0);
    const shard = { index: 1, count: 2 };
    const reps = Array.from({ length: 300 }, (_, i) => simulate(daily, { seed: 2, replication: 2 * i + 1 }));
    const [fixed, open] = [true, false].map((f) => new ReplicationLedger(['baseline'], shard, 600, false, f));
    // Four of the band sample (smallest priorities of the shard indices) and one of its reserve fail: the reserve stands in.
    const failed = new Set([...bandPlan(reps.map((r) => r.replication)).rank].filter(([, k]) => k % 50 === 7).map(([i]) => i));
    expect(failed.size).toBe(5);
    for (const l of [fixed, open]) {
      for (const r of reps) {
        if (failed.has(r.replication)) l.fail(0, r.replication, 'boom');
        else l.accept(0, r);
      }
    }
    const meta = { description: '', set: {} };
    expect(JSON.stringify(fixed.folds[0].result(meta).daily)).toBe(JSON.stringify(open.folds[0].result(meta).daily));
    expect(fixed.folds[0].held).toBeLessThan(open.folds[0].held / 2);
  });
});

describe('ReplicationLedger(..., fixed) against foldOf(reps, failed)', () => {
  it('a summary of the survivors with the failed indices gives the run its own bands when more sample members fail than the reserve', () => {
    const daily = lossModel(2, 0.5, 1, 60, 0);
    const reps = Array.from({ length: 260 }, (_, i) => simulate(daily, { seed: 3, replication: i }));
    // Twenty of the band sample fail: more than the reserve of eight stands in for.
    const failed = [...bandPlan(reps.map((r) => r.replication)).rank].filter(([, k]) => k % 10 === 3).map(([i]) => i);
    expect(failed.length).toBe(21);
    const ledger = new ReplicationLedger(['baseline'], null, 260, false, true);
    for (const r of reps) {
      if (failed.includes(r.replication)) ledger.fail(0, r.replication, 'boom');
      else ledger.accept(0, r);
    }
    const meta = { description: '', set: {} };
    const survivors = reps.filter((r) => !failed.includes(r.replication));
    const run = JSON.stringify(ledger.folds[0].result(meta).daily);
    expect(JSON.stringify(foldOf(survivors, failed).result(meta).daily)).toBe(run);
    // Without the failed indices the plan differs and so would the bands: what a merge of shards used to give.
    expect(JSON.stringify(foldOf(survivors).result(meta).daily)).not.toBe(run);
  });
});
