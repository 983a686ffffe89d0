import { describe, it, expect } from 'vitest';
import { economicCase, formatVerdicts } from '../../cli/verdict-lines.js';
import { economicRows } from '../../viz/economics.js';
import { applyVerdicts } from '../../results/appraisal/comparisons.js';
import { runText } from '../results/appraisal/run-text.js';

const TEXT = `caresim: 1
time: { horizon: 60 days, warmup: 20 days }
seed: 3
params: { beds: 40 }
arrivals: { a: { rate: 6/day, to: acute } }
units:
  acute: { kind: beds, capacity: beds, los: exponential(4 days), next: { p2: 40%, home: rest }, cost_place: 300/day }
  p2:    { kind: beds, capacity: 10, los: exponential(8 days), queue: none, cost_place: 200/day }
strategies:
  shift:
    set: { params.beds: beds - 3, units.p2.capacity: 14 }
    one_off: 10000
`;

describe('formatVerdicts(results)', () => {
  const r = runText(TEXT, 4);

  it('formatVerdicts shows each change from -> to, what is closed and bought, the net and the verdict', async () => {
    const text = formatVerdicts(r, await economicCase(r));
    expect(text).toContain('change   params.beds: 40 → 37');
    expect(text).toContain('closes   acute 40 → 37 places (−£328,500 a year)');
    expect(text).toContain('buys     p2 10 → 14 places (+£292,000 a year)');
    expect(text).toContain('net      −£36,500 a year on funded places');
    expect(text).toMatch(/One-off cost\s+£10,000/);
    expect(text).toContain(`verdict  ${r.strategies.shift.verdict!.verdict.toUpperCase()}`);
    expect(text).toMatch(/\d+ of \d+ strategy × measure comparisons are clear differences \(about \d+\.\d would be clear by chance alone/);
  });

  it('formatVerdicts says when the intervals are Holm-adjusted', () => {
    r.comparisons = applyVerdicts(r, 'holm');
    expect(formatVerdicts(r, [])).toContain('Holm-adjusted intervals');
  });

  it('formatVerdicts writes the economic case with the figures and words of the report, one line a KPI', async () => {
    const text = formatVerdicts(r, await economicCase(r));
    const cells = economicRows(r).rows[0].cells;
    expect(cells.length).toBeGreaterThan(5);
    for (const c of cells) expect(text).toContain(`${c.text}${c.ci ? ` (${c.ci})` : ''}\n`);
    // Funded places closed save more than the places bought cost: the return and payback say so in words or figures, never as blanks.
    expect(text).toMatch(/Payback month\s+(at once|month \d|does not pay back within the plan)/);
    expect(await economicCase({ ...r, differences: {} })).toEqual([]);
  });
});
