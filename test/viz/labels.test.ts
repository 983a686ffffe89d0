import { beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../../results/index.js';
import { labelOf, pathLabel, rangeOf } from '../../viz/labels.js';
import { makeResults } from './fixture.js';

let r: Results, plain: Results;
beforeAll(() => {
  r = makeResults({ labelled: true, reps: 3 });
  plain = makeResults({ reps: 3 });
  r.labels!.params!.p1_packages = 'P1 home-care packages';
});

describe('labelOf(results, kind, name)', () => {
  it('labelOf gives the label of the file, and the name itself when there is none (older files)', () => {
    expect(labelOf(r, 'units', 'acute')).toBe('Acute beds');
    expect(labelOf(r, 'units', 'nowhere')).toBe('nowhere');
    expect(labelOf(plain, 'strategies', 'community')).toBe('community');
    expect(labelOf(r, 'units', 'constructor')).toBe('constructor');
  });
  it('labelOf(params) finds a param with or without its params. prefix', () => {
    expect(labelOf(r, 'params', 'params.p1_packages')).toBe('P1 home-care packages');
    expect(labelOf(r, 'params', 'p1_packages')).toBe('P1 home-care packages');
  });
});

describe('pathLabel(results, path)', () => {
  it('pathLabel uses the label of the path, else the labelled unit and the field, else the path', () => {
    expect(pathLabel(r, 'units.p1.capacity')).toBe('Home-care places (P1)');
    expect(pathLabel(r, 'units.ed.service')).toBe('Emergency department: service');
    expect(pathLabel(r, 'params.p1_packages')).toBe('P1 home-care packages');
    expect(pathLabel(plain, 'units.p1.capacity')).toBe('units.p1.capacity');
  });
});

describe('rangeOf(stat)', () => {
  it('rangeOf reads p10 and p90, and is null when the file has none', () => {
    expect(rangeOf({ mean: 1, sd: 0, ci95: [1, 1], n: 2, p10: 0.5, p90: 1.5 } as never)).toEqual([0.5, 1.5]);
    expect(rangeOf({ mean: 1, sd: 0, ci95: [1, 1], n: 2 })).toBeNull();
    expect(rangeOf(r.strategies.baseline.kpis.acute_occupancy)).not.toBeNull();
  });
});
