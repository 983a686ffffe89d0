import { describe, it, expect } from 'vitest';
import { analyseScenario } from '../../scenarios/index.js';

const TEXT = `caresim: 1
time: { horizon: 10 days }
params: { p1_packages: 20 }
arrivals: { a: { rate: 1/day, to: p1 } }
units:
  p1: { kind: homecare, capacity: p1_packages, los: 2 days }
`;
const errors = (text: string, set?: string[]) =>
  analyseScenario(text, 's.yaml', { set })
    .diagnostics.filter((d) => d.severity === 'error')
    .map((d) => ({ code: d.code, at: `${d.file}:${d.line}:${d.col}`, path: d.path, hint: d.hint }));

describe('applySet(root, path, value, loc, diags, fixed) via analyseScenario', () => {
  it('rejects an unknown param in a strategy `set`, at the key, with did you mean', () => {
    const e = errors(TEXT + 'strategies:\n  more:\n    set: { params.p1_pakages: 30 }\n');
    expect(e).toEqual([{ code: 'unknown-set-path', at: 's.yaml:9:12', path: 'params.p1_pakages', hint: 'did you mean `p1_packages`?' }]);
  });

  it('rejects an unknown param in --set, naming the flag', () => {
    const e = errors(TEXT, ['params.p1_pakages=2400']);
    expect(e).toEqual([{ code: 'unknown-set-path', at: '<--set 1>:1:1', path: 'params.p1_pakages', hint: 'did you mean `p1_packages`?' }]);
  });

  it('rejects a key of an unknown unit, and a sweep over an unknown param once, at its key', () => {
    expect(errors(TEXT + 'strategies:\n  more:\n    set: { units.p1x.capacity: 3 }\n').map((x) => [x.code, x.path, x.hint])).toEqual([
      ['unknown-set-path', 'units.p1x.capacity', 'did you mean `p1`?'],
    ]);
    expect(errors(TEXT + 'sweep: { params.p1_pakage: [1, 2, 3] }\n')).toEqual([
      { code: 'unknown-set-path', at: 's.yaml:7:10', path: 'params.p1_pakage', hint: 'did you mean `p1_packages`?' },
    ]);
  });

  it('accepts existing names, keys a unit did not write, and a whole new unit', () => {
    const text =
      TEXT +
      `strategies:
  more:
    set: { params.p1_packages: 30, units.p1.queue: none, units.p1.next: { home: 50%, extra: rest }, units.extra: { kind: beds, capacity: 2, los: 1 day } }
`;
    expect(errors(text)).toEqual([]);
    expect(errors(TEXT, ['params.p1_packages=25', 'units.p1.capacity=30'])).toEqual([]);
  });
});
