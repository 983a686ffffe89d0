/**
 * Output paths are checked before a run starts: a `--out` that names a folder, or a path
 * under a file, would otherwise fail only after every replication was computed. The check
 * itself is the one writeAtomic makes (runner/atomic.ts); its OutputError exits 2.
 */
import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkOutput, checkOutputFolder, OutputError } from '../runner/index.js';

/** A file that will be written (created or replaced); `example` names one in the hint. */
export function checkOutputFile(path: string | undefined, option: string, example: string): void {
  if (path !== undefined) checkOutput(path, option, example);
}

/** A folder that will be created if needed and written into. */
export function checkOutputDir(path: string | undefined, option: string): void {
  if (path !== undefined) checkOutputFolder(path, option);
}

/** The file a path names, links followed; a path that does not exist yet names itself, resolved. */
export function fileIdentity(file: string): string {
  return existsSync(file) ? realpathSync(file) : resolve(file);
}

/**
 * Refuses, before any work, an output that names one of the command's inputs (the scenario,
 * a results or shard file) or the same file as another output: the command would replace
 * what it reads, or one output would silently replace the other. `inputs` and `outputs` are
 * [option or role, path] pairs; unset outputs are skipped.
 */
export function checkDistinctPaths(inputs: [string, string][], outputs: [string, string | undefined][]): void {
  const taken = new Map<string, string>();
  for (const [role, path] of inputs) taken.set(fileIdentity(path), role);
  for (const [option, path] of outputs) {
    if (path === undefined) continue;
    const id = fileIdentity(path);
    const other = taken.get(id);
    if (other !== undefined) {
      const what = other.startsWith('--') ? `the ${other} file` : other;
      throw new OutputError(`${option} ${path} is ${what}: writing there would replace it; give ${option} another file`);
    }
    taken.set(id, option);
  }
}

/** The files `--optimise` and `--sensitivity` attach to a report, as inputs no output may replace. */
export function attachedInputs(args: { optimise?: string; sensitivity?: string }): [string, string][] {
  const out: [string, string][] = [];
  if (args.optimise) out.push(['--optimise', args.optimise]);
  if (args.sensitivity) out.push(['--sensitivity', args.sensitivity]);
  return out;
}
