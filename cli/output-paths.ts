/**
 * Output paths are checked before a run starts: a `--out` that names a folder, or a path
 * under a file, would otherwise fail only after every replication was computed. The check
 * itself is the one writeAtomic makes (runner/atomic.ts); its OutputError exits 2.
 */
import { checkOutput, checkOutputFolder } from '../runner/index.js';

/** A file that will be written (created or replaced); `example` names one in the hint. */
export function checkOutputFile(path: string | undefined, option: string, example: string): void {
  if (path !== undefined) checkOutput(path, option, example);
}

/** A folder that will be created if needed and written into. */
export function checkOutputDir(path: string | undefined, option: string): void {
  if (path !== undefined) checkOutputFolder(path, option);
}
