import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  decimalsFor,
  displayedResolution,
  formatCI,
  formatStat,
  formatValue,
  inSentence,
  measureLabel,
  MINUS,
  NOT_MODELLED,
  parseDisplayed,
  plainDifference,
  verdictOf,
} from '../../viz/format.js';
import { kpiInfo, type Stat } from '../../results/index.js';

const stat = (mean: number, lo: number, hi: number): Stat => ({ mean, sd: 1, ci95: [lo, hi], p10: null, p90: null, n: 10 });

describe('formatStat(money whose CI crosses a million)', () => {
  it('writes the mean and both bounds in one scale, millions when any of them runs to a million', () => {
    expect(formatStat(stat(-2002000, -3617000, -386597), 'money')).toBe(`${MINUS}£2.002m (95% CI ${MINUS}£3.617m to ${MINUS}£0.387m)`);
    expect(formatStat(stat(401939, 56300, 747578), 'money')).toBe('£401,939 (95% CI £56,300 to £747,578)');
  });
});

describe('decimalsFor(magnitude, halfWidth)', () => {
  it('gives zero no decimals of its own: a probability of saving of 0 of 3 reads 0%, not 0.000%', () => {
    expect(formatStat(stat(0, 0, 0.5615), 'fraction')).toBe('0% (95% CI 0% to 56%)');
    expect(decimalsFor(0, 0.0004)).toBe(3);
  });

  it('earns no decimals from an interval that is rounding in the last bits of the mean (the same value in every replication)', () => {
    const m = -872836.9565217391;
    expect(decimalsFor(m, 1.2e-10)).toBe(0);
    expect(formatStat(stat(m, m - 1.2e-10, m + 1.2e-10), 'money')).toBe(`${MINUS}£872,837 (95% CI ${MINUS}£872,837 to ${MINUS}£872,837)`);
    // A true interval of a pound still earns its decimal.
    expect(decimalsFor(274, 0.3)).toBe(1);
  });

  it('shows no decimals for large values and more for small ones', () => {
    expect(decimalsFor(274)).toBe(0);
    expect(decimalsFor(4.2)).toBe(1);
    expect(decimalsFor(0.42)).toBe(2);
  });
  it('adds decimals until the half-width has a significant digit', () => {
    expect(decimalsFor(42, 6)).toBe(0);
    expect(decimalsFor(42, 0.3)).toBe(1);
    expect(decimalsFor(42, 0.004)).toBe(3);
  });
});

describe('formatValue(x, kind, decimals, sign)', () => {
  it('writes fractions as percentages, money with a pound sign after the minus, and a true minus', () => {
    expect(formatValue(0.934, 'fraction', 1)).toBe('93.4%');
    expect(formatValue(-1234.4, 'money', 0)).toBe(`${MINUS}£1,234`);
    expect(formatValue(1234.4, 'money', 0, true)).toBe('+£1,234');
    expect(formatValue(-42, 'count', 0)).toBe(`${MINUS}42`);
  });
  it('says "not modelled" for null, undefined and NaN', () => {
    expect(formatValue(null, 'count')).toBe(NOT_MODELLED);
    expect(formatValue(undefined, 'fraction')).toBe(NOT_MODELLED);
    expect(formatValue(NaN, 'money')).toBe(NOT_MODELLED);
  });
  it('writes millions of pounds as "£1.248m"', () => {
    expect(formatValue(1_247_599, 'money', 0)).toBe('£1.248m');
    expect(formatValue(-2_500_000, 'money', 0, true)).toBe(`${MINUS}£2.500m`);
  });
  it('round-trips through parseDisplayed within the resolution of the shown text', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e8, max: 1e8, noNaN: true }),
        fc.integer({ min: 0, max: 3 }),
        fc.constantFrom('count', 'money', 'days'),
        (x, d, kind) => {
          const text = formatValue(x, kind, d, true);
          expect(Math.abs(parseDisplayed(text) - x)).toBeLessThanOrEqual(displayedResolution(text) + 1e-9 * Math.abs(x));
        },
      ),
    );
  });
});

