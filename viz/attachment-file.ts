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

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

interface Kind {
  option: string;
  format: string;
  what: string;
  command: string;
  /** Fields the report reads, and what each must be. */
  fields: Record<string, 'object' | 'array' | 'string' | 'number'>;
}

const KINDS = {
  optimise: {
    option: '--optimise',
    format: OPTIMISE_FORMAT,
    what: 'an optimisation file',
    command: '`caresim optimise SCENARIO --out opt.json`',
    fields: {
      statement: 'string',
      status: 'string',
      objective: 'object',
      constraints: 'array',
      runners_up: 'array',
      closest: 'array',
      unmet: 'array',
      evidence: 'object',
    },
  },
  sensitivity: {
    option: '--sensitivity',
    format: SENSITIVITY_FORMAT,
    what: 'a sensitivity file',
    command: '`caresim sensitivity SCENARIO --out sens.json`',
    fields: { replications: 'number', inputs: 'array', one_at_a_time: 'object' },
  },
} satisfies Record<string, Kind>;

const typeOf = (v: unknown) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);

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
  for (const [name, want] of Object.entries(k.fields)) {
    if (typeOf(doc[name]) !== want)
      throw new ResultsFileError(
        `${k.option} ${file} cannot be shown: \`${name}\` should be ${want === 'array' ? 'a list' : `${want === 'object' ? 'an' : 'a'} ${want}`}, found ${typeOf(doc[name])}; ${expected}`,
      );
  }
  if (!isObject(doc.scenario) || typeof doc.scenario.hash !== 'string')
    throw new ResultsFileError(`${k.option} ${file} names no scenario; ${expected}`);
  return doc;
}

/**
 * The attachments for a report of a run of scenario `run`, and a warning for each made from another
 * scenario text than the run (different hash).
 */
export function readAttachments(
  files: { optimise?: string; sensitivity?: string },
  run: Pick<Results['scenario'], 'hash'>,
): { attached: Attachments; warnings: string[] } {
  const attached: Attachments = {},
    warnings: string[] = [];
  const check = (file: string, k: Kind, doc: Record<string, unknown>) => {
    const s = doc.scenario as { name?: unknown; hash: string };
    if (s.hash !== run.hash)
      warnings.push(
        `${k.option} ${file} was made from ${typeof s.name === 'string' ? `\`${s.name}\`` : 'a scenario'} with another text (hash ${s.hash.slice(0, 8)}) than the run (${run.hash.slice(0, 8)}); the report shows it as it is`,
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
