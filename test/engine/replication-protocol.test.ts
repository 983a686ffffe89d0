import { describe, it, expect } from 'vitest';
import { buildModel, exponential, simulate, DAY } from '../../engine/index.js';
import { serveReplications, type FromWorker } from '../../engine/replication-protocol.js';

function mm1(rate: number) {
  return buildModel({
    horizon: 30 * DAY,
    units: { desk: { capacity: 1, service: exponential(DAY / 2), next: { home: 1 } } },
    sources: { calls: { rate: rate / DAY, to: 'desk' } },
  });
}

function host(maxPatients?: number) {
  const sent: FromWorker[] = [];
  const handle = serveReplications((m) => sent.push(structuredClone(m)), { maxPatients });
  return { sent, handle };
}

describe('serveReplications(post, opts)', () => {
  it('says ready first, then answers each run with the result simulate gives, from the cached or the sent model', () => {
    const { sent, handle } = host();
    expect(sent).toEqual([{ type: 'ready' }]);
    handle({ type: 'model', strategy: 0, model: mm1(1) });
    handle({ type: 'model', strategy: 1, model: mm1(1.5) });
    handle({ type: 'run', strategy: 1, replication: 3, seed: 7 });
    handle({ type: 'run', strategy: 0, replication: 2, seed: 7 });
    handle({ type: 'run', strategy: 0, replication: 5, seed: 7, model: mm1(1.8) });
    expect(sent.slice(1)).toEqual([
      { type: 'result', strategy: 1, replication: 3, result: simulate(mm1(1.5), { seed: 7, replication: 3 }) },
      { type: 'result', strategy: 0, replication: 2, result: simulate(mm1(1), { seed: 7, replication: 2 }) },
      { type: 'result', strategy: 0, replication: 5, result: simulate(mm1(1.8), { seed: 7, replication: 5 }) },
    ]);
  });

  it('answers a failing replication with an error and serves the next one', () => {
    const { sent, handle } = host(10);
    handle({ type: 'run', strategy: 4, replication: 0, seed: 1 });
    // 20 arrivals a day at a desk serving 2: the queue outgrows 10 patients.
    handle({ type: 'run', strategy: 0, replication: 1, seed: 1, model: mm1(20) });
    handle({ type: 'run', strategy: 0, replication: 2, seed: 1, model: mm1(1) });
    expect(sent.slice(1).map((m) => m.type)).toEqual(['error', 'error', 'result']);
    expect(sent[1]).toEqual({ type: 'error', strategy: 4, replication: 0, error: 'Error: no model sent for strategy 4' });
    expect(sent[2]).toMatchObject({
      type: 'error',
      strategy: 0,
      replication: 1,
      error: expect.stringMatching(/^SimulationError: more than 10 patients/),
    });
  });
});

describe('serveReplications(post) memory', () => {
  /** Bytes of typed arrays constructed while `f` runs (the engine's columns and series are all typed arrays). */
  function typedBytes(f: () => void): number {
    const g = globalThis as unknown as Record<string, unknown>;
    const kinds = ['Float64Array', 'Int32Array', 'Uint8Array'] as const;
    const saved = kinds.map((k) => g[k]);
    let bytes = 0;
    kinds.forEach((k, i) => {
      const Base = saved[i] as new (n: number) => ArrayBufferView;
      g[k] = class extends Base {
        constructor(n: number) {
          super(n);
          bytes += this.byteLength;
        }
      };
    });
    try {
      f();
    } finally {
      kinds.forEach((k, i) => (g[k] = saved[i]));
    }
    return bytes;
  }

  it('allocates neither statistics nor patient columns nor daily series afresh for each replication once warm', () => {
    // Three stable units over 2,000 days: daily series of 240 KB and statistics columns of 290 KB a replication.
    const model = buildModel({
      horizon: 2000 * DAY,
      units: {
        acute: { kind: 'beds', capacity: 12, service: exponential(DAY / 2), next: { rehab: 0.5, homecare: 0.5 } },
        rehab: { kind: 'beds', capacity: 10, service: exponential(DAY), next: { home: 1 } },
        homecare: { kind: 'beds', capacity: 6, service: exponential(DAY), next: { home: 1 } },
      },
      sources: { calls: { rate: 10 / DAY, to: 'acute' } },
    });
    const sent: FromWorker[] = [];
    const handle = serveReplications((m) => sent.push(structuredClone(m)));
    handle({ type: 'model', strategy: 0, model });
    for (let r = 0; r < 3; r++) handle({ type: 'run', strategy: 0, replication: r, seed: 1 });
    const seriesBytes = 3 * 5 * 2000 * 8;
    const perRep =
      typedBytes(() => {
        for (let r = 3; r < 8; r++) handle({ type: 'run', strategy: 0, replication: r, seed: 1 });
      }) / 5;
    expect(sent.filter((m) => m.type === 'result')).toHaveLength(8);
    // What is left is the event list (98 KB) and a few small columns: less than the series alone
    // (statistics, patients and series were over 500 KB a replication when allocated afresh).
    expect(perRep).toBeLessThan(seriesBytes);
  });
});
