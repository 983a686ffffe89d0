/**
 * Everything in a results file as tidy tables, one row per observation: what `--csv` writes
 * as one file per table and `--xlsx` as one sheet per table, so the two cannot disagree.
 * Tidy rows load straight into R, pandas or a spreadsheet. Columns are documented in the
 * README ("Take-away files").
 */
import type { Results, Stat } from '../results/index.js';
import type { ReplicationResult } from '../engine/index.js';

export type Cell = string | number | null;

export interface Table {
  /** File name without `.csv`, and sheet name. */
  name: string;
  header: string[];
  rows: Cell[][];
}

/** What a per-replication row needs: a replication's scalars, not its daily series. */
export type ReplicationScalars = Pick<ReplicationResult, 'replication' | 'kpis' | 'units'>;

/** The columns of every Stat, in this order. */
export const STAT_COLUMNS = ['mean', 'sd', 'ci95_lo', 'ci95_hi', 'n', 'p10', 'p90'];
// p10/p90 come after n: columns only ever get added at the end, so readers by position keep working.
const statCols = (s: Stat): Cell[] => [s.mean, s.sd, s.ci95[0], s.ci95[1], s.n, s.p10 ?? null, s.p90 ?? null];

export function summaryTable(r: Results): Table {
  const rows: Cell[][] = [];
  for (const [name, s] of Object.entries(r.strategies)) {
    for (const [k, st] of Object.entries(s.kpis)) rows.push([name, 'system', k, ...statCols(st)]);
    for (const [u, metrics] of Object.entries(s.units)) {
      for (const [m, st] of Object.entries(metrics)) rows.push([name, u, m, ...statCols(st)]);
    }
    for (const [e, st] of Object.entries(s.exits)) rows.push([name, 'exit', `${e}_per_day`, ...statCols(st)]);
  }
  return { name: 'summary', header: ['strategy', 'unit', 'metric', ...STAT_COLUMNS], rows };
}

export function differencesTable(r: Results): Table {
  const base = Object.keys(r.strategies)[0] ?? 'baseline';
  const rows: Cell[][] = [];
  for (const [name, d] of Object.entries(r.differences)) {
    for (const [k, st] of Object.entries(d)) rows.push([name, base, k, ...statCols(st)]);
  }
  return { name: 'differences', header: ['strategy', 'baseline', 'metric', ...STAT_COLUMNS], rows };
}

/**
 * The calendar date `day` measured days after `start` (YYYY-MM-DD), read from a list made
 * as the table asks (days are array indices): the daily tables have a row per strategy,
 * unit, series and day, and a Date per row was most of the time `--csv` took.
 */
function datesAfter(start: string): (day: number) => string | null {
  const t = Date.parse(`${start}T00:00:00Z`);
  const known: string[] = [];
  return (day) => {
    if (!Number.isFinite(t)) return null;
    return (known[day] ??= new Date(t + day * 86_400_000).toISOString().slice(0, 10));
  };
}

/** Daily series: one row per strategy, unit, series and measured day (capacity has a mean only). */
export function dailyTable(r: Results): Table {
  const rows: Cell[][] = [];
  const dateAfter = datesAfter(r.start_date);
  const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  for (const [name, s] of Object.entries(r.strategies)) {
    for (const [u, d] of Object.entries(s.daily)) {
      for (const series of ['occupancy', 'blocked', 'queue', 'admissions'] as const) {
        const b = d[series];
        if (!b) continue;
        b.mean.forEach((m, day) => rows.push([name, u, series, day, dateAfter(day), num(m), num(b.p05[day]), num(b.p95[day])]));
      }
      d.capacity.forEach((m, day) => rows.push([name, u, 'capacity', day, dateAfter(day), num(m), null, null]));
    }
  }
  return { name: 'daily', header: ['strategy', 'unit', 'series', 'day', 'date', 'mean', 'p05', 'p95'], rows };
}

/** Sweep points: the swept values and every KPI of each point (empty without a sweep). */
export function sweepTable(r: Results): Table {
  const paths = r.sweep?.paths ?? [];
  const rows: Cell[][] = [];
  for (const p of r.sweep?.points ?? []) {
    const s = r.strategies[p.strategy];
    if (!s) continue;
    for (const [k, st] of Object.entries(s.kpis)) rows.push([p.strategy, ...paths.map((x) => p.values[x] ?? null), k, ...statCols(st)]);
  }
  return { name: 'sweep', header: ['strategy', ...paths, 'metric', ...STAT_COLUMNS], rows };
}

/** Population: per strategy and cohort, the yearly rates; people a day are in population_daily. */
export function populationTable(r: Results): Table {
  const rows: Cell[][] = [];
  for (const [name, s] of Object.entries(r.strategies)) {
    for (const [c, p] of Object.entries(s.population ?? {})) {
      for (const [k, v] of Object.entries(p)) if (!Array.isArray(v)) rows.push([name, c, k, ...statCols(v)]);
    }
  }
  return { name: 'population', header: ['strategy', 'cohort', 'metric', ...STAT_COLUMNS], rows };
}

export function populationDailyTable(r: Results): Table {
  const rows: Cell[][] = [];
  const dateAfter = datesAfter(r.start_date);
  for (const [name, s] of Object.entries(r.strategies)) {
    for (const [c, p] of Object.entries(s.population ?? {})) {
      p.people.forEach((v, day) => rows.push([name, c, day, dateAfter(day), Number.isFinite(v) ? v : null]));
    }
  }
  return { name: 'population_daily', header: ['strategy', 'cohort', 'day', 'date', 'people'], rows };
}

