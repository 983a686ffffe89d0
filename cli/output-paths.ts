/**
 * Output paths are checked before a run starts: a `--out` that names a folder, or a path
 * under a file, would otherwise fail only after every replication was computed. The check
 * itself is the one writeAtomic makes (runner/atomic.ts); its OutputError exits 2.
 */
import { basename, dirname, extname, join } from 'node:path';
import { statSync } from 'node:fs';
import { checkOutput, checkOutputFolder, fileIdentity, journalLinkProblem, NAME_MAX, OutputError } from '../runner/index.js';
import { TABLE_NAMES } from './tables.js';

/** A file that will be written (created or replaced); `example` names one in the hint. */
export function checkOutputFile(path: string | undefined, option: string, example: string): void {
  // A journal's own option may name a journal: the run resumes it, or refuses without --fresh.
  if (path !== undefined) checkOutput(path, option, example, option === '--journal');
}

function isFolder(path: string): boolean {
  try {
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

/** A folder that will be created if needed and written into. */
export function checkOutputDir(path: string | undefined, option: string): void {
  if (path === undefined) return;
  checkOutputFolder(path, option);
  // What stands at a table's name is replaced by the table: a file is, but a folder, a device or
  // a journal there would fail the write (or lose the journal) only after the whole run.
  for (const name of TABLE_NAMES) {
    const file = join(path, `${name}.csv`);
    if (isFolder(file))
      throw new OutputError(
        `${option} ${path}: ${file} is a folder where the table ${name}.csv is written; move it, or give another ${option} folder`,
      );
    checkOutput(file, `${option} table`, `${name}.csv`);
  }
}

/** An output: its option (or role) and path, unset when not asked for; more fields (an example name) are ignored. */
type Output = readonly [option: string, path: string | undefined, ...rest: string[]];

/**
 * Refuses, before any work, an output that names one of the command's inputs (the scenario,
 * a results or shard file) or the same file as another output: the command would replace
 * what it reads, or one output would silently replace the other. `inputs` and `outputs` are
 * [option or role, path] pairs; unset outputs are skipped. With a `--csv` folder, a file of
 * either kind there named like a table is refused too (csvTableClash).
 */
export function checkDistinctPaths(inputs: [string, string][], outputs: readonly Output[], csv?: string): void {
  csvTableClash(csv, inputs, outputs);
  const taken = new Map<string, string>();
  for (const [role, path] of inputs) taken.set(fileIdentity(path), role);
  // The folder the tables go in, made after the run: a file output there could not be written.
  if (csv !== undefined) taken.set(fileIdentity(csv), '--csv');
  for (const [option, path] of outputs) {
    if (path === undefined) continue;
    const id = fileIdentity(path);
    const other = taken.get(id);
    if (other === '--csv') throw new OutputError(`${option} ${path} is the --csv folder: the tables go in it; give ${option} a file name`);
    if (other !== undefined) {
      const what = other.startsWith('--') ? `the ${other} file` : other;
      throw new OutputError(`${option} ${path} is ${what}: writing there would replace it; give ${option} another file`);
    }
    taken.set(id, option);
  }
}

/**
 * The checks of a command's file outputs before any work: each can be written
 * (checkOutputFile, with its option and an example name), and none is an input or another.
 */
export function checkFileOutputs(inputs: [string, string][], outputs: [option: string, path: string | undefined, example: string][]): void {
  for (const [option, path, example] of outputs) checkOutputFile(path, option, example);
  checkDistinctPaths(inputs, outputs);
}

/** The files a loaded scenario extends, as inputs no output may replace (known once it is read). */
export function baseInputs(loaded: { bases?: readonly string[] }): [string, string][] {
  return (loaded.bases ?? []).map((f) => ['a file the scenario extends', f]);
}

/** The files `--optimise` and `--sensitivity` attach to a report, as inputs no output may replace. */
export function attachedInputs(args: { optimise?: string; sensitivity?: string }): [string, string][] {
  const out: [string, string][] = [];
  if (args.optimise) out.push(['--optimise', args.optimise]);
  if (args.sensitivity) out.push(['--sensitivity', args.sensitivity]);
  return out;
}

/**
 * Refuses a file inside the `--csv` folder named like a table (`<table>.csv`, the only files
 * the CSV writer makes there): the tables would replace it after the run, an output lost
 * behind an exit 0 or an input such as the scenario itself. An input is where it really is
 * (links followed, as it is read); an output where its path says (a link there is replaced).
 */
export function csvTableClash(csv: string | undefined, inputs: [string, string][], outputs: readonly Output[]): void {
  if (csv === undefined) return;
  const folder = fileIdentity(csv);
  const inFolder = (file: string) => extname(file).toLowerCase() === '.csv' && fileIdentity(dirname(file)) === folder;
  for (const [role, path] of inputs) {
    if (inFolder(fileIdentity(path))) {
      throw new OutputError(
        `${role} ${path} is in the --csv folder ${csv} under a table's name: the tables would replace it; give --csv another folder`,
      );
    }
  }
  for (const [option, path] of outputs) {
    // Where the output lands: its folder followed through links, its own name not (a link there is replaced).
    if (path !== undefined && inFolder(join(fileIdentity(dirname(path)), basename(path)))) {
      throw new OutputError(
        `${option} ${path} is a table of the --csv folder ${csv}, which the command writes; give ${option} another name or folder`,
      );
    }
  }
}

/**
 * Refuses a journal that is one of the command's outputs (a finished command deletes its
 * journal, and the output with it), a journal whose lock file is an output, and one whose lock's
 * name would be too long. `given`: the journal was named with --journal (else it is the default,
 * beside --out). The tables of a `--csv` folder are outputs too.
 */
export function checkJournalPath(journal: string, outputs: readonly Output[], given: boolean, csv?: string): void {
  const link = journalLinkProblem(journal);
  if (link) throw new OutputError(link);
  const lockName = Buffer.byteLength(`${basename(journal)}.lock`);
  // The default journal is named after --out, or without one after the scenario file.
  const out = outputs.find(([option]) => option === '--out')?.[1];
  const advice = given
    ? 'give --journal a shorter name'
    : out !== undefined
      ? 'give --out a shorter name, or --journal a short one'
      : "the scenario file's name is long: give --journal a short one";
  if (lockName > NAME_MAX) {
    throw new OutputError(
      `the journal ${journal} needs a lock file beside it whose name would be ${lockName} bytes long, and file systems take at most ${NAME_MAX}; ${advice}`,
    );
  }
  for (const [option, path] of outputs) {
    if (path && fileIdentity(journal) === fileIdentity(path)) {
      // Named for what the user typed: --journal, or the output that is where the default journal goes.
      throw new OutputError(
        given
          ? `--journal ${journal} is the ${option} file: the journal is deleted when the command finishes, and the ${option} file with it; give --journal another path`
          : `${option} ${path} is this command's journal (beside --out), deleted when the command finishes; give ${option} another file`,
      );
    }
    // The run holds JOURNAL.lock while it runs and deletes it at the end.
    if (path && fileIdentity(`${journal}.lock`) === fileIdentity(path)) {
      throw new OutputError(
        `${option} ${path} is the lock file of the journal (${journal}.lock), deleted when the command finishes; give ${option} another file`,
      );
    }
  }
  // The CSV writer writes only `<table>.csv` files there: a journal named otherwise (the default beside an --out in that folder) is safe.
  checkDistinctPaths([], [['--journal', journal]], csv);
}
