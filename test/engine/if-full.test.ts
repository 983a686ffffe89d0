import { describe, it, expect } from 'vitest';
import { simulate, buildModel, fixed } from '../../engine/index.js';
import type { TraceEvent } from '../../engine/model.js';

// A team whose patients need a one-bed step-up unit: with `ifFull`, the second patient goes
// to ED at once instead of holding a responder until the bed frees.
function run(ifFull: boolean): TraceEvent[] {
  const model = buildModel({
    horizon: 100,
    units: {
      ucr: { kind: 'team', capacity: 2, service: fixed(1), next: { stepup: 1 }, ifFull: ifFull ? { stepup: 'ed' } : undefined },
      stepup: { capacity: 1, service: fixed(50), queue: 0, next: { home: 1 } },
      ed: { kind: 'front', service: fixed(4), next: { home: 1 } },
    },
    sources: { calls: { to: 'ucr', timetable: { times: [0, 0], period: 1000 } } },
  });
  const trace: TraceEvent[] = [];
  simulate(model, { seed: 1, replication: 0, trace: (e) => trace.push(e) });
  return trace;
}

const steps = (t: TraceEvent[], p: number) =>
  t.filter((e) => e.patient === p).map((e) => `${e.time} ${e.what} ${e.unit}${e.detail !== undefined ? ' ' + e.detail : ''}`);

describe('simulate(model) with Unit.ifFull', () => {
  it('re-routes a patient whose destination is full instead of blocking', () => {
    expect(steps(run(true), 1)).toEqual([
      '0 arrive ucr',
      '0 admit ucr',
      '1 service-end ucr stepup',
      '1 divert ucr ed',
      '1 depart ucr',
      '1 arrive ed',
      '1 admit ed',
      '5 service-end ed home',
      '5 depart ed',
      '5 exit ed home',
    ]);
  });

  it('without it, the patient keeps the responder until the bed frees (blocking after service)', () => {
    expect(steps(run(false), 1)).toEqual([
      '0 arrive ucr',
      '0 admit ucr',
      '1 service-end ucr stepup',
      '1 blocked ucr stepup',
      '51 depart ucr',
      '51 arrive stepup',
      '51 admit stepup',
    ]);
  });
});
