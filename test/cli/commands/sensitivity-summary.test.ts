import { describe, expect, it } from 'vitest';
import { formatSensitivity } from '../../../cli/commands/sensitivity.js';
import type { SensitivityFile } from '../../../sensitivity/index.js';

const stat = (mean: number, lo: number, hi: number) => ({ mean, sd: null, p10: null, p90: null, n: 8, ci95: [lo, hi] as [number, number] });
const file = (): SensitivityFile => ({
  format: 'caresim-sensitivity/1',
  scenario: { name: 'Test', hash: 'x' },
  seed: 1,
  replications: 8,
  inputs: [{ param: 'frail_crisis', source: 'uncertain', low: 1.26, centre: 1.5, high: 1.74, unit: 'per year' }],
  one_at_a_time: {
    // Stored as a fraction: shown as percentage points.
    ucr_within_2h: [{ param: 'frail_crisis', low: stat(0.0016, 0.0005, 0.0027), high: stat(-0.0011, -0.0017, -0.0005), swing: 0.0027 }],
    // Stored in days: shown in hours.
    ed_time_in_department_mean: [{ param: 'frail_crisis', low: stat(-0.01, -0.012, -0.008), high: stat(0.02, 0.018, 0.022), swing: 0.03 }],
    // Rounding noise of a KPI at its ceiling in every run.
    acute_occupancy: [{ param: 'frail_crisis', low: stat(4e-15, -5e-15, 1.3e-14), high: stat(-1e-15, -2e-14, 2e-14), swing: 5e-15 }],
    // A change near a million a day: the change and its CI on one scale.
    cost_per_day: [
      { param: 'frail_crisis', low: stat(-1_057_000, -1_121_000, -994_127), high: stat(900_000, 850_000, 950_000), swing: 2e6 },
    ],
    // The same patients as those waiting for an acute bed: shown once.
    acute_waiting_mean: [{ param: 'frail_crisis', low: stat(-3, -4, -2), high: stat(3, 2, 4), swing: 6 }],
    ed_waiting_for_bed_mean: [{ param: 'frail_crisis', low: stat(-3, -4, -2), high: stat(3, 2, 4), swing: 6 }],
  },
  global: {
    acute_occupancy: {
      output: 'acute_occupancy',
      n: 8,
      r2: 0.1,
      inputs: [{ input: 'frail_crisis', prcc: null as unknown as number, prcc_ci95: [0, 0], srrc: 0, srrc_ci95: [0, 0], share: 0 }],
    },
  },
});

describe('formatSensitivity', () => {
  const text = formatSensitivity(file());

  it('names each KPI and its unit and shows changes on the scale the report uses', () => {
    expect(text).toContain(
      'UCR reached within 2 hours (standard: 70%): change in percentage points from every input at its centre (95% CI)',
    );
    expect(text).toContain('low at 1.26 per year: +0.16 (+0.05 to +0.27)   high at 1.74 per year: −0.11 (−0.17 to −0.05)');
    expect(text).toContain('Time in ED per attendance: change in hours from every input at its centre (95% CI)');
    expect(text).toContain('low at 1.26 per year: −0.24 (−0.29 to −0.19)   high at 1.74 per year: +0.48 (+0.43 to +0.53)');
    expect(text).not.toMatch(/ucr_within_2h|ed_time_in_department_mean/);
  });

  it('says "no change" for rounding noise and a dash for a correlation that could not be computed', () => {
    expect(text).toContain('low at 1.26 per year: no change   high at 1.74 per year: no change');
    expect(text).toContain('rank correlation with the draws of 8 replications (PRCC): frail_crisis –');
    expect(text).not.toMatch(/e-1\d|NaN|null/);
  });

  it('keeps money on one scale within a change and its CI, and shows one wait where the two are the same patients', () => {
    expect(text).toContain('low at 1.26 per year: −£1.057m (−£1.121m to −£0.994m)');
    expect(text).toContain('Patients waiting for an acute bed: change in patients');
    expect(text).not.toContain('Patients in ED waiting for a bed');
  });

  it('does not print rank correlations from draws that fit any output exactly', () => {
    const f = file();
    f.global!.acute_occupancy.n = 2;
    expect(formatSensitivity(f)).toContain(
      'rank correlation with the draws: 2 replications are too few for 1 uncertain input (--reps 3 or more)',
    );
    expect(formatSensitivity(f)).toContain('1 input, 8 replications per configuration');
  });
});
