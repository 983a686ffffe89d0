import { describe, it, expect } from 'vitest';
import { planOutcome, pairedEconomics, type CostColumns } from '../../../results/appraisal/paired.js';
import type { Economics } from '../../../engine/model.js';

const econ = (o: Partial<Economics> = {}): Economics => ({ oneOff: 0, doubleRunningDays: 0, discountRate: 0, planYears: 2, ...o });

describe('planOutcome(extraPerDay, savedPerDay, closedPerDay, boughtPerDay, economics)', () => {
  it('planOutcome(0, 100, 100, double running 180 days): pays back only in the first month after double running ends', () => {
    const month = 365 / 12;
    const o = planOutcome(0, 100, 100, 0, econ({ doubleRunningDays: 180 }));
    // While the closed capacity is still paid it costs exactly what closing it saves.
    expect(o.paybackMonth).toBe(Math.floor(180 / month) + 1);
    expect(o.npv).toBeCloseTo(100 * (730 - 180), 6);
    expect(o.saves).toBe(1);
  });

  it('planOutcome(0, 100, 100, double running the whole plan): no saving, no payback', () => {
    const o = planOutcome(0, 100, 100, 0, econ({ doubleRunningDays: 730 }));
    expect(Math.abs(o.npv)).toBeLessThan(1e-6);
    expect(o.saves).toBe(0);
    expect(Number.isNaN(o.paybackMonth)).toBe(true);
  });

  it('planOutcome(0, 200, 0, one-off £120,000, 2 years, no discount): NPV, net cost, ROI and payback by hand', () => {
    const o = planOutcome(0, 200, 0, 0, econ({ oneOff: 120000 }));
    expect(o.npv).toBeCloseTo(-120000 + 200 * 730, 6);
    expect(o.netCostPerYear).toBeCloseTo(-200 * 365 + 120000 / 2, 6);
    expect(o.roi).toBeCloseTo((200 * 730 - 120000) / 120000, 9);
    // £6,083.33 a month pays back £120,000 in the 20th month (19.7 months).
    expect(o.paybackMonth).toBe(20);
    expect(o.saves).toBe(1);
  });

  it('planOutcome discounts plan year y by (1 + r)^-y, the first year undiscounted (Green Book)', () => {
    const o = planOutcome(0, 200, 0, 0, econ({ oneOff: 120000, discountRate: 0.035 }));
    expect(o.npv).toBeCloseTo(-120000 + 73000 * (1 + 1 / 1.035), 4);
  });

  it('planOutcome(double running 6 months): closed capacity is still paid for half a year, and it delays payback', () => {
    const o = planOutcome(1000, 1100, 300, 1000, econ({ doubleRunningDays: 365 / 2 }));
    expect(o.doubleRunning).toBeCloseTo((300 * 365) / 2, 6);
    expect(o.npv).toBeCloseTo(100 * 730 - (300 * 365) / 2, 6);
    // Invested: the extra £1,000 a day for two years plus the double running.
    expect(o.roi).toBeCloseTo(o.npv / (1000 * 730 + (300 * 365) / 2), 9);
    // Six months at -£200 a day, then +£100 a day: back to zero after 18 months, so the
    // cumulative saving is first positive in month 19 (README: payback_month).
    expect(o.paybackMonth).toBe(19);
  });

  it('planOutcome of a strategy that only costs more: negative NPV, no saving, no payback, ROI -1', () => {
    const o = planOutcome(500, 0, 0, 500, econ());
    expect(o.npv).toBeCloseTo(-500 * 730, 6);
    expect(o.saves).toBe(0);
    expect(o.paybackMonth).toBeNaN();
    expect(o.roi).toBeCloseTo(-1, 12);
  });

  it('planOutcome with nothing to pay back and a saving pays back at month 0; with no money moving the ROI is undefined', () => {
    expect(planOutcome(0, 10, 0, 0, econ()).paybackMonth).toBe(0);
    expect(planOutcome(0, 0, 0, 0, econ()).roi).toBeNaN();
  });
});

