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
