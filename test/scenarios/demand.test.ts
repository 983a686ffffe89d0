import { describe, it, expect } from 'vitest';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyseScenario, loadScenario } from '../../scenarios/index.js';
import { demandWindows } from '../../scenarios/demand.js';
import { DAY } from '../../engine/index.js';
import type { Model } from '../../engine/index.js';

const library = join(fileURLToPath(import.meta.url), '..', '..', '..', 'scenarios', 'library');

function model(text: string): Model {
  const a = analyseScenario(text, 's.yaml');
  if (!a.loaded) throw new Error(a.diagnostics.map((d) => d.message).join('\n'));
  return a.loaded.strategies[0].model;
}

describe('demandWindows(model)', () => {
  it('gives every window of a model whose rates never change exactly the same rates: the source rate, routed', () => {
    // About 1,000,000 customers: 3,704 windows of 29.998 days, cut across days.
    const m = model(`caresim: 1
time: { horizon: 111112 days }
arrivals: { customers: { rate: 9/day, to: servers } }
units:
  servers: { kind: beds, capacity: 10, los: exponential(1 day), next: { rest: 40%, done: rest } }
  rest: { kind: beds, capacity: 5, los: exponential(1 day), next: done }
exits: [done]
`);
    const w = demandWindows(m);
    expect(w).toHaveLength(3704);
    const servers = m.units.findIndex((u) => u.name === 'servers'),
      rest = m.units.findIndex((u) => u.name === 'rest');
    // The same numbers to the bit (the load estimate solves a window once per distinct rates).
    for (const x of w) expect(x.lam).toEqual(w[0].lam);
    expect(w[0].lam[0][servers] * DAY).toBeCloseTo(9, 12);
    expect(w[0].lam[0][rest] * DAY).toBeCloseTo(3.6, 12);
    // The windows tile the measured period.
    expect(w[0].from).toBe(0);
    expect(w.at(-1)!.to).toBe(111112 * DAY);
    for (let i = 1; i < w.length; i++) expect(w[i].from).toBe(w[i - 1].to);
  });

  it('follows a growing, seasonal population window by window', () => {
    const m = loadScenario(join(library, 'ics-default.yaml')).strategies[0].model;
    const w = demandWindows(m);
    const total = (x: (typeof w)[number]) => x.lam.flat().reduce((a, b) => a + b, 0);
    const rates = w.map(total);
    // Seasonality peaks in mid-January (4%): the windows differ, by a few per cent at most.
    expect(new Set(rates).size).toBe(rates.length);
    const spread = (Math.max(...rates) - Math.min(...rates)) / Math.min(...rates);
    expect(spread).toBeGreaterThan(0.03);
    expect(spread).toBeLessThan(0.2);
  });
});
