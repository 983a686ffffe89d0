import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { fitFiles } from '../../fit/fit-files.js';
import { generateStays, generateCounts, TRUTH } from '../../fit/synthetic.js';
import { loadScenario, checkScenario } from '../../scenarios/index.js';
import { simulate, DAY } from '../../engine/index.js';
import { distMean } from '../../engine/distributions.js';
import { tempDir } from '../temp-dir.js';

const dir = tempDir('fit-files');

function staysCsv(name: string, days: number, rate: number, seed = 7): string[] {
  const lines: string[] = [];
  generateStays({ seed, start: '2025-01-01', days, rate }, (l) => lines.push(l));
  writeFileSync(join(dir, name), `${lines.join('\n')}\n`);
  return lines;
}

describe('fitFiles', () => {
  it('fitFiles(stays.csv) and fitFiles(stays.xlsx with date cells) give the same fit', async () => {
    const lines = staysCsv('same.csv', 200, 4);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('stays');
    const cell = (v: string, i: number) => (i >= 1 && i <= 3 && v !== '' ? new Date(`${v}:00Z`) : v);
    for (const l of lines) ws.addRow(l.split(',').map((v, i) => (l === lines[0] ? v : cell(v, i))));
    for (const c of [2, 3, 4]) ws.getColumn(c).numFmt = 'yyyy-mm-dd hh:mm';
    await wb.xlsx.writeFile(join(dir, 'same.xlsx'));
    const a = await fitFiles([join(dir, 'same.csv')], { bootstrap: 9 });
    const b = await fitFiles([join(dir, 'same.xlsx')], { bootstrap: 9 });
    expect(b.sources[0].used).toBe(lines.length - 1);
    expect(b.sources[0].bad).toBe(0);
    const body = (t: string) =>
      t
        .split('\n')
        .filter((l) => !l.includes('same.'))
        .join('\n');
    expect(body(b.fragment)).toBe(body(a.fragment));
  });

  it('fitFiles(extract with bad rows) lists each with its line and reason and fits the good rows unchanged', async () => {
    const lines = staysCsv('clean.csv', 200, 4);
    const dirty = [...lines];
    dirty.splice(10, 0, 'acute,2025-13-01T10:00,,,,');
    dirty.splice(20, 0, 'acute,2025-01-05T10:00,2025-01-02T10:00,,home,frail');
    dirty.splice(30, 0, ',2025-01-05T10:00,2025-01-06T10:00,,home,frail');
    writeFileSync(join(dir, 'dirty.csv'), `${dirty.join('\n')}\n`);
    const clean = await fitFiles([join(dir, 'clean.csv')], { bootstrap: 9 });
    const r = await fitFiles([join(dir, 'dirty.csv')], { bootstrap: 9 });
    expect(r.sources[0].badRows.map((b) => b.line)).toEqual([11, 21, 31]);
    expect(r.sources[0].badRows.map((b) => b.reason)).toEqual([
      'admitted "2025-13-01T10:00" is not a date (expected YYYY-MM-DD or dd/mm/yyyy, with an optional time hh:mm)',
      'discharged (2025-01-02T10:00) is before admitted (2025-01-05T10:00)',
      'unit is blank',
    ]);
    expect(r.sources[0].used).toBe(lines.length - 1);
    const body = (t: string) =>
      t
        .split('\n')
        .filter((l) => !l.includes('.csv'))
        .join('\n');
    expect(body(r.fragment)).toBe(body(clean.fragment));
  });

  it('fitFiles(stays, counts) writes a fragment that compiles, carries the uncertainty of each mean into the replications, and runs to the generating length of stay', async () => {
    staysCsv('stays.csv', 730, 8, 11);
    const counts: string[] = [];
    generateCounts({ seed: 11, start: '2025-01-01', days: 730, rate: 0, streams: [['ed', 120]] }, (l) => counts.push(l));
    writeFileSync(join(dir, 'counts.csv'), `${counts.join('\n')}\n`);
    const r = await fitFiles([join(dir, 'stays.csv'), join(dir, 'counts.csv')], { bootstrap: 19 });
    writeFileSync(join(dir, 'fitted.yaml'), r.fragment);
    writeFileSync(
      join(dir, 'model.yaml'),
      [
        'extends: fitted.yaml',
        'caresim: 1',
        'name: Fitted',
        'time: { horizon: 365 days, warmup: 60 days, start: 2027-01-04 }',
        'seed: 3',
        'arrivals:',
        '  ed: { to: ed }',
        'units:',
        '  ed: { kind: front, service: 4 hours, next: home }',
        '  acute: { kind: beds, capacity: 1000 }',
        '  rehab: { kind: beds, capacity: 1000, queue: none }',
        '',
      ].join('\n'),
    );
    const file = join(dir, 'model.yaml');
    expect(checkScenario(file).filter((d) => d.severity === 'error')).toEqual([]);
    const sc = loadScenario(file);
    const base = sc.strategies[0];
    // Each replication draws its own mean stay of frail patients, inside the fitted interval.
    const m = /acute_frail_los_mean: uniform\(([\d.]+) days, ([\d.]+) days\)/.exec(r.fragment)!;
    const [lo, hi] = [Number(m[1]), Number(m[2])];
    const acute = base.model.units.findIndex((u) => u.name === 'acute');
    const frail = sc.strategies[0].model.cohorts.findIndex((c) => c.name === 'frail');
    const draws = Array.from({ length: 10 }, (_, k) => distMean(base.modelFor(sc.seed, k).units[acute].service[frail]) / DAY);
    for (const d of draws) {
      expect(d).toBeGreaterThanOrEqual(lo - 1e-9);
      expect(d).toBeLessThanOrEqual(hi + 1e-9);
    }
    expect(new Set(draws.map((d) => d.toFixed(6))).size).toBe(10);
    // With no blocking, time in acute = treatment + hand-off; the generating values give:
    const cv = TRUTH.cohorts.frail;
    const treat = cv * 11 + (1 - cv) * 5;
    const hand = TRUTH.acuteNext.reduce((s, [d, p]) => s + p * distMean(TRUTH.handoff[d]), 0);
    const reps = Array.from(
      { length: 8 },
      (_, k) => simulate(base.modelFor(sc.seed, k), { seed: sc.seed, replication: k }).units.acute.los_mean,
    );
    const mean = reps.reduce((a, b) => a + b, 0) / reps.length;
    const sd = Math.sqrt(reps.reduce((a, b) => a + (b - mean) ** 2, 0) / (reps.length - 1));
    const half = (2.365 * sd) / Math.sqrt(reps.length); // t(0.975, 7)
    // The fitted means carry about 2% estimation error of their own on top of the replications' spread.
    expect(Math.abs(mean - (treat + hand))).toBeLessThanOrEqual(half + 0.04 * (treat + hand));
  });
});
