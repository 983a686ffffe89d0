import { describe, it, expect } from 'vitest';
import { analyseScenario, loadScenarioText } from '../../scenarios/index.js';
import { simulate } from '../../engine/index.js';

const BASE = `
caresim: 1
name: Staff test
time: { horizon: 120 days, warmup: 20 days, start: 2027-01-04 }
staff:
  carers:
    establishment: 100          # WTE
    vacancy: 10%
    agency: 50%                 # half the vacancies filled by agency carers
    agency_premium: 60%
    leave: 15%
    absence: 5%
    hours: 37.5 hours
    contact: 60%
    cost: 30000/year
  therapists: { establishment: 12, absence: uniform(2%, 8%) }
arrivals:
  adm: { rate: 6/day, to: acute }
units:
  acute: { kind: beds, capacity: 60, los: exponential(5 days), next: { p1: 60%, p2: 20%, home: rest } }
  p1:    { kind: homecare, los: exponential(20 days), queue: none, next: home,
           staff: { group: carers, visits: 3/day, visit: 40 minutes, travel: 15 minutes } }
  p2:    { kind: beds, capacity: 30, los: exponential(14 days), queue: none, next: home,
           staff: { group: therapists, share: 70%, per_place: 2 hours } }
`;

const diagnostics = (text: string, set: string[] = []) => analyseScenario(text, 's.yaml', { set }).diagnostics;
const errors = (text: string, set: string[] = []) => diagnostics(text, set).filter((d) => d.severity === 'error');