/** One row per strategy with a verdict; the KPIs lists are separated by `; `. */
export function verdictsTable(r: Results): Table {
  const rows: Cell[][] = [];
  for (const [name, s] of Object.entries(r.strategies)) {
    const v = s.verdict;
    if (v) rows.push([name, v.verdict, v.better.join('; '), v.worse.join('; '), (v.discounted ?? []).join('; ')]);
  }
  return { name: 'verdicts', header: ['strategy', 'verdict', 'better', 'worse', 'discounted'], rows };
}

export function changesTable(r: Results): Table {
  const rows: Cell[][] = [];
  for (const [name, s] of Object.entries(r.strategies)) for (const c of s.changes ?? []) rows.push([name, c.path, c.from, c.to]);
  return { name: 'changes', header: ['strategy', 'path', 'from', 'to'], rows };
}

/** Funded places closed and bought, and a `net` row with the net change in cost a year. */
export function fundingTable(r: Results): Table {
  const rows: Cell[][] = [];
  for (const [name, s] of Object.entries(r.strategies)) {
    const f = s.funding;
    if (!f) continue;
    for (const l of f.closed) rows.push([name, 'closed', l.unit, l.places_from, l.places_to, l.cost_per_year]);
    for (const l of f.bought) rows.push([name, 'bought', l.unit, l.places_from, l.places_to, l.cost_per_year]);
    rows.push([name, 'net', null, null, null, f.net_per_year]);
  }
  return { name: 'funding', header: ['strategy', 'change', 'unit', 'places_from', 'places_to', 'cost_per_year'], rows };
}

/** The pathway's flows: one row per strategy x edge x measure (`per_day`, `delayed_per_day`). */
export function flowsTable(r: Results): Table {
  const rows: Cell[][] = [];
  for (const [name, s] of Object.entries(r.strategies)) {
    for (const f of s.flows ?? []) {
      rows.push([name, f.from, f.to, 'per_day', ...statCols(f.per_day)]);
      if (f.delayed_per_day) rows.push([name, f.from, f.to, 'delayed_per_day', ...statCols(f.delayed_per_day)]);
    }
  }
  return { name: 'flows', header: ['strategy', 'from', 'to', 'measure', ...STAT_COLUMNS], rows };
}

/** One row per replication, one column per uncertain param: the draws, to join with replications. */
export function drawsTable(d: NonNullable<Results['draws']>): Table {
  return { name: 'draws', header: ['replication', ...d.params], rows: d.values.map((v, r) => [r, ...v]) };
}

export function labelsTable(r: Results): Table {
  const rows: Cell[][] = [];
  for (const [kind, map] of Object.entries(r.labels ?? {})) {
    for (const [n, l] of Object.entries((map ?? {}) as Record<string, string>)) rows.push([kind, n, l]);
  }
  return { name: 'labels', header: ['kind', 'name', 'label'], rows };
}

export function warningsTable(r: Results): Table {
  // The scenario's own warnings from `check` have no strategy; their `unit` is the key they are about.
  const rows: Cell[][] = [
    ...(r.warnings ?? []).map((w) => [w.strategy, w.unit, w.code, w.message]),
    ...(r.scenario_warnings ?? []).map((w) => ['', w.key, w.code, w.message]),
  ];
  return { name: 'warnings', header: ['strategy', 'unit', 'code', 'message'], rows };
}

export function replicationsTable(raw: Record<string, Iterable<ReplicationScalars>>): Table {
  const rows: Cell[][] = [];
  for (const [name, reps] of Object.entries(raw)) {
    for (const rep of reps) {
      for (const [k, v] of Object.entries(rep.kpis)) rows.push([name, rep.replication, 'system', k, v]);
      for (const [u, metrics] of Object.entries(rep.units)) {
        for (const [m, v] of Object.entries(metrics)) rows.push([name, rep.replication, u, m, v]);
      }
    }
  }
  return { name: 'replications', header: ['strategy', 'replication', 'unit', 'metric', 'value'], rows };
}

/** The name of every table a run may write (each `<name>.csv` in the --csv folder). */
export const TABLE_NAMES = [
  'summary',
  'differences',
  'replications',
  'daily',
  'sweep',
  'population',
  'population_daily',
  'verdicts',
  'changes',
  'funding',
  'flows',
  'draws',
  'labels',
  'warnings',
] as const;

/**
 * Every table of the results: summary and differences always; the others when the results
 * hold something for them (a run without a sweep writes no sweep table); replications with
 * `raw` (--per-rep).
 */
export function resultTables(r: Results, raw?: Record<string, Iterable<ReplicationScalars>>): Table[] {
  const always = [summaryTable(r), differencesTable(r)];
  const optional = [
    dailyTable(r),
    sweepTable(r),
    populationTable(r),
    populationDailyTable(r),
    verdictsTable(r),
    changesTable(r),
    fundingTable(r),
    flowsTable(r),
    ...(r.draws ? [drawsTable(r.draws)] : []),
    labelsTable(r),
    warningsTable(r),
  ].filter((t) => t.rows.length > 0);
  return [...always, ...(raw ? [replicationsTable(raw)] : []), ...optional];
}
