/**
 * Reads the files `--optimise` and `--sensitivity` attach to a board report. A wrong file is
 * refused with what it is and what was expected (the CLI exits 2); a file from another version
 * of the scenario is shown with a warning, since a planner may have edited a comment since.
 */
import { readFileSync, statSync } from 'node:fs';
import { OPTIMISE_FORMAT, type OptimiseFile } from '../optimise/index.js';
import { SENSITIVITY_FORMAT, type SensitivityFile } from '../sensitivity/index.js';
import type { Results } from '../results/index.js';
import type { Attachments } from './attachments.js';
import { ResultsFileError } from './results-file.js';
import {
  bool,
  count,
  fields,
  isObject,
  list,
  named,
  nullable,
  num,
  numOrNull,
  optional,
  pair,
  positive,
  text,
  type Shape,
} from './shape.js';

interface Kind {
  option: string;
  format: string;
  what: string;
  command: string;
  /** Every field the report reads, and what each must be (viz/optimise-html.ts, viz/sensitivity-html.ts). */
  shape: Shape;
}

/** A mean with its interval, as a section prints it: the mean may be null (no replication finished). */
const interval = fields({ mean: numOrNull, ci95: pair(numOrNull) });
const values = named(num);
const plan = fields({
  values,
  replications: count,
  objective: fields({ mean: num, ci95: pair(num) }),
  targets: list(fields({ met: bool, mean: num, bound: num })),
});
const optimiseShape = fields({
  scenario: fields({ name: optional(text), hash: text }),
  statement: text,
  status: text,
  objective: fields({ text, sense: text }),
  constraints: list(fields({ text, name: text, op: text, target: num })),
  chosen: nullable(plan),
  runners_up: list(plan),
  closest: list(plan),
  unmet: list(fields({ text, best: num, at: values })),
  evidence: fields({
    replications: count,
    budget: count,
    grid_points: count,
    visited: count,
    plans: list(fields({ values, replications: count, status: text, reason: text })),
  }),
  trade_off: nullable(fields({ points: list(fields({ values, objective: num, value: num, replications: count })) })),
  strategy_yaml: optional(nullable(text)),
});
const influence = fields({ input: text, prcc: numOrNull, prcc_ci95: pair(numOrNull) });
const sensitivityShape = fields({
  scenario: fields({ name: optional(text), hash: text }),
  replications: positive,
  inputs: list(fields({ param: text, low: num, high: num, unit: text })),
  one_at_a_time: named(list(fields({ param: text, low: interval, high: interval }))),
  global: optional(named(fields({ n: count, r2: numOrNull, inputs: list(influence) }))),
  failures: optional(list(fields({ strategy: text, replication: count, error: text }))),
});

const KINDS = {
  optimise: {
    option: '--optimise',
    format: OPTIMISE_FORMAT,
    what: 'an optimisation file',
    command: '`caresim optimise SCENARIO --out opt.json`',
    shape: (v, at) => optimiseShape(v, at) ?? tradeOffProblem(v as OptimiseFile),
  },
  sensitivity: {
    option: '--sensitivity',
    format: SENSITIVITY_FORMAT,
    what: 'a sensitivity file',
    command: '`caresim sensitivity SCENARIO --out sens.json`',
    shape: (v, at) => sensitivityShape(v, at) ?? unknownInput(v as SensitivityFile),
  },
} satisfies Record<string, Kind>;

/** The trade-off is drawn against the first target, so it needs one. */
function tradeOffProblem(f: OptimiseFile): string | null {
  return f.trade_off && f.constraints.length === 0 ? '`constraints` should name a target for `trade_off`, found an empty list' : null;
}

/** A one-at-a-time row is labelled with its input's range, so its param must be one of `inputs`. */
function unknownInput(f: SensitivityFile): string | null {
  const known = new Set(f.inputs.map((i) => i.param));
  for (const [kpi, rows] of Object.entries(f.one_at_a_time))
    for (const [i, r] of rows.entries())
      if (!known.has(r.param)) return `\`one_at_a_time.${kpi}[${i}].param\` should name one of \`inputs\`, found \`${r.param}\``;
  return null;
}

function readKind(file: string, k: Kind): Record<string, unknown> {
  const expected = `${k.option} expects ${k.what} written by ${k.command}`;
  let body: string;
  try {
    if (statSync(file).isDirectory()) throw new ResultsFileError(`${k.option} ${file} is a folder; ${expected}`);
    body = readFileSync(file, 'utf8');
  } catch (e) {
    if (e instanceof ResultsFileError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new ResultsFileError(`${k.option} ${file}: ${code === 'ENOENT' ? 'no such file' : `cannot be read (${code ?? String(e)})`}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch {
    throw new ResultsFileError(`${k.option} ${file} is not JSON${body.trim() === '' ? ' (it is empty)' : ''}; ${expected}`);
  }
  if (!isObject(doc) || doc.format !== k.format) {
    const f = isObject(doc) && typeof doc.format === 'string' ? `\`${doc.format}\`` : 'no `format`';
    throw new ResultsFileError(`${k.option} ${file} has ${f} where ${k.what} has \`${k.format}\`; ${expected}`);
  }
  const problem = k.shape(doc, '');
  if (problem) throw new ResultsFileError(`${k.option} ${file} cannot be shown: ${problem}; ${expected}`);
  return doc;
}

/**
 * The attachments for a report of a run of scenario `run`, and a warning for each made from another
 * scenario than the run: plainly so when the scenario's name differs (its numbers are another
 * system's), else when only its text does (different hash: a planner may have edited a comment).
 * Both stay warnings, not refusals: a planner may rename a scenario, and the report shows the file as it is.
 */
export function readAttachments(
  files: { optimise?: string; sensitivity?: string },
  run: Pick<Results['scenario'], 'hash' | 'name'>,
): { attached: Attachments; warnings: string[] } {
  const attached: Attachments = {},
    warnings: string[] = [];
  const check = (file: string, k: Kind, doc: Record<string, unknown>) => {
    const s = doc.scenario as { name?: string; hash: string };
    if (s.name !== undefined && s.name !== run.name)
      warnings.push(
        `${k.option} ${file} comes from another scenario, \`${s.name}\`, not the run's \`${run.name}\`; its numbers are about that scenario, and the report shows them as they are`,
      );
    else if (s.hash !== run.hash)
      warnings.push(
        `${k.option} ${file} was made from ${s.name !== undefined ? `\`${s.name}\`` : 'a scenario'} with another text (hash ${s.hash.slice(0, 8)}) than the run (${(run.hash ?? '').slice(0, 8)}); the report shows it as it is`,
      );
  };
  if (files.optimise) {
    const doc = readKind(files.optimise, KINDS.optimise);
    check(files.optimise, KINDS.optimise, doc);
    attached.optimise = doc as unknown as OptimiseFile;
  }
  if (files.sensitivity) {
    const doc = readKind(files.sensitivity, KINDS.sensitivity);
    check(files.sensitivity, KINDS.sensitivity, doc);
    attached.sensitivity = doc as unknown as SensitivityFile;
  }
  return { attached, warnings };
}
