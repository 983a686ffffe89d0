import { describe, it, expect } from 'vitest';
import { ICS, load, runStrategy } from './run.js';
import { summarise } from '../../results/summarise.js';

/**
 * The economic case and the verdicts on the default ICS as shipped (a few replications: the
 * funded costs that decide these are nearly certain; the crowding at 1,950 packages is large).
 */
describe('ics-default.yaml economic case and verdicts', () => {
  const sc = load(ICS);
  const names = ['baseline', 'ucr-plus', 'p1-plus-20', 'p2-plus', 'acute-to-community', 'params.p1_packages=1950'];
  const reps = 4;
  const r = summarise(
    names.map((n) => {
      const s = sc.strategies.find((x) => x.name === n)!;
      return { name: n, description: s.description, set: s.set, changes: s.changes, reps: runStrategy(sc, n, reps) };
    }),
    {
      scenario: { name: sc.name, hash: sc.hash, assumptions: [] },
      engineVersion: 'test',
      seed: sc.seed,
      replications: reps,
      horizonDays: sc.horizonDays,
      warmupDays: sc.warmupDays,
      startDate: sc.startDate,
    },
  );

  it('adding capacity costs money: ucr-plus, p1-plus-20 and p2-plus raise the recurrent cost, CIs above zero', () => {
    for (const s of ['ucr-plus', 'p1-plus-20', 'p2-plus']) {
      const d = r.differences[s].recurrent_cost_per_year!;
      expect(d.ci95[0]!, s).toBeGreaterThan(0);
      // At least the funded places bought (the model's own arithmetic) less what they save elsewhere.
      expect(d.mean!, s).toBeGreaterThan(0.8 * r.strategies[s].funding!.net_per_year);
    }
    // 60 P2 beds at £280 a day all in (the bed's own cost plus its therapists in post): about
    // £16,800 a day to fund (the file rounds the bed's share to the penny).
    expect(Math.abs(r.strategies['p2-plus'].funding!.net_per_year / 365 - 60 * 280)).toBeLessThan(1);
  });

  it('acute-to-community is net-neutral: funded places closed and bought balance, and the recurrent cost difference CI includes zero', () => {
    const f = r.strategies['acute-to-community'].funding!;
    expect(f.closed.map((l) => l.unit)).toEqual(['acute']);
    expect(f.bought.map((l) => l.unit).sort()).toEqual(['p2', 'p3', 'ucr']);
    expect(Math.abs(f.net_per_year)).toBeLessThan(20 * 365);
    const d = r.differences['acute-to-community'].recurrent_cost_per_year!;
    expect(d.ci95[0]!).toBeLessThan(0);
    expect(d.ci95[1]!).toBeGreaterThan(0);
    // Six months of double running the 30 acute beds.
    expect(r.differences['acute-to-community'].double_running_cost!.mean).toBeCloseTo((30 * 345 * 365) / 2, 0);
  });

  it('the 1,950-package sweep point is never better: its saving is not counted while patients wait longer for a bed', () => {
    const v = r.strategies['params.p1_packages=1950'].verdict!;
    expect(v.verdict).not.toBe('better');
    expect(v.better).not.toContain('recurrent_cost_per_year');
    expect(v.better).not.toContain('admissions_per_day');
    expect(r.differences['params.p1_packages=1950'].waits_12h_per_day!.mean).toBeGreaterThan(0);
  });

  it('every strategy lists its changes from -> to, relative ones evaluated', () => {
    expect(r.strategies['p1-plus-20'].changes).toEqual([{ path: 'params.p1_packages', from: '2100', to: '2520' }]);
    expect(r.strategies['ucr-plus'].changes).toEqual([
      { path: 'params.ucr_day', from: '11', to: '15' },
      { path: 'params.ucr_night', from: '4', to: '6' },
    ]);
  });
});
