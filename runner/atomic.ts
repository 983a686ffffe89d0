/**
 * Writes a file so that readers never see half of it: a temporary file beside it, flushed
 * to disk (fsync) and then renamed over the target, and the directory flushed too, so a
 * power cut leaves either the old file or the whole new one, never a truncated one. When
 * anything fails (a full disk, a read-only folder, an error while producing the text) the
 * temporary file is removed and the error passes on: a failed write leaves nothing behind.
 */
import {
  accessSync,
  closeSync,
  constants,
  existsSync,
  fchmodSync,
  fchownSync,
  fsyncSync,
  lstatSync,
  mkdirSync,
  openSync,
  readlinkSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { isJournalText } from '../results/index.js';
import { fileStart } from './lines.js';

/** The longest file name most file systems take, in bytes. */
export const NAME_MAX = 255;

/** An output path that cannot be written: a usage problem, told before any work is done. */
export class OutputError extends Error {
  readonly code = 'OUTPUT_INVALID';
  override readonly name = 'OutputError';
}

/**
 * Checks that `file` can be written (it is not a folder, its folder exists or can be made,
 * and is writable), so a run refuses a bad --out at the start rather than after hours of
 * work. `what` (an option's name) starts the message.
 */
/** The path's status, or undefined when nothing is there (or a file stands in its way). */
function statOf(path: string) {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
}

/**
 * Checks, before any work, that `file` can be written: not a folder, no file standing where
 * a folder of its path must be, and a folder that can be written to. The one check of an
 * output path, for the CLI's options and for writeAtomic alike.
 */
export function checkOutput(file: string, what?: string, example = 'results.json', journal = false): void {
  const name = what ? `${what} ${file}` : file;
  if (file === '') throw new OutputError(`${what ?? 'output'}: expected a file name`);
  // `out/` or `out/.` names a folder, even one not made yet: the rename would fail after the work.
  const last = basename(file);
  if (file.endsWith('/') || file.endsWith(sep) || last === '.' || last === '..' || last === '')
    throw new OutputError(
      `${name} names a folder (it ends in ${last === '.' || last === '..' ? last : 'a slash'}); give a file name, e.g. ${join(file, example)}`,
    );
  if (Buffer.byteLength(last) > NAME_MAX)
    throw new OutputError(
      `${name}: its file name is ${Buffer.byteLength(last)} bytes long, and file systems take at most ${NAME_MAX}; give a shorter name`,
    );
  checkFolderNames(file, name);
  const st = statOf(file);
  if (st?.isDirectory()) throw new OutputError(`${name} is a folder; give a file name, e.g. ${join(file, example)}`);
  // Written by renaming a new file over it: a device would be replaced (as root, /dev/null itself).
  if (st && !st.isFile()) throw new OutputError(`${name} is not a regular file (a device, a pipe or a socket); give a file path`);
  // A journal holds a run's finished replications (perhaps a run still going): never an output,
  // unless the path is itself a journal (`journal`: `--journal`, which resumes or refuses it).
  // A lock is a running run's: it deletes the file when it ends, and with it the output.
  const kind = !journal && st && st.size > 0 ? runFile(file) : null;
  if (kind === 'journal')
    throw new OutputError(`${name} is the journal of a run (its finished work); writing there would lose it; give another path`);
  if (kind === 'lock') throw new OutputError(`${name} is the lock file of a run's journal, deleted when that run ends; give another path`);
  checkFolderPath(dirname(file), name);
}

/** Refuses a path with a folder name longer than any file system takes. */
function checkFolderNames(path: string, name: string): void {
  const long = path.split(/[\\/]/).find((part) => Buffer.byteLength(part) > NAME_MAX);
  if (long !== undefined)
    throw new OutputError(
      `${name}: a folder in its path has a name ${Buffer.byteLength(long)} bytes long, and file systems take at most ${NAME_MAX}; give a shorter path`,
    );
}

/**
 * Checks that files can be written in folder `dir`, made when writing if missing: no file
 * stands where a folder of its path must be, and the nearest folder that exists is writable.
 */
function checkFolderPath(start: string, name: string): void {
  // The nearest folder that exists decides: a missing one below it is made when writing.
  let dir = start;
  for (;;) {
    const d = statOf(dir);
    if (d && !d.isDirectory())
      throw new OutputError(`${name}: ${dir} is a file, not a folder, so nothing can be written under it; choose another path`);
    if (d) break;
    // Nothing to follow, but something there: a link to nowhere or a loop of links, where the
    // folder could not be made after the run.
    if (isLink(dir))
      throw new OutputError(
        `${name}: ${dir} is a link that leads nowhere (or a loop of links), so no folder can be made there; choose another path`,
      );
    if (dirname(dir) === dir) break;
    dir = dirname(dir);
  }
  try {
    accessSync(dir, constants.W_OK);
  } catch {
    throw new OutputError(`${name}: cannot write in ${dir} (read-only, or not yours); give a path in a folder you can write to`);
  }
}

/**
 * Why a journal may not be at `file`, or null: a link standing at its name. A journal is
 * written in place and deleted when its run finishes, which would delete the link and leave the
 * file it points to (or, for a link to nothing, create that file wherever it points).
 */
export function journalLinkProblem(file: string): string | null {
  if (!isLink(file)) return null;
  let target = '';
  try {
    target = readlinkSync(file);
  } catch {
    // Unreadable link: named without its target.
  }
  return `${file} is a link${target ? ` to ${target}` : ''}: a journal is written in place and deleted at the end, which would delete the link and leave what it points to; give --journal the file's own path`;
}

function isLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** Whether `file` starts like a run's or an optimiser's journal, or a journal's lock (an unreadable file is neither). */
function runFile(file: string): 'journal' | 'lock' | null {
  try {
    const start = fileStart(file, 4096);
    if (isJournalText(start) || OPTIMISER_JOURNAL.test(start)) return 'journal';
    // A lock is `JOURNAL.lock`; other files of the same shape are somebody's JSON.
    return file.endsWith('.lock') && LOCK.test(start) ? 'lock' : null;
  } catch {
    return null;
  }
}

const OPTIMISER_JOURNAL = /^\uFEFF?\s*\{[^\n]*"format"\s*:\s*"caresim-optimise-journal\//;

/** Whether the text starts like the optimiser's journal (optimise/journal.ts). */
export const startsLikeOptimiserJournal = (text: string): boolean => OPTIMISER_JOURNAL.test(text);
/** What runner/lock.ts writes: `{"pid":N,"host":"...",...}` on one line. */
const LOCK = /^\{"pid":\d+,"host":"[^\n]*\}\n?$/;

/** Receives the file's text piece by piece; pieces are buffered into large writes. */
export type Put = (text: string) => void;

const FLUSH_AT = 1 << 20;

function fsyncDir(dir: string): void {
  // Not every platform can open a directory (Windows cannot): the rename is then as durable as it gets.
  let fd: number | null = null;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Best effort: the file itself is already on disk.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Checks that `dir` can be an output folder (CSV files): nothing but a folder stands there. */
export function checkOutputFolder(dir: string, what: string): void {
  if (dir === '') throw new OutputError(`${what}: expected a folder name`);
  const st = statOf(dir);
  if (st && !st.isDirectory()) throw new OutputError(`${what} ${dir} is a file, but ${what} names a folder to write into; give a folder`);
  checkFolderNames(dir, `${what} ${dir}`);
  // The folder itself, not a file in it: whatever the folder holds already (a subfolder, a
  // journal) is no reason to refuse it; the tables' own names are checked where they clash.
  checkFolderPath(dir, `${what} ${dir}`);
}

/**
 * Writes every byte of `bytes`. A write may take fewer bytes than it was given without an
 * error (a disk that fills up mid-write): the rest is written again, which then fails with
 * the reason (ENOSPC) instead of leaving a file cut short behind a run that exits 0.
 */
export function writeAll(fd: number, bytes: Uint8Array): void {
  for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
}

/**
 * Makes the folder `file` goes in (and its parents) and returns it. A file standing where one of
 * those folders must be is an OutputError naming it, not the system's bare EEXIST or ENOTDIR.
 */
export function makeFolderFor(file: string): string {
  const dir = dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    // The nearest folder on the way that exists (or is a link, pointing somewhere or not).
    let blocker = dir;
    while (dirname(blocker) !== blocker && !existsSync(blocker) && !isLink(blocker)) blocker = dirname(blocker);
    if (code === 'EEXIST' || code === 'ENOTDIR')
      throw new OutputError(`cannot write ${file}: ${blocker} is a file, where a folder must be`);
    if (code === 'ELOOP')
      throw new OutputError(`cannot write ${file}: a link on the way to ${dir} leads back to itself (a loop of links); remove the loop`);
    // mkdir through a link whose target is missing fails with ENOENT, naming neither.
    if (code === 'ENOENT' && isLink(blocker))
      throw new OutputError(
        `cannot write ${file}: ${blocker} is a link to ${readlinkSync(blocker)}, which does not exist; make that folder or remove the link`,
      );
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new OutputError(
        `cannot write ${file}: cannot make the folder ${dir} (${code === 'EROFS' ? 'read-only file system' : `no permission to write in ${blocker}`})`,
      );
    throw err;
  }
  return dir;
}

/**
 * Writes `file` from the pieces `produce` hands to `put`, never holding the whole text in
 * memory (a results file may be larger than the longest string V8 can make).
 */
export function writeAtomic(file: string, produce: (put: Put) => void, what?: string, example?: string): void {
  checkOutput(file, what, example);
  const dir = makeFolderFor(file);
  const tmp = join(dir, temporaryName(file));
  let fd: number | null = null;
  try {
    fd = createNew(tmp);
    keepMode(fd, file);
    const out = fd;
    // PERF: pieces are encoded straight into one reused buffer. Joining them into a string
    // first made a rope that writeSync flattened and then encoded into a new buffer: three
    // copies of every byte, each in memory the process had not touched before (a 14 MB
    // results file cost about 9,000 page faults more).
    const buf = Buffer.allocUnsafe(FLUSH_AT);
    let used = 0;
    const flush = () => {
      writeAll(out, buf.subarray(0, used));
      used = 0;
    };
    produce((text) => {
      // UTF-8 takes at most 3 bytes per UTF-16 unit: a piece that may not fit goes after a flush.
      if (used + 3 * text.length > FLUSH_AT) {
        flush();
        if (3 * text.length > FLUSH_AT) {
          writeAll(out, Buffer.from(text));
          return;
        }
      }
      used += buf.write(text, used);
    });
    flush();
    fsyncSync(out);
    closeSync(out);
    fd = null;
    renameSync(tmp, file);
  } catch (err) {
    throw abandon(err, fd, tmp, file);
  }
  fsyncDir(dir);
}

/**
 * Gives the new file (open as `fd`) the group and permission bits of the file it is about to
 * replace, if any: a results file a user made private (0600) stays private when a run replaces
 * it (the rename puts a new file in its place, which would otherwise take the default
 * permissions).
 */
export function keepMode(fd: number, target: string): void {
  const old = statOf(target);
  // Bits mean something only for their owner: a file of someone else's gets the defaults (as
  // before), so root replacing a user's private file does not lock the user out of it. The
  // set-user, set-group and sticky bits are never carried over (cp -p drops them too).
  if (!old?.isFile() || old.uid !== process.getuid?.()) return;
  const mode = old.mode & 0o777;
  // The group's bits are for the old file's group: the new file joins it, or drops them (0640 of
  // a shared group's file given to the writer's own group would open it to the wrong group).
  let bits = mode;
  try {
    fchownSync(fd, old.uid, old.gid);
  } catch {
    // Not a member of that group: the group's bits would be another group's, so none; the file
    // is then never more open than the one it replaces (a private 0600 file stays 0600).
    bits = mode & ~0o070;
  }
  try {
    fchmodSync(fd, bits);
  } catch {
    // A file system without permissions (FAT, some network shares): nothing to keep.
  }
}

/**
 * The temporary file a write of `file` goes to, beside it: `.NAME.PID.tmp`, or, when that would
 * be longer than a file name may be (a long but valid target name), `.caresim.PID.N.tmp`.
 */
export function temporaryName(file: string): string {
  const name = `.${basename(file)}.${process.pid}.tmp`;
  return Buffer.byteLength(name) <= NAME_MAX ? name : `.caresim.${process.pid}.${++longNames}.tmp`;
}
let longNames = 0;

/**
 * Opens `tmp` as a file of its own, never through whatever stands at its name: a symbolic link
 * there (or a file left by an earlier process with this pid) is removed first, so the write
 * cannot land in the file a link points to.
 */
export function createNew(tmp: string): number {
  try {
    return openSync(tmp, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    removeFile(tmp);
    return openSync(tmp, 'wx');
  }
}

/**
 * After a write to `written` failed: closes its descriptor (when still open) and deletes it, so
 * nothing cut short is left behind, and returns the error naming `target` (the file the user
 * asked for) to throw. A failure while cleaning up is not reported: the write's own error is
 * the one that says what happened.
 */
export function abandon(err: unknown, fd: number | null, written: string, target = written): unknown {
  try {
    if (fd !== null) closeSync(fd);
  } catch {
    /* already failing */
  }
  try {
    removeFile(written);
  } catch {
    /* already failing */
  }
  return naming(err, target);
}

/** Deletes a file, if it is there; the system's reason when it cannot (rmSync's `force` reports a file it may not unlink as "not a directory"). */
export function removeFile(file: string): void {
  try {
    unlinkSync(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

/**
 * A failed write names no file in the system's message ("ENOSPC: no space left on device,
 * write"): the file is added, so a user whose outputs are on two disks knows which one is full.
 */
export function naming(err: unknown, file: string): unknown {
  const e = err as NodeJS.ErrnoException;
  if (e instanceof Error && typeof e.code === 'string' && e.path === undefined && !e.message.includes(file))
    e.message = `${e.message} (${file})`;
  return err;
}

/** `what` and `example` word a refused path as checkOutput does (the option's name, a file name to suggest). */
export function writeFileAtomic(file: string, text: string, what?: string, example?: string): void {
  writeAtomic(file, (put) => put(text), what, example);
}
