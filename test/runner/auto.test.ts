import { describe, expect, it } from 'vitest';
import { nextTarget, replicate, type AutoPlan } from '../../runner/auto.js';
import { AUTO_MIN } from '../../engine/index.js';

/** A KPI whose relative CI half-width at n replications is c / sqrt(n), as the CLT says. */
const plan = (c: number, target: number, max: number): AutoPlan => ({
  max,
  target,
  precision: (n) => ({ reached: c / Math.sqrt(n) <= target, worst: { relative_half_width: c / Math.sqrt(n) } }),
});

describe('replicate(reps, plan, round)', () => {
  it('runs one round of a fixed count', async () => {
    const rounds: number[] = [];
    const end = await replicate(12, null, async (n) => {
      rounds.push(n);
      return false;
    });
    expect(rounds).toEqual([12]);
    expect(end).toEqual({ reps: 12, interrupted: false });
  });

  it('raises the target round by round until the precision is reached', async () => {
    const rounds: number[] = [];
    const end = await replicate(AUTO_MIN, plan(0.5, 0.05, 1000), async (n) => {
      rounds.push(n);
      return false;
    });
    // c / sqrt(n) <= 0.05 needs n >= 100: the first prediction from n = 10 is exactly that.
    expect(rounds).toEqual([AUTO_MIN, nextTarget(AUTO_MIN, 0.5 / Math.sqrt(AUTO_MIN), 0.05, 1000)]);
    expect(end.reps).toBe(100);
    expect(0.5 / Math.sqrt(end.reps)).toBeLessThanOrEqual(0.05);
  });

  it('stops at the maximum without reaching the target', async () => {
    const rounds: number[] = [];
    const end = await replicate(AUTO_MIN, plan(5, 0.05, 40), async (n) => {
      rounds.push(n);
      return false;
    });
    expect(rounds.at(-1)).toBe(40);
    expect(end).toEqual({ reps: 40, interrupted: false });
  });

  it('stops at once when a round is interrupted', async () => {
    const rounds: number[] = [];
    const end = await replicate(AUTO_MIN, plan(5, 0.05, 1000), async (n) => {
      rounds.push(n);
      return true;
    });
    expect(rounds).toEqual([AUTO_MIN]);
    expect(end).toEqual({ reps: AUTO_MIN, interrupted: true });
  });
});
