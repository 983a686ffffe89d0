/**
 * Tidy CSV export: one row per strategy x unit x metric (KPIs under unit "system"), one
 * row per strategy x KPI for the paired differences, and with --per-rep one row per
 * replication x unit x metric. Tidy rows load straight into R, pandas or a spreadsheet.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Results, Stat } from '../results/index.js';
import type { ReplicationResult } from '../engine/index.js';
import { writeFileAtomic } from '../runner/index.js';

function field(v: string | number | null | undefined): string {
  if (v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v))) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

const row = (values: (string | number | null | undefined)[]) => values.map(field).join(',');
const statCols = (s: Stat) => [s.mean, s.sd, s.ci95[0], s.ci95[1], s.n];

export function summaryCsv(r: Results): string {
  const lines = [row(['strategy', 'unit', 'metric', 'mean', 'sd', 'ci95_lo', 'ci95_hi', 'n'])];
  for (const [name, s] of Object.entries(r.strategies)) {
    for (const [k, st] of Object.entries(s.kpis)) lines.push(row([name, 'system', k, ...statCols(st)]));
    for (const [u, metrics] of Object.entries(s.units)) {
      for (const [m, st] of Object.entries(metrics)) lines.push(row([name, u, m, ...statCols(st)]));
    }
    for (const [e, st] of Object.entries(s.exits)) lines.push(row([name, 'exit', `${e}_per_day`, ...statCols(st)]));
  }
  return `${lines.join('\n')}\n`;
}

export function differencesCsv(r: Results): string {
  const lines = [row(['strategy', 'baseline', 'metric', 'mean', 'sd', 'ci95_lo', 'ci95_hi', 'n'])];
  const base = Object.keys(r.strategies)[0] ?? 'baseline';
  for (const [name, d] of Object.entries(r.differences)) {
    for (const [k, st] of Object.entries(d)) lines.push(row([name, base, k, ...statCols(st)]));
  }
  return `${lines.join('\n')}\n`;
}

/** The pathway's flows: one row per strategy x edge x measure (`per_day`, `delayed_per_day`). */
export function flowsCsv(r: Results): string {
  const lines = [row(['strategy', 'from', 'to', 'measure', 'mean', 'sd', 'ci95_lo', 'ci95_hi', 'n'])];
  for (const [name, s] of Object.entries(r.strategies)) {
    for (const f of s.flows ?? []) {
      lines.push(row([name, f.from, f.to, 'per_day', ...statCols(f.per_day)]));
      if (f.delayed_per_day) lines.push(row([name, f.from, f.to, 'delayed_per_day', ...statCols(f.delayed_per_day)]));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** What a per-replication row needs: a replication's scalars, not its daily series. */
export type ReplicationScalars = Pick<ReplicationResult, 'replication' | 'kpis' | 'units'>;

export function replicationsCsv(raw: Record<string, Iterable<ReplicationScalars>>): string {
  const lines = [row(['strategy', 'replication', 'unit', 'metric', 'value'])];
  for (const [name, reps] of Object.entries(raw)) {
    for (const rep of reps) {
      for (const [k, v] of Object.entries(rep.kpis)) lines.push(row([name, rep.replication, 'system', k, v]));
      for (const [u, metrics] of Object.entries(rep.units)) {
        for (const [m, v] of Object.entries(metrics)) lines.push(row([name, rep.replication, u, m, v]));
      }
    }
  }
  return `${lines.join('\n')}\n`;
}

/** One row per replication, one column per uncertain param: the draws, to join with replications.csv. */
export function drawsCsv(d: NonNullable<Results['draws']>): string {
  return `${[row(['replication', ...d.params]), ...d.values.map((v, r) => row([r, ...v]))].join('\n')}\n`;
}

/** Writes summary.csv and differences.csv (draws.csv when params are uncertain, flows.csv when the run counted flows) (and replications.csv when raw is given); returns the paths. */
export function writeCsv(dir: string, r: Results, raw?: Record<string, Iterable<ReplicationScalars>>): string[] {
  mkdirSync(dir, { recursive: true });
  const files: [string, string][] = [
    ['summary.csv', summaryCsv(r)],
    ['differences.csv', differencesCsv(r)],
  ];
  if (raw) files.push(['replications.csv', replicationsCsv(raw)]);
  if (r.draws) files.push(['draws.csv', drawsCsv(r.draws)]);
  if (Object.values(r.strategies).some((s) => s.flows)) files.push(['flows.csv', flowsCsv(r)]);
  return files.map(([name, text]) => {
    const path = join(dir, name);
    writeFileAtomic(path, text);
    return path;
  });
}
