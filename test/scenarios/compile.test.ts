import { describe, it, expect } from 'vitest';
import { loadScenarioText, ScenarioError } from '../../scenarios/index.js';
import type { Model } from '../../engine/model.js';
import { DAY, YEAR } from '../../engine/index.js';

const ICS = `
caresim: 1
name: Compile test
time: { horizon: 365 days, warmup: 90 days, start: 2027-01-04 }
params:
  acute_beds: 2150
population:
  growth: 0.8%/year
  seasonality: { peak: 2027-01-15, amplitude: 15% }
  cohorts:
    well:  { people: 1000000, crisis: 0.05/year, death: 0.5%/year, becomes: { frail: 1.5%/year } }
    frail: { people: 30000, crisis: 1.5/year, death: 15%/year }
arrivals:
  crises: { from: population, to: { ucr: 35%, ed: rest } }
  walk_ins: { rate: 150/day, profile: weekday, to: ed, cohort: { frail: 20%, well: rest } }
  clinic: { timetable: { times: [08:00, 14:00], every: 1 day }, to: ed, cohort: well }
units:
  ucr:   { kind: team, capacity: 24, service: lognormal(3 hours, 1.5 hours), target: 2 hours, patience: 2 hours, overflow: ed, next: { home: 75%, ed: rest } }
  ed:    { kind: front, service: 4 hours, next: { acute: { default: 30%, frail: 55% }, home: rest } }
  acute: { kind: beds, capacity: acute_beds, los: { default: lognormal(6 days, 7 days), frail: lognormal(11 days, 12 days) },
           discharge: { hours: 08:00-20:00, weekend: 60% }, handoff: { p1: exponential(1 day) },
           next: { home: 50%, p1: 40%, death: rest }, cost: 345/day, cost_delayed: 395/day, cost_contact: 1200 }
  p1:    { kind: homecare, capacity: 1100, los: 5 weeks, queue: none, full: ed, next: home, cost: 60/day }
  rehab: { kind: beds, role: p2, capacity: { base: 40, changes: [{ from: 2027-11-01, to: 2028-03-31, capacity: 50 }] }, los: 20 days, queue: 5 }
  team2: { kind: team, capacity: { base: 2, roster: [{ days: mon-fri, hours: 08:00-20:00, capacity: 6 }] }, service: 1 hour, patience: exponential(1 hour) }
`;

function model(text = ICS): Model {
  return loadScenarioText(text, 'ics.yaml').strategies[0].model;
}
const unit = (m: Model, name: string) => m.units.find((u) => u.name === name)!;

