/**
 * Arbitrary small models for property tests: 1-4 units of every kind, queues of every rule,
 * diverts, re-routes when the next unit is full, loops, hand-offs, discharge windows, schedules, patience with overflow, all three
 * priority rules, Poisson and timetable sources. Short runs, so hundreds fit in a second.
 */
import fc from 'fast-check';
import { buildModel, DAY, HOUR } from '../../engine/index.js';
import type { Dist, Model, UnitInput, SourceInput } from '../../engine/index.js';

const NAMES = ['u0', 'u1', 'u2', 'u3'];

const dist = (lo: number, hi: number): fc.Arbitrary<Dist> =>
  fc.oneof(
    fc.integer({ min: lo, max: hi }).map((v): Dist => ({ kind: 'fixed', value: v })),
    fc.integer({ min: lo, max: hi }).map((m): Dist => ({ kind: 'exponential', mean: m })),
    fc.integer({ min: lo, max: hi }).map((m): Dist => ({ kind: 'lognormal', mean: m, sd: m / 2 })),
  );

function unitArb(n: number): fc.Arbitrary<UnitInput> {
  const dest = fc.constantFrom(...NAMES.slice(0, n), 'home', 'death');
  return fc
    .record({
      kind: fc.constantFrom('beds', 'homecare', 'team', 'front' as const),
      capacity: fc.integer({ min: 0, max: 4 }),
      schedule: fc.option(fc.tuple(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 1, max: 40 })), {
        nil: undefined,
      }),
      service: dist(5, 8 * HOUR),
      queue: fc.constantFrom(0, 1, 3, Infinity),
      full: fc.option(fc.constantFrom(...NAMES.slice(0, n)), { nil: undefined }),
      next: fc.array(fc.tuple(dest, fc.integer({ min: 1, max: 5 })), { minLength: 1, maxLength: 3 }),
      handoff: fc.option(fc.tuple(dest, dist(1, 6 * HOUR)), { nil: undefined }),
      ifFull: fc.option(fc.tuple(fc.constantFrom(...NAMES.slice(0, n)), dest), { nil: undefined }),
      discharge: fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 1, max: 24 }), fc.constantFrom(0, 0.5, 1)), {
        nil: undefined,
      }),
      patience: fc.option(dist(1, 3 * HOUR), { nil: undefined }),
      overflow: fc.option(fc.constantFrom(...NAMES.slice(0, n)), { nil: undefined }),
      priority: fc.constantFrom('fifo', 'queue-first', 'blocked-first' as const),
    })
    .map((u) => {
      const next: Record<string, number> = { home: 1 }; // always a way out
      for (const [d, w] of u.next) next[d] = (next[d] ?? 0) + w;
      const total = Object.values(next).reduce((a, b) => a + b, 0);
      for (const k of Object.keys(next)) next[k] /= total;
      const out: UnitInput = {
        kind: u.kind,
        capacity: u.kind === 'front' ? Infinity : u.capacity,
        service: u.service,
        queue: u.queue,
        full: u.full,
        next,
        priority: u.priority,
      };
      if (u.schedule && u.kind !== 'front') out.schedule = { at: [0, u.schedule[2] * HOUR], cap: [u.schedule[0], u.schedule[1]] };
      if (u.handoff && u.handoff[0] in next) out.handoff = { [u.handoff[0]]: u.handoff[1] };
      if (u.ifFull && u.ifFull[0] in next) out.ifFull = { [u.ifFull[0]]: u.ifFull[1] };
      if (u.discharge) {
        const [from, len, weekend] = u.discharge;
        out.discharge = { open: Array.from({ length: 168 }, (_, h) => (((h % 24) - from + 24) % 24 < len ? 1 : 0)), weekend };
      }
      if (u.kind === 'team' && u.patience) {
        out.patience = u.patience;
        out.overflow = u.overflow;
        out.target = 2 * HOUR;
      }
      return out;
    });
}

const sourceArb = (n: number): fc.Arbitrary<SourceInput> =>
  fc.oneof(
    fc.record({ rate: fc.integer({ min: 1, max: 40 }).map((r) => r / DAY), to: fc.constantFrom(...NAMES.slice(0, n)) }),
    fc.record({
      to: fc.constantFrom(...NAMES.slice(0, n)),
      timetable: fc
        .uniqueArray(fc.integer({ min: 0, max: 23 * 60 }), { minLength: 1, maxLength: 6 })
        .map((ts) => ({ times: ts.sort((a, b) => a - b), period: DAY })),
    }),
  );

export const modelArb: fc.Arbitrary<Model> = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc
    .record({
      units: fc.tuple(...NAMES.slice(0, n).map(() => unitArb(n))),
      sources: fc.array(sourceArb(n), { minLength: 1, maxLength: 2 }),
      weekOffset: fc.integer({ min: 0, max: 7 * DAY - 1 }),
      warmup: fc.constantFrom(0, 0.5 * DAY, DAY),
    })
    .map(({ units, sources, weekOffset, warmup }) =>
      buildModel({
        horizon: 4 * DAY,
        warmup,
        weekOffset,
        daily: true,
        units: Object.fromEntries(units.map((u, i) => [NAMES[i], u])),
        sources: Object.fromEntries(sources.map((s, i) => [`s${i}`, s])),
      }),
    ),
);
