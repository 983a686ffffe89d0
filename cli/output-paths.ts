/**
 * Output paths are checked before a run starts: a `--out` that names a folder, or a path
 * under a file, would otherwise fail only after every replication was computed.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CliUsageError } from './failure.js';

/** The nearest existing path at or above `path`. */
function nearestExisting(path: string): string {
  let p = resolve(path);
  while (!existsSync(p) && dirname(p) !== p) p = dirname(p);
  return p;
}

function checkAncestors(path: string, option: string): void {
  const parent = nearestExisting(dirname(resolve(path)));
  if (!statSync(parent).isDirectory()) throw new CliUsageError(`${option} ${path}: ${parent} is a file, so nothing can be written under it; choose another path`);
}

/** A file that will be written (created or replaced). */
export function checkOutputFile(path: string | undefined, option: string, example: string): void {
  if (path === undefined) return;
  if (path === '') throw new CliUsageError(`${option}: expected a file name`);
  if (existsSync(path) && statSync(path).isDirectory()) throw new CliUsageError(`${option} ${path} is a folder; give a file name, e.g. ${path.replace(/\/$/, '')}/${example}`);
  checkAncestors(path, option);
}

/** A folder that will be created if needed and written into. */
export function checkOutputDir(path: string | undefined, option: string): void {
  if (path === undefined) return;
  if (path === '') throw new CliUsageError(`${option}: expected a folder name`);
  if (existsSync(path) && !statSync(path).isDirectory()) throw new CliUsageError(`${option} ${path} is a file; give a folder`);
  checkAncestors(path, option);
}
