import { describe, it, expect } from 'vitest';
import { analyseScenario } from '../../scenarios/index.js';

const warnings = (text: string) =>
  analyseScenario(text, 's.yaml').diagnostics.filter((d) => d.severity === 'warning' && (d.code === 'unstable' || d.code === 'overloaded'));
const brief = (text: string) => warnings(text).map((d) => `${d.code}:${d.path}`);
const said = (text: string) =>
  warnings(text)
    .map((d) => `${d.message} | ${d.expected}`)
    .join('\n');

const head = `caresim: 1
time: { horizon: 100 days }
`;

describe('checkStability(model, diags, unitLoc, label) via analyseScenario', () => {
  it('counts hand-off delays in the time a place is held', () => {
    // Service alone: 10/day x 4 days = 40 of 45 places; with a 1-day hand-off, 50 of 45.
    const text = (h: string) => `${head}arrivals: { a: { rate: 10/day, to: w } }
units:
  w: { kind: beds, capacity: 45, los: exponential(4 days), next: { home: 100% }${h} }
`;
    expect(brief(text(''))).toEqual([]);
    expect(brief(text(', handoff: { home: fixed(1 day) }'))).toEqual(['unstable:units.w']);
    expect(said(text(', handoff: { home: fixed(1 day) }'))).toContain(
      '10 patients a day x 5 days in a place (service 4 + hand-off 1) / 45 places',
    );
  });

  it('names no wait downstream for a stay without one (no rounding residue from its parts)', () => {
    // Service 20 days plus a Monday-only discharge window, nothing downstream to wait for: before,
    // the parts subtracted one by one left 6.32e-16 days, printed as a wait downstream.
    const text = `caresim: 1
time: { horizon: 120 days, warmup: 10 days, start: 2027-01-04 }
arrivals: { p: { rate: 8/day, to: acute } }
units:
  acute: { kind: beds, capacity: 40, los: lognormal(5 days, 4 days), discharge: { hours: 12:00-12:59 }, next: { rehab: 30%, home: rest } }
  rehab: { kind: beds, capacity: 40, los: exponential(20 days), queue: none, discharge: { days: [mon], hours: 00:00-01:00 }, next: home }
`;
    const rehab = said(text);
    expect(rehab).toContain('(service 20 + discharge window 3.46) / 40 places');
    expect(rehab).not.toContain('downstream');
  });

  it('asks for one place more than a load of exactly 1 has (1/day x 1 day in 1 place)', () => {
    const text = `${head}arrivals: { a: { rate: 1/day, to: w } }
units:
  w: { kind: beds, capacity: 1, los: fixed(1 day), next: { home: 100% } }
`;
    const hints = warnings(text).map((d) => d.hint);
    expect(hints).toHaveLength(1);
    expect(hints[0]).toMatch(/^2 places bring the offered load under 1 and 2 under 0\.92 \(now 1\)/);
  });

  it('counts the mean wait for the discharge window (08:00-20:00 every day adds 3 hours)', () => {
    // 10/day x (4.5 + 0.125) days = 46.25 places.
    const text = (cap: number) => `${head}arrivals: { a: { rate: 10/day, to: w } }
units:
  w: { kind: beds, capacity: ${cap}, los: exponential(4.5 days), discharge: { hours: 08:00-20:00 } }
`;
    expect(brief(text(46))).toEqual(['unstable:units.w']);
    expect(brief(text(47))).toEqual([]);
  });

  it('counts the wait for a short unit downstream, and warns there, naming where patients wait', () => {
    const text = (p1: number) => `${head}arrivals: { a: { rate: 10/day, to: acute } }
units:
  acute: { kind: beds, capacity: 100, los: exponential(5 days), next: { home: 50%, p1: rest } }
  p1: { kind: homecare, capacity: ${p1}, los: exponential(20 days), queue: none }
`;
    expect(brief(text(120))).toEqual([]);
    expect(brief(text(90))).toEqual(['overloaded:units.p1']);
    expect(said(text(90))).toContain('wait in the places of `acute` (blocking after service)');
    expect(said(text(90))).not.toContain('without bound');
  });

  it("names the unit downstream whose places a unit's patients wait for", () => {
    const text = `${head}arrivals: { a: { rate: 10/day, to: acute } }
units:
  acute: { kind: beds, capacity: 40, los: exponential(5 days), next: { home: 50%, p1: rest } }
  p1: { kind: homecare, capacity: 102, los: exponential(20 days), queue: none }
`;
    expect(brief(text)).toEqual(['unstable:units.acute']);
    expect(said(text)).toMatch(/waiting for a place downstream in `p1` \d/);
  });

  it('never says "at least about 0%" are lost when a loss unit\'s load is exactly 1', () => {
    const text = `${head}arrivals: { a: { rate: 10/day, to: w } }
units:
  w: { kind: beds, capacity: 20, los: 2 days, queue: none }
`;
    expect(brief(text)).toEqual(['overloaded:units.w']);
    expect(said(text)).not.toContain('about 0%');
    expect(said(text)).toContain('a share of the patients offered that grows with the variability');
  });

  it('says "grows without bound" only for a queue that can, and what happens to the excess otherwise', () => {
    const unit = (extra: string, kind = 'beds', also = '') => `${head}arrivals: { a: { rate: 10/day, to: w } }
units:
  w: { kind: ${kind}, capacity: 20, ${kind === 'team' ? 'service' : 'los'}: exponential(5 days)${extra} }
${also}`;
    const other = '  v: { kind: beds, capacity: 100, los: 1 day }\n';
    const cases: [string, string, string][] = [
      [unit(', queue: 5'), 'overloaded', 'are lost'],
      [unit(', queue: none'), 'overloaded', 'are lost'],
      [unit(', queue: none, full: v', 'beds', other), 'overloaded', 'are diverted to `v`'],
      [unit(', queue: 5, patience: 2 hours, overflow: v', 'team', other), 'overloaded', 'renege to `v`'],
      [unit(', patience: exponential(1 day)', 'team'), 'overloaded', 'renege'],
    ];
    for (const [text, code, what] of cases) {
      expect(brief(text), text).toEqual([`${code}:units.w`]);
      expect(said(text), text).toContain(what);
      expect(said(text), text).toContain('at least about 60% of the patients offered (6 a day)');
      expect(said(text), text).not.toContain('without bound');
    }
    expect(brief(unit(''))).toEqual(['unstable:units.w']);
    expect(said(unit(''))).toContain('grows without bound');
  });

  it('does not say a unit grows without bound when `if_full` re-routes its excess', () => {
    const text = `${head}arrivals: { a: { rate: 10/day, to: ucr } }
units:
  ucr: { kind: team, capacity: 10, service: 1 hour, next: { p2: 100% }, if_full: { p2: ed } }
  p2: { kind: beds, capacity: 20, los: exponential(5 days), queue: none }
  ed: { kind: front, service: 1 hour }
`;
    expect(brief(text)).toEqual(['overloaded:units.p2']);
    expect(said(text)).toContain('are re-routed by `if_full` of `ucr`');
  });

  it('warns when a winter peak reaches full load though the year does not, naming when', () => {
    const text = `${head.replace('100 days', '365 days')}population:
  seasonality: { peak: 2024-07-01, amplitude: 10% }
  cohorts: { all: { people: 3650, crisis: 1/year } }
arrivals: { a: { from: population, to: w } }
units:
  w: { kind: beds, capacity: 52, los: fixed(5 days) }
`;
    const w = warnings(text);
    expect(w.map((d) => d.code)).toEqual(['unstable']);
    expect(w[0].message).toMatch(
      /is 1\.0\d at its peak, above 1 in \d of 12 periods of about a month between 2024-\d\d-\d\d and 2024-\d\d-\d\d \(0\.96\d over the measured period\)/,
    );
    expect(w[0].expected).toContain('while it is above 1 the queue builds up');
  });
});