describe('compileScenario via loadScenarioText(text, file)', () => {
  const m = model();

  it('converts time to minutes and places t = 0 in the week', () => {
    expect(m.horizon).toBe(365 * DAY);
    expect(m.warmup).toBe(90 * DAY);
    const t0 = new Date(Date.UTC(2027, 0, 4) - 90 * DAY * 60_000);
    const mondayBased = (t0.getUTCDay() + 6) % 7;
    expect(m.weekOffset).toBe(mondayBased * DAY);
    expect(m.daily).toBe(true);
    expect(m.monitor).toBe(true);
  });

  it('compiles the population: rates per minute, moves, growth and the seasonal peak', () => {
    expect(m.cohorts.map((c) => c.name)).toEqual(['well', 'frail']);
    expect(m.cohorts[0].crisis).toBeCloseTo(0.05 / YEAR, 15);
    expect(m.cohorts[1].death).toBeCloseTo(0.15 / YEAR, 15);
    expect(m.cohorts[0].becomes).toEqual([{ to: 1, rate: expect.closeTo(0.015 / YEAR, 15) }]);
    expect(m.population!.growth).toBeCloseTo(0.008 / YEAR, 15);
    expect(m.season!.amplitude).toBe(0.15);
    expect(m.season!.peak).toBe((90 + 11) * DAY);
  });

  it('makes one population source per cohort and plain sources with mix, profile and timetable', () => {
    const pop = m.sources.filter((s) => s.cohort >= 0);
    expect(pop.map((s) => s.cohort)).toEqual([0, 1]);
    expect(pop.every((s) => s.seasonal)).toBe(true);
    const ucr = m.units.findIndex((u) => u.name === 'ucr'),
      ed = m.units.findIndex((u) => u.name === 'ed');
    expect(pop[0].to[0]).toEqual({ dest: [ucr, ed], cum: [0.35, 1] });
    const walk = m.sources.find((s) => s.name === 'walk_ins')!;
    expect(walk.rate).toBeCloseTo(150 / DAY, 12);
    expect(walk.seasonal).toBe(false);
    expect(walk.cohortMix).toEqual([0.8, 1]);
    expect(walk.profile).toHaveLength(168);
    expect(walk.profile!.reduce((a, b) => a + b, 0) / 168).toBeCloseTo(1, 12);
    expect(walk.profile![0]).toBeGreaterThan(walk.profile![24 * 5]); // Monday above Saturday
    const clinic = m.sources.find((s) => s.name === 'clinic')!;
    expect(clinic.timetable).toEqual({ times: [8 * 60, 14 * 60], period: DAY });
    expect(clinic.cohortMix).toEqual([1, 1]);
  });

  it('compiles units: roles, capacities, queues, routes per cohort, hand-offs and costs', () => {
    const acute = unit(m, 'acute');
    expect(acute.role).toBe('acute');
    expect(acute.capacity).toBe(2150);
    expect(acute.service[1]).toEqual({ kind: 'lognormal', mean: 11 * DAY, sd: 12 * DAY });
    expect(acute.cost).toBeCloseTo(345, 9);
    expect(acute.costDelayed).toBeCloseTo(395, 9);
    expect(acute.costContact).toBe(1200);
    const p1 = m.units.findIndex((u) => u.name === 'p1');
    expect(Object.keys(acute.handoff)).toEqual([String(p1)]);
    expect(acute.handoff[String(p1)]).toEqual({ kind: 'exponential', mean: DAY });
    const death = m.exits.indexOf('death');
    expect(m.deathExits).toEqual([death]);
    expect(acute.next[0].dest).toContain(-death - 1);
    const ed = unit(m, 'ed');
    const acuteIx = m.units.indexOf(acute);
    expect(ed.capacity).toBe(Infinity);
    expect(ed.next[0]).toEqual({ dest: [acuteIx, -m.exits.indexOf('home') - 1], cum: [0.3, 1] });
    expect(ed.next[1].cum[0]).toBeCloseTo(0.55, 12);
    expect(unit(m, 'p1').queue).toBe(0);
    expect(unit(m, 'p1').full).toBe(m.units.indexOf(ed));
    expect(unit(m, 'p1').service[0]).toEqual({ kind: 'fixed', value: 35 * DAY });
    expect(acute.queue).toBe(Infinity);
    expect(unit(m, 'rehab').role).toBe('p2');
    expect(unit(m, 'rehab').queue).toBe(5);
    expect(unit(m, 'rehab').next[0]).toEqual({ dest: [-m.exits.indexOf('home') - 1], cum: [1] });
  });

  it('compiles team keys: target, fixed or random patience, overflow or a reneged exit', () => {
    const ucr = unit(m, 'ucr');
    expect(ucr.role).toBe('ucr');
    expect(ucr.target).toBe(120);
    expect(ucr.patience).toEqual({ kind: 'fixed', value: 120 });
    expect(ucr.overflow).toBe(m.units.findIndex((u) => u.name === 'ed'));
    const t2 = unit(m, 'team2');
    expect(t2.patience).toEqual({ kind: 'exponential', mean: 60 });
    expect(t2.overflow).toBe(-1);
    expect(m.exits).toContain('reneged');
  });

  it('compiles discharge windows to 168 hourly flags', () => {
    const d = unit(m, 'acute').discharge!;
    expect(d.weekend).toBe(0.6);
    expect(d.open).toHaveLength(168);
    expect(d.open.reduce((a, b) => a + b, 0)).toBe(12 * 7);
    expect(d.open.slice(0, 24)).toEqual([...Array(8).fill(0), ...Array(12).fill(1), ...Array(4).fill(0)]);
  });

  it('compiles dated capacity changes to breakpoints on the right day', () => {
    const s = unit(m, 'rehab').schedule!;
    const t0 = Date.UTC(2027, 0, 4) / 60_000 - 90 * DAY;
    const from = Date.UTC(2027, 10, 1) / 60_000 - t0;
    const to = Date.UTC(2028, 3, 1) / 60_000 - t0; // the day after 2028-03-31
    expect(s).toEqual({ at: [0, from], cap: [40, 50] });
    expect(to).toBeGreaterThan(m.warmup + m.horizon); // the change outlasts the run
    expect(unit(m, 'rehab').capacity).toBe(50);
  });

  it('compiles a weekly roster: weekdays 08:00-20:00 at 6, otherwise 2', () => {
    const s = unit(m, 'team2').schedule!;
    const capAt = (t: number) => s.cap[s.at.filter((a) => a <= t).length - 1];
    const mondayOffset = (7 * DAY - m.weekOffset) % (7 * DAY); // first Monday 00:00 after t = 0
    expect(capAt(mondayOffset + 7 * 60)).toBe(2);
    expect(capAt(mondayOffset + 8 * 60)).toBe(6);
    expect(capAt(mondayOffset + 19 * 60 + 59)).toBe(6);
    expect(capAt(mondayOffset + 20 * 60)).toBe(2);
    expect(capAt(mondayOffset + 5 * DAY + 12 * 60)).toBe(2); // Saturday noon
    expect(s.at.every((a, i) => i === 0 || a > s.at[i - 1])).toBe(true);
  });

  it('without a population has one cohort `default` with no people, and `next` defaults to home', () => {
    const mm = model(
      'caresim: 1\ntime: { horizon: 10 days }\narrivals: { a: { rate: 1/day, to: w } }\nunits: { w: { kind: beds, capacity: 2, los: 1 day } }\n',
    );
    expect(mm.cohorts).toEqual([{ name: 'default', people: 0, crisis: 0, death: 0, becomes: [] }]);
    expect(mm.population).toBeNull();
    expect(mm.season).toBeNull();
    expect(mm.exits).toEqual(['home']);
    expect(mm.units[0].next).toEqual([{ dest: [-1], cum: [1] }]);
    expect(mm.units[0].role).toBe('other');
  });

  it('throws a ScenarioError holding every diagnostic', () => {
    let err: unknown;
    try {
      loadScenarioText(
        'caresim: 1\ntime: { horizon: 10 }\narrivals: { a: { rate: 1/day, to: w } }\nunits: { w: { kind: beds, capacity: 2 days, los: 1 day } }\n',
        'x.yaml',
      );
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ScenarioError);
    const e = err as ScenarioError;
    expect(e.code).toBe('SCENARIO_INVALID');
    expect(e.diagnostics.map((d) => [d.code, d.path])).toEqual([
      ['missing-unit', 'time.horizon'],
      ['wrong-dimension', 'units.w.capacity'],
    ]);
    expect(e.diagnostics[1].message).toBe('capacity expects a count, got `2 days` (a duration)');
  });
});