describe('formatStat(s, kind) and formatCI(s, kind)', () => {
  it('gives the mean with its interval on the same decimals', () => {
    expect(formatStat(stat(0.934, 0.931, 0.937), 'fraction')).toBe('93.4% (95% CI 93.1% to 93.7%)');
    expect(formatCI(stat(274.2, 268.1, 280.3), 'count')).toBe('95% CI 268 to 280');
  });
  it('leaves the interval out when there is none (one replication) and says "not modelled" when absent', () => {
    expect(formatStat({ mean: 5, sd: null, ci95: [null, null], p10: 5, p90: 5, n: 1 }, 'count')).toBe('5.0');
    expect(formatStat(undefined, 'count')).toBe(NOT_MODELLED);
    expect(formatStat({ mean: null, sd: null, ci95: [null, null], p10: null, p90: null, n: 0 }, 'count')).toBe(NOT_MODELLED);
  });
});

describe('plainDifference(kpi, diff, avoided)', () => {
  it('speaks of delayed beds as the board does', () => {
    const p = plainDifference('delayed_bed_days_per_day', stat(-42.2, -48.1, -36.3))!;
    expect(p.text).toBe(`${MINUS}42 delayed beds a day, 95% CI ${MINUS}48 to ${MINUS}36`);
    expect(p.verdict).toBe('better');
  });
  it('turns a fall in admissions into admissions avoided, with the interval flipped', () => {
    const p = plainDifference('admissions_per_day', stat(-12.3, -14.2, -10.4), true)!;
    expect(p.text).toBe('12 admissions a day avoided, 95% CI 10 to 14');
    expect(p.verdict).toBe('better');
  });
  it('gives occupancy in percentage points and cost in pounds', () => {
    expect(plainDifference('acute_occupancy', stat(0.012, 0.009, 0.015))!.text).toBe('+1.2 percentage points, 95% CI +0.9 to +1.5');
    expect(plainDifference('cost_per_day', stat(-12300, -15000, -9600))!.text).toBe(
      `${MINUS}£12,300 a day, 95% CI ${MINUS}£15,000 to ${MINUS}£9,600`,
    );
  });
  it('returns null without a difference', () => {
    expect(plainDifference('ucr_within_2h', undefined)).toBeNull();
  });
});

describe('verdictOf(kpi, diff)', () => {
  it('is unclear when the interval crosses zero and respects which direction is better', () => {
    expect(verdictOf('delayed_bed_days_per_day', stat(-1, -3, 1))).toBe('unclear');
    expect(verdictOf('ucr_within_2h', stat(0.05, 0.02, 0.08))).toBe('better');
    expect(verdictOf('ucr_within_2h', stat(-0.05, -0.08, -0.02))).toBe('worse');
    expect(verdictOf('p1_utilisation', stat(0.05, 0.02, 0.08))).toBe('changed');
  });
});

describe('a time in the emergency department', () => {
  // Stored in days like every duration of the results file; a clinician reads it in hours.
  it('is shown in hours: 0.22 days (95% CI 0.2 to 0.24) reads 5.28 hours (4.8 to 5.76)', () => {
    const info = kpiInfo('ed_time_in_department_mean');
    expect([info.kind, info.unit, info.short]).toEqual(['hours', 'hours', 'Time in ED (hours)']);
    expect(formatStat(stat(0.22, 0.2, 0.24), info.kind)).toBe('5.3 (95% CI 4.8 to 5.8)');
    expect(formatValue(0.5, info.kind, 1)).toBe('12.0');
  });
  it('gives a difference in hours in ED', () => {
    expect(plainDifference('ed_time_in_department_mean', stat(-0.05, -0.06, -0.04))!.text).toBe(
      `${MINUS}1.2 hours in ED, 95% CI ${MINUS}1.4 to ${MINUS}1.0`,
    );
  });
});

describe('inSentence(label) and measureLabel(kpi, difference)', () => {
  it('lowers the first letter of a label inside a sentence unless its first word is an acronym', () => {
    expect(inSentence('Patients waiting for an acute bed')).toBe('patients waiting for an acute bed');
    expect(inSentence('ED attendances a day')).toBe('ED attendances a day');
    expect(inSentence('G&A bed occupancy (acute)')).toBe('G&A bed occupancy (acute)');
    expect(inSentence('A share')).toBe('a share');
  });
  it('names the unit a table figure does not carry: hours in the ED, percentage points of a difference in shares', () => {
    expect(measureLabel('ed_time_in_department_mean')).toBe('Time in ED per attendance (hours)');
    expect(measureLabel('ucr_within_2h', true)).toBe('UCR reached within 2 hours (standard: 70%) (percentage points)');
    expect(measureLabel('ucr_within_2h')).toBe('UCR reached within 2 hours (standard: 70%)');
    expect(measureLabel('cost_per_day', true)).toBe(kpiInfo('cost_per_day').label);
  });
});
