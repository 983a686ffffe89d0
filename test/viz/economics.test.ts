import { beforeAll, describe, expect, it } from 'vitest';
import { ECONOMIC_KPIS, type Results, type Stat } from '../../results/index.js';
import { economicHeading, economicRows } from '../../viz/economics.js';
import { formatCI, formatValue, statDecimals } from '../../viz/format.js';
import { economicResults } from './economic-results.js';

let r: Results;
beforeAll(async () => {
  r = await economicResults();
});
const diff = (s: string, k: string) => (r.differences[s] as Record<string, Stat | undefined>)[k];

describe('economicRows(results)', () => {
  it('gives a row per strategy against the baseline and a column per economic KPI the file has, each cell the file’s paired mean', () => {
    const { kpis, rows } = economicRows(r);
    expect(rows.map((x) => [x.strategy, x.label])).toEqual([
      ['more-p1', 'Ten more home-care places'],
      ['close-beds', 'Four acute beds closed'],
      ['close-now', 'Four acute beds closed at no cost'],
      ['faster', 'Faster hand-offs'],
    ]);
    // Every economic KPI the file holds, with a mean or not: a ratio no strategy has is a finding.
    expect(kpis).toEqual([...ECONOMIC_KPIS]);
    for (const row of rows)
      row.cells.forEach((c, i) => {
        expect(c.kpi).toBe(kpis[i]);
        expect(c.mean).toBe(diff(row.strategy, c.kpi)?.mean ?? null);
      });
  });

  it('writes each figure as the rest of the report does, with its 95% CI, none for a figure the same in every replication', () => {
    const more = economicRows(r).rows[0];
    const cell = (k: string) => more.cells.find((c) => c.kpi === k)!;
    // The bed-days released vary between replications: a real interval.
    const s = diff('more-p1', 'cost_per_bed_day_released')! as Stat & { mean: number };
    expect(s.ci95[0]).not.toBe(s.ci95[1]);
    const d = statDecimals(s, 'money');
    expect(cell('cost_per_bed_day_released').text).toBe(formatValue(s.mean, 'money', d));
    expect(cell('cost_per_bed_day_released').ci).toBe(formatCI(s, 'money', d));
    // Ten places at £50 a day and £20,000 up front: the same in every replication, in whole pounds
    // (the NPV's interval is rounding in its last bits, which earns no decimals).
    expect(cell('recurrent_cost_per_year')).toEqual({
      kpi: 'recurrent_cost_per_year',
      heading: 'Change in cost / year',
      text: '£182,500',
      ci: '',
      mean: 182500,
    });
    expect(cell('one_off_cost').text).toBe('£20,000');
    const npv = diff('more-p1', 'net_present_value')!.mean!;
    expect(cell('net_present_value').text).toBe(formatValue(npv, 'money', 0));
    expect(cell('net_present_value').text).toMatch(/^−£[\d,]+$/);
    expect(cell('return_on_investment').mean).toBe(diff('more-p1', 'return_on_investment')!.mean);
    expect(cell('return_on_investment').text).toBe('−100%');
    // It never pays back: the file has no mean, and the cell says so.
    expect(diff('more-p1', 'payback_month')!.mean).toBeNull();
    expect(cell('payback_month')).toEqual({
      kpi: 'payback_month',
      heading: 'Payback month',
      text: 'does not pay back within the plan',
      ci: '',
      mean: null,
    });
  });

  it('says why a ratio has no value where the file has none, never a number', () => {
    const faster = economicRows(r).rows[3];
    // A process change buys nothing: no money put in, so no return on investment in the file.
    expect(diff('faster', 'return_on_investment')!.mean).toBeNull();
    const roi = faster.cells.find((c) => c.kpi === 'return_on_investment')!;
    expect(roi).toEqual({ kpi: 'return_on_investment', heading: 'ROI', text: 'not stated: no money clearly put in', ci: '', mean: null });
    // Admissions are the same arrivals in every strategy: none avoided.
    const adm = faster.cells.find((c) => c.kpi === 'cost_per_admission_avoided')!;
    expect(adm.text).toBe('not stated: no admissions clearly avoided');
  });

  it('gives the payback month with how many replications pay back', () => {
    // Four beds at £345 a day save £1,380 a day, £41,975 a month: £100,000 up front is paid back in month 3 (2.38 months).
    const close = economicRows(r).rows[1];
    const p = diff('close-beds', 'payback_month')!;
    expect(p.mean).toBe(3);
    expect(close.cells.find((c) => c.kpi === 'payback_month')).toEqual({
      kpi: 'payback_month',
      heading: 'Payback month',
      text: 'month 3',
      ci: '8 of 8 replications pay back',
      mean: 3,
    });
  });

  it('says a payback at month 0 (a saving from the first month, nothing put in) in words', () => {
    expect(diff('close-now', 'payback_month')!.mean).toBe(0);
    const cell = economicRows(r).rows[2].cells.find((c) => c.kpi === 'payback_month')!;
    expect([cell.text, cell.ci]).toEqual(['at once', '8 of 8 replications pay back']);
  });
});

describe('a cost per admission avoided where the verdict discounts the fall in admissions', () => {
  it('is not stated as a figure: the admissions fell because patients were stuck or turned away', () => {
    // The file's figure for more-p1, under a verdict that discounts its fall in admissions (as it
    // does when patients wait longer for a bed): the cell gives the reason, not a price.
    const stuck = structuredClone(r);
    const ratio = { ...diff('faster', 'net_present_value')!, mean: -2177 };
    (stuck.differences['more-p1'] as Record<string, Stat>).cost_per_admission_avoided = ratio;
    stuck.strategies['more-p1'].verdict = {
      verdict: 'worse',
      better: [],
      worse: ['acute_waiting_mean'],
      discounted: ['admissions_per_day'],
    };
    const cell = economicRows(stuck).rows[0].cells.find((c) => c.kpi === 'cost_per_admission_avoided')!;
    expect(cell.text).toBe('not stated: fewer admissions come with patients stuck or turned away (see the verdict)');
    expect(cell.ci).toBe('');
    // Traceable: the file's figure stays with the cell.
    expect(cell.mean).toBe(-2177);
    // The same figure under a verdict that counts the fall is stated.
    stuck.strategies['more-p1'].verdict = { verdict: 'better', better: ['admissions_per_day'], worse: [] };
    expect(economicRows(stuck).rows[0].cells.find((c) => c.kpi === 'cost_per_admission_avoided')!.text).toMatch(/^−£2,177/);
  });
});

describe('economicHeading(kpi)', () => {
  it('drops the "(£)" of a short label whose figures carry their £, and names the recurrent cost a change', () => {
    expect(economicHeading('cost_per_day')).toBe('Cost / day');
    expect(economicHeading('recurrent_cost_per_year')).toBe('Change in cost / year');
  });
});
