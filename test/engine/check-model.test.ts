import { describe, it, expect } from 'vitest';
import { buildModel, exponential, simulate, SimulationError, DAY } from '../../engine/index.js';
import type { Model } from '../../engine/index.js';
import { checkModel } from '../../engine/check-model.js';

function good(): Model {
  return buildModel({
    horizon: 10 * DAY,
    units: {
      acute: { capacity: 5, service: exponential(DAY), next: { rehab: 0.5, home: 0.5 } },
      rehab: { capacity: 2, queue: 0, service: exponential(DAY), next: { home: 1 } },
    },
    sources: { a: { rate: 1 / DAY, to: 'acute' } },
  });
}

function expectBadModel(mutate: (m: Model) => void, unit: string | null, message: RegExp): void {
  const m = good();
  mutate(m);
  let err: unknown;
  try {
    checkModel(m);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(SimulationError);
  const se = err as SimulationError;
  expect(se.code).toBe('BAD_MODEL');
  expect(se.unit).toBe(unit);
  expect(se.message).toMatch(message);
  if (unit) expect(se.message).toContain(`unit ${unit}`);
  // simulate() guards its door with the same check.
  expect(() => simulate(m, { seed: 1, replication: 0 })).toThrow(SimulationError);
}

describe('checkModel(model)', () => {
  it('accepts a well-formed model', () => {
    expect(() => checkModel(good())).not.toThrow();
  });

  it('rejects bad run lengths', () => {
    expectBadModel(
      (m) => {
        m.horizon = 0;
      },
      null,
      /horizon/,
    );
    expectBadModel(
      (m) => {
        m.warmup = -1;
      },
      null,
      /warmup/,
    );
  });

  it('names the unit for bad capacity, queue, distributions, routes, windows and schedules', () => {
    expectBadModel(
      (m) => {
        m.units[1].capacity = -1;
      },
      'rehab',
      /capacity/,
    );
    expectBadModel(
      (m) => {
        m.units[0].queue = NaN;
      },
      'acute',
      /queue/,
    );
    expectBadModel(
      (m) => {
        m.units[0].service = [{ kind: 'exponential', mean: -1 }];
      },
      'acute',
      /service: exponential mean/,
    );
    expectBadModel(
      (m) => {
        m.units[1].service = [];
      },
      'rehab',
      /one distribution per cohort/,
    );
    expectBadModel(
      (m) => {
        m.units[0].handoff = { '1': { kind: 'uniform', min: 3, max: 1 } };
      },
      'acute',
      /handoff/,
    );
    expectBadModel(
      (m) => {
        m.units[0].patience = { kind: 'erlang', mean: 1, k: 0.5 };
      },
      'acute',
      /patience/,
    );
    expectBadModel(
      (m) => {
        m.units[0].next = [{ dest: [1, -1], cum: [0.5, 0.9] }];
      },
      'acute',
      /add up to 1/,
    );
    expectBadModel(
      (m) => {
        m.units[0].next = [{ dest: [7], cum: [1] }];
      },
      'acute',
      /neither a unit nor an exit/,
    );
    expectBadModel(
      (m) => {
        m.units[0].next = [{ dest: [], cum: [] }];
      },
      'acute',
      /destinations/,
    );
    expectBadModel(
      (m) => {
        m.units[1].full = 9;
      },
      'rehab',
      /full\/overflow/,
    );
    expectBadModel(
      (m) => {
        m.units[0].discharge = { open: [1, 1], weekend: 1 };
      },
      'acute',
      /168/,
    );
    expectBadModel(
      (m) => {
        m.units[0].schedule = { at: [0, 10], cap: [1] };
      },
      'acute',
      /schedule/,
    );
    expectBadModel(
      (m) => {
        m.units[0].schedule = { at: [0, 20, 10], cap: [1, 2, 3] };
      },
      'acute',
      /increasing order/,
    );
  });

  it('rejects bad sources without naming a unit', () => {
    expectBadModel(
      (m) => {
        m.sources[0].rate = Infinity;
      },
      null,
      /source a: rate/,
    );
    expectBadModel(
      (m) => {
        m.sources[0].profile = [1];
      },
      null,
      /profile needs 168/,
    );
    expectBadModel(
      (m) => {
        m.sources[0].cohort = 3;
      },
      null,
      /cohort 3 does not exist/,
    );
    expectBadModel(
      (m) => {
        m.sources[0].timetable = { times: [1], period: 0 };
      },
      null,
      /period/,
    );
    expectBadModel(
      (m) => {
        m.sources[0].to = [];
      },
      null,
      /one route per cohort/,
    );
  });
});

describe('simulate(model, opts) with a sample that is not a duration', () => {
  it('throws SimulationError BAD_SAMPLE naming the unit and the time', () => {
    // Weibull with shape 0.01 and scale 1e300 passes the parameter check, but scale * E^100
    // overflows to Infinity for any exponential draw E > 1.1 (probability about 1/3 per draw).
    const m = buildModel({
      horizon: 100 * DAY,
      units: { ward: { capacity: Infinity, service: { kind: 'weibull', shape: 0.01, scale: 1e300 }, next: { home: 1 } } },
      sources: { a: { rate: 10 / DAY, to: 'ward' } },
    });
    let err: unknown;
    try {
      simulate(m, { seed: 3, replication: 0 });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SimulationError);
    const se = err as SimulationError;
    expect(se.code).toBe('BAD_SAMPLE');
    expect(se.unit).toBe('ward');
    expect(se.time).toBeGreaterThanOrEqual(0);
    expect(se.time).toBeLessThan(100 * DAY);
    expect(se.message).toMatch(/Infinity.*unit ward/);
  });
});
