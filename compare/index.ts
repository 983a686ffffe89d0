/**
 * `caresim compare`: observed daily series against the simulated bands of a results file.
 * Pure (text in, comparison out), so the command line and tests share it.
 */
import { align, asResults, CompareMismatch, type Aligned } from './match.js';
import { compare, type Comparison } from './compare.js';
import { readObserved } from './observed.js';

export { CompareMismatch, type Aligned, type AlignedDay } from './match.js';
export { decodeObserved } from './observed.js';
export type { Comparison, SeriesComparison, Verdict } from './compare.js';
export { formatComparison } from './format.js';

export interface CompareInput {
  resultsFile: string;
  resultsText: string;
  observedFile: string;
  observedText: string;
  strategy?: string;
}

export function compareFiles(i: CompareInput): { comparison: Comparison; aligned: Aligned } {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(i.resultsText);
  } catch {
    /* asResults says what the file is instead */
  }
  const results = asResults(parsed, i.resultsText, i.resultsFile);
  // eslint-disable-next-line no-control-regex -- a zip file's signature
  if (/^PK\u0003\u0004/.test(i.observedText)) {
    throw new CompareMismatch(i.observedFile, [
      { message: 'this is a spreadsheet (.xlsx), not a CSV file', hint: 'save the sheet as CSV: date,series,value' },
    ]);
  }
  if (/^\s*[{[]/.test(i.observedText)) {
    throw new CompareMismatch(i.observedFile, [
      { message: 'this is JSON, not a CSV file', hint: 'the results file comes first: caresim compare results.json observed.csv' },
    ]);
  }
  const aligned = align(results, readObserved(i.observedText), i.strategy, i.observedFile, i.resultsFile);
  return { comparison: compare(aligned, { results: i.resultsFile, observed: i.observedFile }), aligned };
}
