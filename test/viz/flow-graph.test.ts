import { describe, it, expect } from 'vitest';
import { flowGraph, nodeLabel } from '../../viz/flow-graph.js';
import type { Flow, Stat } from '../../results/index.js';

const s = (mean: number): Stat => ({ mean, sd: 0, ci95: [mean, mean], p10: mean, p90: mean, n: 10 });
const flow = (from: string, to: string, perDay: number, delayed?: number): Flow => ({
  from,
  to,
  per_day: s(perDay),
  ...(delayed !== undefined ? { delayed_per_day: s(delayed) } : {}),
});

// Arrivals to acute; acute to rehab (some after waiting) and home; rehab back to acute (a loop) and home;
// acute holds 2 more patients a day's worth at the end than at the start.
const flows: Flow[] = [
  flow('stock:start', 'unit:acute', 10),
  flow('stock:start', 'unit:rehab', 3),
  flow('source:walk_in', 'unit:acute', 20),
  flow('unit:acute', 'unit:rehab', 6, 2),
  flow('unit:acute', 'exit:home', 13),
  flow('unit:rehab', 'unit:acute', 1),
  flow('unit:rehab', 'exit:home', 5),
  flow('unit:acute', 'stock:end', 12),
  flow('unit:rehab', 'stock:end', 3),
];

const sums = (g: ReturnType<typeof flowGraph>, id: string) => ({
  in: g.links.filter((l) => l.target === id).reduce((a, l) => a + l.value, 0),
  out: g.links.filter((l) => l.source === id).reduce((a, l) => a + l.value, 0),
});

describe('flowGraph(flows, labels)', () => {
  const g = flowGraph(flows, { units: { acute: 'Acute hospital beds' } });

  it('cuts the loop into a "back to" and a "returning to" box carrying the same patients', () => {
    const ids = g.nodes.map((n) => n.id);
    expect(ids).toContain('back:acute');
    expect(ids).toContain('again:acute');
    expect(g.links.some((l) => l.source === 'unit:rehab' && l.target === 'unit:acute')).toBe(false);
    expect(sums(g, 'back:acute').in).toBe(1);
    expect(sums(g, 'again:acute').out).toBe(1);
  });

  it('draws the net change inside a unit, and every unit balances', () => {
    expect(g.links.filter((l) => l.target === 'stock:more')).toEqual([expect.objectContaining({ source: 'unit:acute', value: 2 })]);
    expect(g.nodes.some((n) => n.id === 'stock:fewer')).toBe(false); // rehab: 3 at the start, 3 at the end
    for (const u of ['unit:acute', 'unit:rehab']) {
      const x = sums(g, u);
      expect(x.in).toBeCloseTo(x.out, 12);
    }
  });

  it('splits an edge into a prompt band and a delayed band, both with the edge as their table row', () => {
    const bands = g.links.filter((l) => l.edge === 'unit:acute->unit:rehab');
    expect(bands.map((l) => [l.value, l.delayed])).toEqual([
      [4, false],
      [2, true],
    ]);
    const rows = new Set(g.rows.map((r) => r.edge));
    for (const l of g.links) expect(rows.has(l.edge)).toBe(true);
    expect(g.rows.find((r) => r.edge === 'unit:acute->unit:rehab')!.delayed!.mean).toBe(2);
  });

  it('labels nodes in plain words, the scenario labels first', () => {
    expect(g.nodes.find((n) => n.id === 'unit:acute')!.label).toBe('Acute hospital beds');
    expect(nodeLabel('unit:rehab')).toBe('rehab');
    expect(nodeLabel('exit:care_home')).toBe('Care home');
    expect(nodeLabel('cohort:frail', { cohorts: { frail: 'Frail older people' } })).toBe('Frail older people: crises');
    expect(nodeLabel('lost:turned_away')).toBe('Turned away (no place)');
    expect(nodeLabel('back:acute', { units: { acute: 'Acute' } })).toBe('Back to Acute');
  });
});