describe('staff groups via loadScenarioText(text, file)', () => {
  it('loadScenarioText(staff + units.<u>.staff) gives the places of the hand calculation', () => {
    const loaded = loadScenarioText(BASE, 's.yaml');
    const m = loaded.strategies[0].model;
    // Carers: 100 x 90% in post + 100 x 10% x 50% agency = 95 WTE; x (1 - 15% - 5%) = 76 available;
    // 76 x 37.5 h / 7 x 60% = 244.29 contact hours a day; a package needs 3 x (40 + 15) min = 2.75 h: 88.8 -> 88.
    const hand = Math.floor((76 * (37.5 / 7) * 0.6) / 2.75);
    expect(hand).toBe(88);
    const carers = m.staff![0];
    expect(carers.wte).toBeCloseTo(95, 12);
    expect(carers.costPerDay).toBeCloseTo(((90 + 5 * 1.6) * 30000) / 365, 9);
    const p1 = m.units.find((u) => u.name === 'p1')!;
    expect(p1.capacity).toBe(Infinity);
    expect(p1.staffing).toEqual({ group: 0, share: 1, perPlace: 165 });
    const r = simulate(m, { seed: 1, replication: 0 });
    expect(r.units.p1.capacity_mean).toBe(hand);
    expect(r.units.p1.staff_hours_per_day).toBeCloseTo(76 * (37.5 / 7) * 0.6, 9);
    expect(r.units.p1.staff_cost_per_day).toBeCloseTo(((90 + 5 * 1.6) * 30000) / 365, 9);
    expect(r.kpis.staff_cost_per_day).toBeCloseTo(((90 + 5 * 1.6) * 30000) / 365, 9);
    // Establishment with no vacancy and nobody off sick: 100 x 85% x 37.5/7 x 60% / 2.75 = 99.4 -> 99 places.
    expect(r.units.p1.places_lost_per_day).toBeCloseTo(99 - hand, 12);
    // P2: 12 WTE x (1 - 5% mean absence) x 37.5 h / 7 x 70% / 2 h = 21.375 beds on average, of 30 funded.
    expect(r.units.p2.capacity_mean).toBeGreaterThan(19);
    expect(r.units.p2.capacity_mean).toBeLessThan(23);
  });

  it("analyseScenario(funded places above what staff cover) warns `understaffed` at the unit's staff key, with the WTE that would cover them", () => {
    const d = diagnostics(BASE).filter((x) => x.code === 'understaffed');
    expect(d).toHaveLength(1);
    expect(d[0].path).toBe('units.p2.staff');
    expect(d[0].line).toBe(24);
    expect(d[0].message).toContain('21.37 of the 30 places');
    // 8.625 beds x 2 h / (70% x 95% x 37.5/7 h) per WTE = 4.8 -> 5 WTE.
    expect(d[0].hint).toContain('about 5 more WTE');
    expect(errors(BASE)).toHaveLength(0);
  });

  // Therapists at a fixed 5% absence: 12 x 95% x 37.5/7 h x 70% / 2 h = 21.375 places a day, every day.
  const FIXED = BASE.replace('absence: uniform(2%, 8%)', 'absence: 5%');
  const budget = (12 * 0.95 * (37.5 / 7) * 0.7) / 2;
  const perWte = budget / 12 / 0.95;
  const understaffed = (text: string) => diagnostics(text).filter((x) => x.code === 'understaffed');
  const p2Capacity = (text: string) =>
    simulate(loadScenarioText(text, 's.yaml').strategies[0].model, { seed: 1, replication: 0 }).units.p2.capacity_mean;

  it('analyseScenario(winter beds above what staff cover, a mean below it) warns `understaffed` with the share of time and the worst date', () => {
    // 18 beds, 30 in March: over the measured 2027-01-04 to 2027-05-03 the mean is 21.1 beds, under the 21.375 the
    // staff cover, but through March 8.6 beds have no staff. By the run's rule the staff cover 21.375 of March's 30.
    const text = FIXED.replace(
      'capacity: 30, los: exponential(14 days)',
      'capacity: { base: 18, changes: [{ from: 2027-03-01, to: 2027-03-31, capacity: 30 }] }, los: exponential(14 days)',
    );
    const d = understaffed(text);
    expect(d).toHaveLength(1);
    expect(d[0].path).toBe('units.p2.staff');
    const covered = (31 * budget + 89 * 18) / 120;
    expect(d[0].message).toContain(`staff cover about ${Number(covered.toPrecision(4))} of the 21.1 places of \`p2\` on average; `);
    expect(d[0].message).toContain(
      `fewer places than funded ${Number(((31 / 120) * 100).toPrecision(4))}% of the time, at worst ${Number(budget.toPrecision(4))} of 30 (from 2027-03-01)`,
    );
    // (30 - 21.375) / 1.78 places a WTE = 4.8 -> 5 WTE.
    expect(Math.ceil((30 - budget) / perWte)).toBe(5);
    expect(d[0].hint).toContain('about 5 more WTE working (in post or agency) would cover every funded place at all times');
    // What the run uses: March's places floored to 21, so within a place of the check's mean, and 2 below the funded mean.
    const run = p2Capacity(text);
    expect(run).toBeCloseTo((31 * 21 + 89 * 18) / 120, 9);
    expect(Math.abs(run - covered)).toBeLessThan(1);
  });

  it('analyseScenario(a staff roster thinner at night than the funded places) warns `understaffed` though the day mean covers them', () => {
    // 15 beds all week; 2 therapists on shift at night and at weekends, 6 on weekdays 08:00-18:00. A weekday's
    // contact time (21.375 places) is spread in proportion to the roster (mean 88/24): 11.66 places at night.
    const text = FIXED.replace('capacity: 30, los: exponential(14 days)', 'capacity: 15, los: exponential(14 days)').replace(
      '  therapists: { establishment: 12, absence: 5% }',
      '  therapists: { establishment: 12, absence: 5%, roster: { base: 2, shifts: [{ days: mon-fri, hours: 08:00-18:00, on: 6 }] } }',
    );
    expect(understaffed(FIXED.replace('capacity: 30, los: exponential(14 days)', 'capacity: 15, los: exponential(14 days)'))).toEqual([]);
    const d = understaffed(text);
    expect(d).toHaveLength(1);
    const night = (budget * 2) / (88 / 24);
    const weekday = (14 * night + 10 * 15) / 24;
    // The measured 120 days from Monday 2027-01-04 are 17 weeks and a Monday: 86 weekdays and 34 weekend days.
    const covered = (86 * weekday + 34 * 15) / 120;
    expect(d[0].message).toContain(`staff cover about ${Number(covered.toPrecision(4))} of the 15 places`);
    expect(d[0].message).toContain(
      `fewer places than funded ${Number((((86 * 14) / (120 * 24)) * 100).toPrecision(4))}% of the time, at worst ${Number(night.toPrecision(4))} of 15 (from 2027-01-04)`,
    );
    // Every night place needs 15 x (88/24) / 2 = 27.5 places' budget: 6.125 more / 1.78 a WTE = 3.4 -> 4 WTE.
    expect(d[0].hint).toContain('about 4 more WTE');
    const run = p2Capacity(text);
    expect(Math.abs(run - covered)).toBeLessThan(1);
    expect(15 - run).toBeGreaterThan(1);
  });

  it('analyseScenario(understaffed in the baseline and in strategies with other places or no share) warns each, dated on the calendar, with a hint that fits', () => {
    // A warm-up of 20.5 days, rounded up to 21: the run's days are the calendar's, midnight to midnight.
    const text = `
caresim: 1
time: { horizon: 120 days, warmup: 20.5 days, start: 2027-01-04 }
staff:
  therapists: { establishment: 12, absence: 5%, roster: { base: 2, shifts: [{ days: mon-fri, hours: 08:00-18:00, on: 6 }] } }
arrivals: { adm: { rate: 6/day, to: acute } }
units:
  acute: { kind: beds, capacity: 60, los: exponential(5 days), next: { p2: 20%, home: rest } }
  p2:    { kind: beds, capacity: 15, los: exponential(14 days), queue: none, next: home, staff: { group: therapists, share: 70%, per_place: 2 hours } }
strategies:
  more-beds: { set: { units.p2.capacity: 16 } }
  no-share: { set: { units.p2.staff.share: 0% } }
`;
    const d = understaffed(text);
    expect(d.map((x) => /of the (\d+) places of `p2`( in strategy `[^`]+`)?/.exec(x.message)!.slice(1))).toEqual([
      ['15', undefined],
      ['16', ' in strategy `more-beds`'],
      ['15', ' in strategy `no-share`'],
    ]);
    // The measured period opens at midnight on Monday 2027-01-04 with 2 on shift until 08:00: the worst
    // is from its first moment (half a day later, 18:00, when the warm-up was not rounded).
    expect(d[0].message).toContain(`at worst ${Number(((budget * 2) / ((10 * 6 + 14 * 2) / 24)).toPrecision(4))} of 15 (from 2027-01-04)`);
    expect(d[2].hint).toBe("this unit has a `share` of 0% of the group: give it a share of the group's time");
    const off = understaffed(
      FIXED.replace('  therapists: { establishment: 12, absence: 5% }', '  therapists: { establishment: 12, leave: 60%, absence: 50% }'),
    );
    expect(off[0].hint).toBe("leave (60%) and mean absence (50%) take all of the group's time: check `leave` and `absence`");
  });

  it('analyseScenario(shares of one group above 100%) is an error `staff-overcommitted`: the same hours never staff two units', () => {
    const text = BASE.replace(
      'per_place: 2 hours } }',
      'per_place: 2 hours } }\n  vw: { kind: beds, role: virtual, capacity: 10, los: 3 days, next: home, staff: { group: therapists, share: 40%, per_place: 1 hour } }',
    );
    const e = errors(text);
    expect(e.map((x) => x.code)).toEqual(['staff-overcommitted']);
    expect(e[0].message).toContain('add up to 110%');
    expect(e[0].path).toBe('units.vw.staff.share');
  });

  it('analyseScenario(bad staff keys) reports each with its location, key and a hint', () => {
    const text = BASE.replace('group: carers', 'group: carer')
      .replace('absence: uniform(2%, 8%)', 'absence: uniform(2 days, 8 days)')
      .replace('    contact: 60%', '    contatc: 60%');
    const e = errors(text);
    const byCode = Object.fromEntries(e.map((x) => [x.code, x]));
    expect(byCode['unknown-staff'].path).toBe('units.p1.staff.group');
    expect(byCode['unknown-staff'].hint).toBe('did you mean `carers`?');
    expect(byCode['unknown-staff'].message).toBe('`carer` is not a staff group');
    expect(byCode['wrong-dimension'].path).toBe('staff.therapists.absence');
    expect(byCode['unknown-key'].path).toBe('staff.carers.contatc');
    expect(byCode['unknown-key'].line).toBe(14);
  });

  it('analyseScenario(a staffed unit without per_place, or with both ways of saying it) says what is missing', () => {
    expect(errors(BASE.replace(', per_place: 2 hours', '')).map((x) => [x.code, x.path])).toEqual([
      ['missing-key', 'units.p2.staff.per_place'],
    ]);
    expect(errors(BASE.replace('per_place: 2 hours', 'per_place: 2 hours, visits: 1/day')).map((x) => x.code)).toEqual([
      'duplicate-meaning',
    ]);
    expect(errors(BASE.replace('establishment: 12, ', '')).map((x) => [x.code, x.path])).toEqual([
      ['missing-key', 'staff.therapists.establishment'],
    ]);
  });

  it('strategies and --set change staff by key path: fewer vacancies and less travel buy places', () => {
    const text = `${BASE}strategies:
  fill-vacancies: { set: { staff.carers.agency: 100% } }
  less-travel: { set: { units.p1.staff.travel: 15 minutes * 0.85 } }
`;
    const loaded = loadScenarioText(text, 's.yaml');
    const caps = loaded.strategies.map((s) => simulate(s.model, { seed: 1, replication: 0 }).units.p1.capacity_mean);
    // Agency fills every vacancy: 100 x 80% x 37.5/7 x 60% / 2.75 = 93.5 -> 93; travel 12.75 min: 244.29 / (3 x 52.75 / 60) = 92.6 -> 92.
    expect(caps).toEqual([88, 93, 92]);
    expect(errors(BASE, ['staff.nurses.vacancy=5%']).map((x) => x.code)).toEqual(['unknown-set-path']);
  });
});

describe('staff rosters and home care bought by the hour via loadScenarioText(text, file)', () => {
  const ROSTERED = BASE.replace(
    '  therapists: { establishment: 12, absence: uniform(2%, 8%) }',
    '  therapists: { establishment: 12, absence: uniform(2%, 8%),\n                roster: { base: 2, shifts: [{ days: mon-fri, hours: 08:00-18:00, on: 6 }] } }',
  );

  it('analyseScenario: an establishment or roster level beyond 10 million WTE is a located error, not an overflow', () => {
    const huge = errors(BASE.replace('establishment: 100          # WTE', 'establishment: 1e308'));
    expect(huge.map((d) => [d.code, d.path])).toEqual([['bad-value', 'staff.carers.establishment']]);
    expect(huge[0].message).toContain('more staff than any health system has');
    const roster = errors(ROSTERED.replace('on: 6 }', 'on: 1e306 }'));
    expect(roster.map((d) => [d.code, d.path])).toEqual([['bad-value', 'staff.therapists.roster']]);
    expect(errors(BASE.replace('establishment: 100          # WTE', 'establishment: 9000000'))).toEqual([]);
  });

  it('analyseScenario: a cost rate too large to be a cost (1e308/hour, pay 1e308/year) says so at its key, with a hint, not "Infinity"', () => {
    const hourly = errors(BASE.replace('travel: 15 minutes }', 'travel: 15 minutes, hourly_rate: 1e308/hour }'));
    expect(hourly.map((d) => [d.code, d.path, d.line])).toEqual([['bad-value', 'units.p1.staff.hourly_rate', 22]]);
    expect(hourly[0].message).toBe('`1e308/hour` is too large to be a cost: it is not a finite number once converted to pounds a day');
    expect(hourly[0].expected).toBe('a cost per hour of at most £1,000,000,000,000 a day, e.g. `21.43/hour`');
    expect(hourly[0].hint).toBe('check the amount and its unit (a cost per hour, a day or a year?)');
    const pay = errors(BASE.replace('cost: 30000/year', 'cost: 1e308/year'));
    expect(pay.map((d) => [d.code, d.path, d.line])).toEqual([['bad-value', 'staff.carers.cost', 15]]);
    expect(pay[0].message).toBe('`1e308/year` is too large to be a cost: £2.740e+305 a day is more money than any plan holds');
    expect(pay[0].expected).toBe('a cost per year of at most £1,000,000,000,000 a day, e.g. `27000/year`');
    expect(errors(BASE.replace('cost: 30000/year', 'cost: 95000/year'))).toEqual([]);
  });

  it('analyseScenario: a roster given as an empty list says it needs at least one entry and shows the form of one', () => {
    const group = errors(ROSTERED.replace('roster: { base: 2, shifts: [{ days: mon-fri, hours: 08:00-18:00, on: 6 }] }', 'roster: []'));
    expect(group.map((d) => [d.code, d.path])).toEqual([['empty-list', 'staff.therapists.roster']]);
    expect(group[0].message).toBe('the roster is an empty list: it needs a base level and at least one shift');
    expect(group[0].expected).toBe('a roster such as `{ base: 4, shifts: [{ days: mon-sun, hours: 08:00-20:00, on: 11 }] }`');
    expect(group[0].hint).toBe('write the shifts, or leave `roster` out: the staff then cover the whole day evenly');
    const shifts = errors(ROSTERED.replace('shifts: [{ days: mon-fri, hours: 08:00-18:00, on: 6 }]', 'shifts: []'));
    expect(shifts.map((d) => [d.code, d.path])).toEqual([['empty-list', 'staff.therapists.roster.shifts']]);
    expect(shifts[0].message).toBe('`shifts` is an empty list: it needs at least one shift');
    expect(shifts[0].expected).toBe('a list of shifts such as `[{ days: mon-sun, hours: 08:00-20:00, on: 11 }]`');
    const unit = errors(BASE.replace('capacity: 60,', 'capacity: { base: 60, roster: [] },'));
    expect(unit.map((d) => [d.code, d.path])).toEqual([['empty-list', 'units.acute.capacity.roster']]);
    expect(unit[0].message).toBe('`roster` is an empty list: it needs at least one shift');
    expect(unit[0].expected).toBe('a list of shifts such as `[{ days: mon-fri, hours: 08:00-20:00, capacity: 30 }]`');
    expect(unit[0].hint).toBe('write the shifts, or leave `roster` out: the capacity is then `base` all week');
  });

  it('loadScenarioText(staff.<g>.roster) compiles the shifts into a step function of the level on shift', () => {
    const g = loadScenarioText(ROSTERED, 's.yaml').strategies[0].model.staff![1];
    // t = 0 is the start of the 20-day warm-up, Tuesday 2026-12-15: 2 until 08:00, 6 until 18:00, 2 again.
    expect(g.roster!.at.slice(0, 3)).toEqual([0, 8 * 60, 18 * 60]);
    expect(g.roster!.cap.slice(0, 3)).toEqual([2, 6, 2]);
    // Saturday and Sunday stay at 2: Friday's 08:00 rise (index 7) is followed by Monday's, 3 days on.
    expect(g.roster!.at[7]).toBe(3 * 24 * 60 + 8 * 60);
    expect(g.roster!.at[9] - g.roster!.at[7]).toBe(3 * 24 * 60);
  });

  it('analyseScenario(bad rosters) reports each at its key with a location', () => {
    const bad = (from: string, to: string) => errors(ROSTERED.replace(from, to)).map((x) => [x.code, x.path, x.line]);
    expect(bad('on: 6', 'on: -6')).toEqual([['negative', 'staff.therapists.roster.shifts[0].on', 17]]);
    expect(bad('on: 6', 'capacity: 6')).toEqual([['unknown-key', 'staff.therapists.roster.shifts[0].capacity', 17]]);
    expect(bad('hours: 08:00-18:00', 'hours: 8-18')).toEqual([['bad-time', 'staff.therapists.roster.shifts[0].hours', 17]]);
    expect(bad('roster: { base: 2, shifts: [{ days: mon-fri, hours: 08:00-18:00, on: 6 }] }', 'roster: 0')).toEqual([
      ['bad-value', 'staff.therapists.roster', 17],
    ]);
  });

  it('loadScenarioText(units.<u>.staff.hourly_rate) prices an occupied package-day at visits x (visit + travel) x the rate', () => {
    const text = BASE.replace('travel: 15 minutes }', 'travel: 15 minutes, hourly_rate: 21.43/hour }');
    const p1 = loadScenarioText(text, 's.yaml').strategies[0].model.units.find((u) => u.name === 'p1')!;
    // 3 visits x (40 + 15) minutes = 2.75 paid hours x £21.43 = £58.9325 a package-day: 2 care hours at
    // 21.43 x 55 / 40 = £29.47 an hour (short calls cost more per hour: travel is paid).
    expect(p1.staffing!.hourCostPerPlaceDay).toBeCloseTo(2.75 * 21.43, 9);
    expect(errors(BASE.replace('travel: 15 minutes }', 'travel: 15 minutes, hourly_rate: 21.43 }')).map((x) => [x.code, x.hint])).toEqual([
      ['missing-unit', 'add a unit: `21.43/hour`'],
    ]);
  });
});

describe('checkCycles with staffed units via analyseScenario(text, file)', () => {
  it('analyseScenario(a loop through a staffed unit without funded places) is a blocking-loop: staff make its places finite', () => {
    const text = BASE.replace(
      'next: home,\n           staff: { group: carers',
      'next: { p2: 10%, home: rest },\n           staff: { group: carers',
    ).replace(
      'queue: none, next: home,\n           staff: { group: therapists',
      'queue: none, next: { p1: 50%, home: rest },\n           staff: { group: therapists',
    );
    expect(errors(text).map((x) => x.code)).toEqual(['blocking-loop']);
  });
});
