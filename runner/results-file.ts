/**
 * Results files, written and read in the line layout of runner/json-lines.ts: a long
 * horizon with a sweep gives a results file larger than one string can be, which must be
 * written all the same rather than computed and then lost. The text is plain JSON; each
 * unit's daily series sits on its own line.
 */
import { readFileSync, statSync } from 'node:fs';
import { writeAtomic } from './atomic.js';
import { readJsonLines, JsonLinesError, writeJsonLines, type ReadOptions } from './json-lines.js';
import { withAbsentRanges, RESULTS_FORMAT, type Results } from '../results/index.js';

/** Root, strategies, each strategy and its `daily`: deep enough that no line holds more than one unit's series. */
export const resultsLayout = (path: readonly (string | number)[]) => path.length < 4;

/** Whether `doc` has what every results file has: its format and its strategies. */
function isResults(doc: unknown): doc is Results {
  const r = doc as Partial<Results> | null;
  return typeof r === 'object' && r !== null && r.format === RESULTS_FORMAT && typeof r.strategies === 'object' && r.strategies !== null;
}

export function writeResultsFile(file: string, results: Results): void {
  if (!isResults(results)) {
    throw new ResultsFileError(
      `${file} not written: expected the results of a run (with "format": "${RESULTS_FORMAT}"), got ${JSON.stringify(results)?.slice(0, 60)}`,
    );
  }
  writeAtomic(file, (put) => writeJsonLines(results, put, { open: resultsLayout, special: 'null' }));
}

/** Files in another layout (one line, or pretty-printed) are read whole when they fit in a string. */
const WHOLE_MAX = 256 * 1024 * 1024;

export class ResultsFileError extends Error {
  readonly code = 'RESULTS_INVALID';
  override readonly name = 'ResultsFileError';
}

/**
 * Any JSON file caresim wrote (results or shard), read in bounded memory when in the line
 * layout; `whole` says it was not (and so `opts` were not applied).
 */
export async function readJsonFile(file: string, opts: ReadOptions = {}): Promise<{ value: unknown; whole: boolean }> {
  try {
    return { value: await readJsonLines(file, opts), whole: false };
  } catch (err) {
    if (!(err instanceof JsonLinesError)) throw err;
    const size = statSync(file).size;
    if (size > WHOLE_MAX) {
      throw new ResultsFileError(
        `${file}: ${err.message}; a file of ${Math.round(size / 2 ** 20)} MiB in another layout is too large to read (write it with caresim)`,
      );
    }
    return { value: JSON.parse(readFileSync(file, 'utf8')) as unknown, whole: true };
  }
}

/**
 * A results file `caresim run` (or `merge`) wrote. Anything else (no such file, a folder, a
 * scenario, a journal, JSON of another kind) is a ResultsFileError that names the file.
 */
export async function readResultsFile(file: string): Promise<Results> {
  let value: unknown;
  try {
    // A pipe or a device would be read for ever.
    const st = statSync(file);
    if (!st.isFile()) {
      throw new ResultsFileError(
        st.isDirectory() ? `${file} is a folder, not a results file` : `${file} is not a regular file, not a results file`,
      );
    }
    value = (await readJsonFile(file)).value;
  } catch (err) {
    if (err instanceof ResultsFileError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new ResultsFileError(`${file}: no such file`);
    if (err instanceof SyntaxError) throw new ResultsFileError(`${file} is not a results file (not JSON: ${err.message})`);
    throw err;
  }
  if (!isResults(value)) {
    throw new ResultsFileError(`${file} is not a results file: it lacks "format": "${RESULTS_FORMAT}" and the strategies a run writes`);
  }
  if (Object.hasOwn(value, 'shard')) {
    throw new ResultsFileError(
      `${file} is a shard file (one part of a run), not a whole run: merge the shards first (mergeShardFiles, or caresim merge)`,
    );
  }
  return withAbsentRanges(value);
}
