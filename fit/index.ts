/**
 * `caresim fit`: extracts in, fitted distributions and a scenario fragment out; and the
 * synthetic extracts the examples and benchmarks generate. Node only (it reads files).
 */
export { fitFiles, ColumnError, type FitFilesOptions, type FitFilesResult } from './fit-files.js';
export { analyseStays, type Fitted } from './analyse.js';
export { readExtract } from './read-extract.js';
export { writeFragment } from './fragment.js';
export { generateStays, generateCounts } from './synthetic.js';
export { int } from './format.js';
