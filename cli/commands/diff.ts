/**
 * `caresim diff A B`: two results files side by side (results/diff.ts). Exit 2 when a file
 * cannot be read or the two are not comparable (every reason named); scenario hashes that
 * differ are a warning, since comparing two versions of a plan is what diff is for.
 */
import { diffResults, kpiInfo, type Diff, type DiffRow } from '../../results/index.js';
import { num } from '../summary-table.js';
import { writeFileAtomic } from '../../runner/index.js';
import { EXIT, type Io } from '../io.js';
import { reportError } from '../failure.js';
import { checkFileOutputs } from '../output-paths.js';
import { table } from '../summary-table.js';
import { tableCsv } from '../csv.js';
import type { Results } from '../../results/index.js';
import type { Cell } from '../tables.js';

export interface DiffArgs {
  a: string;
  b: string;
  out?: string;
  csv?: string;
  quiet: boolean;
}

/** A results file, or a usage error saying what the file is (missing, not JSON, a shard, a scenario...). */
async function read(file: string): Promise<Results> {
  const { readResultsFile } = await import('../../viz/results-file.js');
  return readResultsFile(file);
}

const yesNo = (v: boolean | null) => (v === null ? '–' : v ? 'yes' : 'no');

/** The terminal table: headline KPIs of each common strategy. */
export function formatDiff(d: Diff): string {
  const out: string[] = [];
  for (const s of d.strategies) {
    const rows = d.rows.filter((r) => r.strategy === s && r.headline);
    if (rows.length === 0) continue;
    const body = rows.map((r: DiffRow) => {
      const kind = kpiInfo(r.metric).kind;
      const [lo, hi] = r.difference.ci95;
      const diff = `${num(kind, r.difference.mean)}${lo === null || hi === null ? '' : ` (${num(kind, lo)} to ${num(kind, hi)})`}`;
      return [
        kpiInfo(r.metric).short ?? kpiInfo(r.metric).label,
        num(kind, r.a.mean),
        num(kind, r.b.mean),
        diff,
        yesNo(r.ci_overlap),
        yesNo(r.range_overlap),
      ];
    });
    out.push(`${s}\n${table([['KPI', 'a', 'b', 'b - a (Welch 95% CI)', 'CIs overlap', 'ranges overlap'], ...body])}`);
  }
  out.push(
    "b - a is a difference of two independent runs (not paired): its CI is Welch's, wider than the paired differences within one run.",
  );
  return `${out.join('\n\n')}\n`;
}

/** Every row as one tidy CSV table. */
export function diffCsv(d: Diff): string {
  const side = (x: Diff['rows'][number]['a']): Cell[] => [x.mean, x.ci95[0], x.ci95[1], x.p10, x.p90, x.n];
  const flag = (b: boolean | null): Cell => (b === null ? null : b ? 1 : 0);
  const rows: Cell[][] = d.rows.map((r) => [
    r.strategy,
    r.scope,
    r.metric,
    r.headline ? 1 : 0,
    ...side(r.a),
    ...side(r.b),
    r.difference.mean,
    r.difference.ci95[0],
    r.difference.ci95[1],
    r.difference.df,
    flag(r.ci_overlap),
    flag(r.range_overlap),
  ]);
  const header = ['strategy', 'unit', 'metric', 'headline'];
  for (const s of ['a', 'b']) header.push(`${s}_mean`, `${s}_ci95_lo`, `${s}_ci95_hi`, `${s}_p10`, `${s}_p90`, `${s}_n`);
  header.push('diff_mean', 'diff_ci95_lo', 'diff_ci95_hi', 'diff_df', 'ci_overlap', 'range_overlap');
  return tableCsv({ name: 'diff', header, rows });
}

export async function diffCommand(args: DiffArgs, io: Io): Promise<number> {
  try {
    checkFileOutputs(
      [
        ['results file a', args.a],
        ['results file b', args.b],
      ],
      [
        ['--out', args.out, 'diff.json'],
        ['--csv', args.csv, 'diff.csv'],
      ],
    );
    const [a, b] = [await read(args.a), await read(args.b)];
    const d = diffResults(a, b, { a: args.a, b: args.b });
    for (const n of d.notes) io.err(`caresim: warning: ${n}\n`);
    if (args.out) writeFileAtomic(args.out, `${JSON.stringify(d, null, 1)}\n`);
    if (args.csv) writeFileAtomic(args.csv, diffCsv(d));
    if (!args.quiet) io.out(formatDiff(d));
    return EXIT.ok;
  } catch (err) {
    return reportError(err, io);
  }
}
