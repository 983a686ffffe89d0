/**
 * Results files, written and read in the line layout of runner/json-lines.ts: a long
 * horizon with a sweep gives a results file larger than one string can be, which must be
 * written all the same rather than computed and then lost. The text is plain JSON; each
 * unit's daily series sits on its own line.
 */
import { readFileSync, statSync } from 'node:fs';
import { writeAtomic } from './atomic.js';
import { readJsonLines, JsonLinesError, writeJsonLines, type ReadOptions } from './json-lines.js';
import { withAbsentRanges, type Results } from '../results/index.js';

/** Root, strategies, each strategy and its `daily`: deep enough that no line holds more than one unit's series. */
export const resultsLayout = (path: readonly (string | number)[]) => path.length < 4;

export function writeResultsFile(file: string, results: Results): void {
  writeAtomic(file, (put) => writeJsonLines(results, put, { open: resultsLayout, special: 'null' }));
}

/** Files in another layout (one line, or pretty-printed) are read whole when they fit in a string. */
const WHOLE_MAX = 256 * 1024 * 1024;

export class ResultsFileError extends Error {
  readonly code = 'RESULTS_INVALID';
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

export async function readResultsFile(file: string): Promise<Results> {
  return withAbsentRanges((await readJsonFile(file)).value as Results);
}
