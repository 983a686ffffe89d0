import { describe, it, expect } from 'vitest';
import { buildModel, fixed, simulate, DAY, HOUR } from '../../engine/index.js';

const timetable = (times: number[]) => ({ times, period: 1e9 });
const run = (m: ReturnType<typeof buildModel>) => simulate(m, { seed: 1, replication: 0 });

describe('systemKpis(state, result) on deterministic models', () => {
  it('costs: occupied place-days, delayed place-days and contacts', () => {
    // One patient: acute 0-60 min treated, 60-90 min hand-off (delayed), horizon 300 min.
    // (60 min x 300/day + 30 min x 400/day) / 300 min + 1 contact x 50 / (300/1440 days)
    // = (18000 + 12000) / 300 + 240 = 340 per day.
    const m = buildModel({
      horizon: 300,
      daily: false,
      units: {
        acute: {
          role: 'acute',
          capacity: 1,
          service: fixed(60),
          next: { p1: 1 },
          handoff: { p1: fixed(30) },
          cost: 300,
          costDelayed: 400,
          costContact: 50,
        },
        p1: { kind: 'homecare', role: 'p1', capacity: 1, queue: 0, service: fixed(1000), next: { home: 1 } },
      },
      sources: { x: { to: 'acute', timetable: timetable([0]) } },
    });
    const r = run(m);
    expect(r.units.acute.cost_per_day).toBeCloseTo(340, 9);
    expect(r.units.acute.delayed_cost_per_day).toBeCloseTo(40, 9);
    expect(r.kpis.cost_per_day).toBeCloseTo(340, 9); // p1 has no cost
    expect(r.kpis.delayed_cost_per_day).toBeCloseTo(40, 9);
    expect(r.kpis.p1_utilisation).toBeCloseTo(210 / 300, 12);
  });

  it('12-hour waits from arrival at a front unit to an acute admission, and days above 92% / 95%', () => {
    // ED fixed 13 h, then acute (1 bed, 2.5 days). Arrivals at 0 and at 2 days.
    // p0 admitted at 13 h (a 12-hour breach); p1 done in ED at 61 h but the bed is taken until
    // 73 h: admitted at 73 h (also a breach, 25 h after arrival) and still there at the end.
    const m = buildModel({
      horizon: 5 * DAY,
      daily: true,
      units: {
        ed: { kind: 'front', role: 'ed', service: fixed(13 * HOUR), next: { acute: 1 } },
        acute: { role: 'acute', capacity: 1, queue: 0, service: fixed(2.5 * DAY), next: { home: 1 } },
      },
      sources: { x: { to: 'ed', timetable: timetable([0, 2 * DAY]) } },
    });
    const r = run(m);
    expect(r.kpis.waits_12h_per_day).toBeCloseTo(2 / 5, 12);
    // Acute busy from 13 h to the end (120 h): day 0 = 11/24, days 1-4 full.
    expect(Array.from(r.daily.acute.occupancy, (x) => +x.toFixed(9))).toEqual([11 / 24, 1, 1, 1, 1].map((x) => +x.toFixed(9)));
    expect(r.kpis.acute_days_above_92).toBeCloseTo(4 / 5, 12);
    expect(r.kpis.acute_days_above_95).toBeCloseTo(4 / 5, 12);
    expect(r.kpis.acute_occupancy).toBeCloseTo((120 - 13) / 120, 12);
    expect(r.kpis.admissions_per_day).toBeCloseTo(2 / 5, 12);
    // Acute has no queue, so p1 waited for the bed in its ED place (blocked) from 61 h to 73 h.
    expect(r.units.ed.blocked_mean).toBeCloseTo(12 / 120, 12);
    expect(r.kpis.acute_waiting_mean).toBeCloseTo(12 / 120, 12);
  });
});
