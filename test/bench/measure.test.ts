import { describe, expect, it } from 'vitest';
import { medianOf, pairedRatio, type ProcessRun } from '../../bench/measure.js';

const runs = (walls: number[]): ProcessRun[] => walls.map((wall) => ({ wall, cpu: 2 * wall, maxRssMiB: 50, out: {} }));
const wall = (r: ProcessRun) => r.wall;

describe('bench/measure pairedRatio', () => {
  it('takes the median of the ratios within each round, so one disturbed round does not move it', () => {
    // Round 3's reference run was disturbed (or caught a fast spell): the ratio of the two medians
    // (10 / 2 = 5) pairs a slow run of one side with a fast run of the other.
    const a = runs([1, 10, 10]),
      b = runs([2, 20, 1]);
    expect(pairedRatio(a, b, wall)).toBe(0.5);
  });

  it('follows a machine that slows down between rounds, as both sides of each round do', () => {
    const speed = [1, 1.2, 2, 2.4, 1.1, 3];
    expect(pairedRatio(runs(speed.map((f) => 1.3 * f)), runs(speed), wall)).toBeCloseTo(1.3, 12);
  });

  it('averages the two middle ratios of an even number of rounds and reads any figure', () => {
    expect(pairedRatio(runs([1, 2, 3, 8]), runs([1, 1, 1, 1]), wall)).toBe(2.5);
    expect(pairedRatio(runs([1, 2]), runs([4, 4]), (r) => r.cpu)).toBe(0.375);
  });

  it('leaves out rounds where a figure is missing, pairs only the rounds both sides ran, and is NaN with none left', () => {
    const a = runs([1, 2, 4]);
    expect(pairedRatio(a, runs([2, 2, 2]), (r) => (r === a[1] ? NaN : r.wall))).toBe(1.25);
    expect(pairedRatio(runs([1, 2, 3]), runs([2]), wall)).toBe(0.5);
    expect(pairedRatio(runs([1]), runs([NaN]), wall)).toBeNaN();
    expect(pairedRatio([], [], wall)).toBeNaN();
  });
});

describe('bench/measure medianOf', () => {
  it("takes each figure's own median, not the figure of the run with the median wall time", () => {
    // The run with the median wall time (2) holds the smallest CPU time: each figure has its own middle.
    const r: ProcessRun[] = [
      { wall: 1, cpu: 5, maxRssMiB: 40, out: { seconds: 0.9 } },
      { wall: 2, cpu: 1, maxRssMiB: 60, out: { seconds: 0.2 } },
      { wall: 3, cpu: 4, maxRssMiB: 50, out: { seconds: 0.5 } },
    ];
    expect(medianOf(r, (x) => x.wall)).toBe(2);
    expect(medianOf(r, (x) => x.cpu)).toBe(4);
    expect(medianOf(r, (x) => x.maxRssMiB)).toBe(50);
    expect(medianOf(r, (x) => Number(x.out.seconds))).toBe(0.5);
  });

  it('averages the middle two of an even count, leaves out missing figures, and is NaN with none', () => {
    expect(medianOf(runs([4, 1, 3, 2]), wall)).toBe(2.5);
    expect(medianOf(runs([4, NaN, 1]), wall)).toBe(2.5);
    expect(medianOf([], wall)).toBeNaN();
    expect(medianOf(runs([NaN]), wall)).toBeNaN();
  });
});
