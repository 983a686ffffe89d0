import { describe, expect, it } from 'vitest';
import { resultsProblem } from '../../viz/results-file.js';
import { makeResults } from './fixture.js';

const valid = () => JSON.parse(JSON.stringify(makeResults({ reps: 3, sweep: true }))) as Record<string, any>;

describe('resultsProblem(doc)', () => {
  it('accepts a results file as the summariser writes it, with a sweep', () => {
    expect(resultsProblem(valid())).toBeNull();
  });

  it.each([
    [
      'no scenario name',
      (r: Record<string, any>) => {
        delete r.scenario.name;
      },
      '`scenario.name` should be text, found nothing',
    ],
    [
      'strategies as a list',
      (r: Record<string, any>) => {
        r.strategies = [];
      },
      '`strategies` should be an object, found a list',
    ],
    [
      'no baseline',
      (r: Record<string, any>) => {
        r.strategies = { other: r.strategies.baseline };
      },
      '`strategies` has no `baseline`',
    ],
    [
      'a flow without its patients a day',
      (r: Record<string, any>) => {
        delete r.strategies.baseline.flows[0].per_day;
      },
      '`strategies.baseline.flows[0].per_day` should be an object, found nothing',
    ],
    [
      'a Stat without n',
      (r: Record<string, any>) => {
        delete r.strategies.baseline.kpis.acute_occupancy.n;
      },
      '`strategies.baseline.kpis.acute_occupancy.n` should be a number, found nothing',
    ],
    [
      'a daily band of text',
      (r: Record<string, any>) => {
        r.strategies.baseline.daily.acute.occupancy.mean = 'x';
      },
      '`strategies.baseline.daily.acute.occupancy.mean` should be a list, found string "x"',
    ],
    [
      'a difference that is null',
      (r: Record<string, any>) => {
        const s = Object.keys(r.differences)[0];
        r.differences[s] = null;
      },
      'should be an object, found null',
    ],
    [
      'a sweep point without values',
      (r: Record<string, any>) => {
        delete r.sweep.points[0].values;
      },
      '`sweep.points[0].values` should be an object, found nothing',
    ],
  ])('names the first wrong field: %s', (_what, damage, message) => {
    const r = valid();
    damage(r);
    expect(resultsProblem(r)).toContain(message);
  });
});