describe('the compiled ICS model in the engine', () => {
  it('simulate(model) accepts population, schedules, rosters, windows and timetables', async () => {
    const { simulate } = await import('../../engine/index.js');
    const sc = loadScenarioText(ICS, 'ics.yaml', { set: ['time.horizon=3 days', 'time.warmup=1 day'] });
    const r = simulate(sc.strategies[0].model, { seed: 1, replication: 0 });
    expect(r.conservation.entered).toBe(r.conservation.left + r.conservation.inSystem);
    expect(Object.keys(r.units).sort()).toEqual(['acute', 'ed', 'p1', 'rehab', 'team2', 'ucr']);
    expect(r.units.ed.arrivals_per_day).toBeGreaterThan(100);
  });
});

describe('the browser entry (scenarios/browser.ts)', () => {
  it('loads a scenario without Node APIs', async () => {
    const b = await import('../../scenarios/browser.js');
    expect(b.loadScenarioText(ICS, 'ics.yaml').strategies[0].model.units.length).toBe(6);
  });
});

describe('routes with `rest` per cohort (loadScenarioText)', () => {
  it('lets `rest` differ by cohort', () => {
    const m = loadScenarioText(
      `caresim: 1
time: { horizon: 10 days }
population:
  cohorts:
    a: { people: 100, crisis: 1/year }
    b: { people: 100, crisis: 1/year }
arrivals: { c: { from: population, to: x } }
units:
  x: { kind: beds, capacity: 10, los: 1 day, next: { y: { default: 20%, b: rest }, home: { default: rest, b: 10% } } }
  y: { kind: beds, capacity: 10, los: 1 day }
`,
      's.yaml',
    ).strategies[0].model;
    expect(m.units[0].next[0].cum).toEqual([0.2, 1]);
    expect(m.units[0].next[1].cum[0]).toBeCloseTo(0.9, 12);
  });
});

describe('a warm-up that is not whole days', () => {
  // The engine's days run from t = 0, and the results label them with the calendar's dates
  // from midnight of time.start: t = 0 must fall on a midnight.
  it.each([
    ['20.5 days', 21],
    ['3 months', 92],
    ['36 hours', 2],
    ['2 weeks', 14],
    ['1 minute', 1],
  ])('rounds %s up to whole days (%d), so t = 0 is a midnight', (text, days) => {
    const sc = loadScenarioText(ICS, 'ics.yaml', { set: [`time.warmup=${text}`] });
    const m = sc.strategies[0].model;
    expect(m.warmup).toBe(days * DAY);
    expect(sc.warmupDays).toBe(days);
    expect(m.weekOffset % DAY).toBe(0);
  });

  it('gives the same results as the whole days it rounds to', async () => {
    const { simulate } = await import('../../engine/index.js');
    const run = (w: string) => {
      const sc = loadScenarioText(ICS, 'ics.yaml', { set: ['time.horizon=4 days', `time.warmup=${w}`] });
      return simulate(sc.strategies[0].model, { seed: 3, replication: 0 });
    };
    expect(run('1.5 days')).toEqual(run('2 days'));
  });
});