const cols = (cost: number[][], admissions: number[], delayed: number[], funded: number[][]): CostColumns => ({
  indices: admissions.map((_, i) => i),
  costPerDay: cost.map((row) => row.reduce((a, b) => a + b, 0)),
  admissionsPerDay: admissions,
  delayedPerDay: delayed,
  units: {
    acute: { cost: cost.map((r) => r[0]), funded: funded.map((r) => r[0]) },
    p2: { cost: cost.map((r) => r[1]), funded: funded.map((r) => r[1]) },
  },
});

describe('pairedEconomics(base, strategy, economics)', () => {
  // Close 10 acute beds (£300 each) and open 10 P2 beds (£280 each): £200 a day saved on funding.
  const base = cols(
    [
      [3000, 2800],
      [3000, 2800],
      [3000, 2800],
    ],
    [10, 12, 11],
    [5, 6, 7],
    [
      [3000, 2800],
      [3000, 2800],
      [3000, 2800],
    ],
  );
  const strat = cols(
    [
      [0, 5600],
      [0, 5600],
      [0, 5600],
    ],
    [9, 10.8, 9.9],
    [4, 5, 5.5],
    [
      [0, 5600],
      [0, 5600],
      [0, 5600],
    ],
  );
  const e = econ({ oneOff: 36500, doubleRunningDays: 73 });
  const d = pairedEconomics(base, strat, e);

  it('pairedEconomics: double running pays the closed acute funding (£3,000 a day) for 73 days', () => {
    expect(d.double_running_cost.mean).toBeCloseTo(3000 * 73, 6);
    expect(d.double_running_cost.sd).toBe(0);
  });

  it('pairedEconomics: net cost a year = recurrent change + (one-off + double running) / plan years', () => {
    expect(d.net_cost_per_year.mean).toBeCloseTo(-200 * 365 + (36500 + 219000) / 2, 6);
  });

  it('pairedEconomics: cost per admission avoided and per delayed bed-day released are ratios of paired sums', () => {
    const net = -200 * 365 + (36500 + 219000) / 2;
    // Avoided: 1, 1.2, 1.1 a day (sum 3.3); released: 1, 1, 1.5 (sum 3.5).
    expect(d.cost_per_admission_avoided.mean).toBeCloseTo((3 * net) / (365 * 3.3), 6);
    expect(d.cost_per_bed_day_released.mean).toBeCloseTo((3 * net) / (365 * 3.5), 6);
  });

  it('pairedEconomics: probability of saving is the share of pairs with a positive NPV', () => {
    expect(d.net_present_value.mean).toBeCloseTo(-36500 - 219000 + 200 * 730, 6);
    expect(d.probability_of_saving.mean).toBe(0);
    const cheap = pairedEconomics(base, strat, econ());
    expect(cheap.probability_of_saving.mean).toBe(1);
    expect(cheap.payback_month.mean).toBe(0);
  });

  it('pairedEconomics: return on investment is total NPV over total money put in, not a mean of per-pair ratios', () => {
    // Money put in per pair: one-off 36,500 + double running 219,000 + the extra P2 funding of
    // £2,800 a day for two years (discount rate 0 in econ()).
    const putIn = 36500 + 219000 + 2800 * 730;
    expect(d.return_on_investment.mean).toBeCloseTo((-36500 - 219000 + 200 * 730) / putIn, 9);
    // Pair 0 puts in almost nothing (1p a day more on P2, £100 a day less on acute): its own ratio
    // is about 10,000; pairs 1 to 5 put in £50 a day for the same saving, a ratio of 1.
    const flat = (c: number[][]) =>
      cols(
        c,
        c.map(() => 1),
        c.map(() => 1),
        c,
      );
    const b = flat(Array.from({ length: 6 }, () => [100, 0]));
    const s = flat([[0, 0.01], ...Array.from({ length: 5 }, () => [0, 50])]);
    const r = pairedEconomics(b, s, econ());
    const npv = (100 - 0.01) * 730 + 5 * 50 * 730,
      put = 0.01 * 730 + 5 * 50 * 730;
    expect(r.return_on_investment.mean).toBeCloseTo(npv / put, 9);
    expect(r.return_on_investment.mean!).toBeLessThan(3);
    // Nothing put in by any pair: no return on investment to state.
    expect(
      pairedEconomics(
        b,
        flat([
          [0, 0],
          [0, 0],
          [0, 0],
        ]),
        econ(),
      ).return_on_investment.mean,
    ).toBeNull();
  });

  it('pairedEconomics: a ratio whose denominator is not clearly above zero is not defined (Fieller)', () => {
    const flat = (c: number[][], admissions: number[]) => cols(c, admissions, admissions, c);
    const ones = Array.from({ length: 8 }, () => 1);
    const b = flat(
      Array.from({ length: 8 }, () => [100, 0]),
      ones,
    );
    // A cut that saves £100 a day; its only money put in is P2 spending that rose in two
    // replications by chance. NPV over that is a ratio of about 100, with no bounded interval.
    const chance = flat(
      [0, 0, 30, 0, 0, 5, 0, 0].map((x) => [0, x]),
      ones,
    );
    const cut = pairedEconomics(b, chance, econ());
    expect(cut.net_present_value.mean).toBeGreaterThan(0);
    expect(cut.return_on_investment).toMatchObject({ mean: null, ci95: [null, null] });
    // The same money put in every replication: clearly above zero, so the return is stated.
    const steady = pairedEconomics(
      b,
      flat(
        [30, 31, 29, 30, 30, 31, 29, 30].map((x) => [0, x]),
        ones,
      ),
      econ(),
    );
    expect(steady.return_on_investment.mean).toBeCloseTo((100 * 8 - 240) / 240, 9);
    expect(steady.return_on_investment.ci95[0]).not.toBeNull();
    // Admissions avoided 0.1, 0.3, -0.2, ... a day: no admission clearly avoided, no cost per one.
    const avoided = [0.1, 0.3, -0.2, 0.2, 0, 0.1, -0.1, 0.2];
    const some = pairedEconomics(
      b,
      flat(
        Array.from({ length: 8 }, () => [0, 30]),
        avoided.map((a) => 1 - a),
      ),
      econ(),
    );
    expect(some.cost_per_admission_avoided.mean).toBeNull();
    // Twice as many, all of them positive: stated, as the ratio of the sums.
    const clear = avoided.map((a) => Math.abs(a) + 0.5);
    const more = pairedEconomics(
      b,
      flat(
        Array.from({ length: 8 }, () => [0, 30]),
        clear.map((a) => 1 - a),
      ),
      econ(),
    );
    const net = -70 * 365;
    expect(more.cost_per_admission_avoided.mean).toBeCloseTo((8 * net) / (365 * clear.reduce((x, y) => x + y, 0)), 6);
  });

  it('pairedEconomics: the money put in is what a strategy funds (one-off, what it buys, double running), not what its consequences cost', () => {
    const n = 8;
    const rows = <T>(f: (i: number) => T): T[] => Array.from({ length: n }, (_, i) => f(i));
    // Units: acute (use-priced only: funded 0) and p2 (funded places).
    const base = cols(
      rows(() => [1000, 2800]),
      rows(() => 1),
      rows(() => 1),
      rows(() => [0, 2800]),
    );
    // A cut: £800 a day of P2 places closed; acute use costs £20-£34 a day more as a consequence.
    const cut = cols(
      rows((i) => [1020 + 2 * i, 2000]),
      rows(() => 1),
      rows(() => 1),
      rows(() => [0, 2000]),
    );
    const c = pairedEconomics(base, cut, econ());
    expect(c.net_present_value.mean).toBeGreaterThan(0);
    expect(c.return_on_investment).toMatchObject({ mean: null, ci95: [null, null] });
    // An investment: £400 a day of P2 places bought; acute use costs £50 a day less as a consequence.
    const buy = cols(
      rows(() => [950, 3200]),
      rows(() => 1),
      rows(() => 1),
      rows(() => [0, 3200]),
    );
    const r = pairedEconomics(base, buy, econ());
    const npv = (50 - 400) * 730;
    expect(r.net_present_value.mean).toBeCloseTo(npv, 6);
    expect(r.return_on_investment.mean).toBeCloseTo(npv / (400 * 730), 9);
  });

  it('pairedEconomics pairs by replication index: a replication the baseline lacks is left out', () => {
    const partial = { ...strat, indices: [0, 1, 5] };
    expect(pairedEconomics(base, partial, e).net_present_value.n).toBe(2);
  });
});
