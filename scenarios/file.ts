/**
 * Loading scenarios from disk (Node only; browsers call `loadScenarioText`).
 */
import { readFileSync, statSync } from 'node:fs';
import { Diagnostics, ScenarioError, type Diagnostic } from './errors.js';
import { analyseScenario, type Analysis, type CompiledScenarioWithWarnings } from './load.js';
import { MAX_BYTES } from './parse.js';

/** Reads a text file, refusing files too large to be a scenario before reading them. */
export function readScenarioFile(path: string): string {
  const size = statSync(path).size;
  if (size > MAX_BYTES) throw new Error(`the file has ${size} bytes, more than the 1 MB a scenario may have`);
  return readFileSync(path, 'utf8');
}

export function analyseScenarioFile(file: string, opts: { set?: string[] } = {}): Analysis {
  // A script's mistake, not the scenario's: `set: 'a=b'` failed deep inside as "set.forEach is not a function".
  const set: unknown = opts.set;
  if (set !== undefined && !(Array.isArray(set) && set.every((x) => typeof x === 'string'))) {
    throw new TypeError(`set: expected a list of PATH=EXPR texts (e.g. ['units.acute.capacity=2000']), got ${JSON.stringify(set)}`);
  }
  let text: string;
  try {
    text = readScenarioFile(file);
  } catch (e) {
    const diags = new Diagnostics();
    diags.error('file-unreadable', { file, line: 1, col: 1 }, '', `cannot read \`${file}\`: ${(e as Error).message.split('\n')[0]}`, {
      expected: 'a readable scenario file (YAML, at most 1 MB)',
    });
    return { diagnostics: diags.list, sources: new Map(), loaded: null };
  }
  return analyseScenario(text, file, { set: opts.set, readFile: readScenarioFile });
}

export function loadScenario(file: string, opts: { set?: string[] } = {}): CompiledScenarioWithWarnings {
  const a = analyseScenarioFile(file, opts);
  if (!a.loaded) throw new ScenarioError(a.diagnostics);
  return a.loaded;
}

export function checkScenario(file: string, opts: { set?: string[] } = {}): Diagnostic[] {
  return analyseScenarioFile(file, opts).diagnostics;
}
