/**
 * One run at a time per journal: `FILE.lock`, created exclusively (O_EXCL) and holding the
 * owner's pid and host. Two runs writing the same output would otherwise interleave their
 * replications in one journal and produce a wrong result with exit 0. A lock left by a
 * process that no longer runs on this host (kill -9, a crash) is taken over with a notice,
 * and so is one whose pid now belongs to another process (a restarted container often gets
 * the same pid again): the lock records the process's start time where the system tells it.
 * A process on another host cannot be asked, so the holder refreshes the lock file's time
 * while it runs; a lock from another host left unrefreshed for STALE_MS is taken over (a
 * Slurm task requeued on another node, a Kubernetes pod replaced by one with a new name).
 */
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import { abandon, removeFile, writeAll } from './atomic.js';

export class LockError extends Error {
  readonly code = 'LOCKED';
  override readonly name = 'LockError';
}

interface Owner {
  pid: number;
  host: string;
  started?: string;
  /** The process's start time in clock ticks since boot (Linux), to tell a reused pid. */
  pid_start?: number;
}

/** How often a held lock's time is refreshed, and how old a lock from another host may grow. */
export const REFRESH_MS = 30_000;
export const STALE_MS = 5 * 60_000;

/** Locks held by this process: the same pid in a lock file is ours only when listed here. */
const heldHere = new Set<string>();

/** When the process with this pid started (Linux /proc), or undefined where it cannot be told. */
function startOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces): state is field 3, starttime field 22.
    const v = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
    return Number.isFinite(v) ? v : undefined;
  } catch {
    return undefined;
  }
}

export interface Lock {
  readonly file: string;
  release(): void;
}

function create(file: string, me: Owner): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  }
  try {
    writeAll(fd, Buffer.from(`${JSON.stringify(me)}\n`));
    fsyncSync(fd);
  } catch (err) {
    // A lock that names nobody (the disk filled) would stop the next run until deleted by hand.
    throw abandon(err, fd, file);
  }
  closeSync(fd);
  return true;
}

function owner(file: string): Owner | null {
  try {
    const o = JSON.parse(readFileSync(file, 'utf8')) as Partial<Owner>;
    // A pid of 0 or below names a process group or every process, never one run.
    return Number.isSafeInteger(o.pid) && o.pid! > 0 && typeof o.host === 'string'
      ? { pid: o.pid!, host: o.host, started: o.started, pid_start: o.pid_start }
      : null;
  } catch {
    return null;
  }
}

/** Whether the lock's owner still runs on this host (EPERM: it runs, as another user). */
function alive(o: Owner, file: string): boolean {
  if (o.pid === process.pid) return heldHere.has(resolve(file));
  try {
    process.kill(o.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const now = o.pid_start === undefined ? undefined : startOf(o.pid);
  return now === undefined || now === o.pid_start;
}

/** Milliseconds since the lock file was last refreshed (Infinity when it cannot be told). */
function age(file: string): number {
  try {
    return Date.now() - statSync(file).mtimeMs;
  } catch {
    return Infinity;
  }
}

/**
 * Takes the lock for `target` (the lock file is `target.lock`) or throws LockError saying
 * who holds it. `notice` hears about a stale lock taken over.
 */
export function acquireLock(target: string, notice?: (message: string) => void): Lock {
  const file = `${target}.lock`;
  // The start time is only for the person reading the lock file; nothing computes with it.
  const me: Owner = { pid: process.pid, host: hostname(), started: new Date().toISOString(), pid_start: startOf(process.pid) };
  const held = (): Lock => {
    heldHere.add(resolve(file));
    const refresh = setInterval(() => {
      try {
        const t = new Date();
        utimesSync(file, t, t);
      } catch {
        // The lock file is gone or unwritable: the journal itself is what matters.
      }
    }, REFRESH_MS);
    refresh.unref();
    return {
      file,
      release: () => {
        clearInterval(refresh);
        heldHere.delete(resolve(file));
        // Only our own lock: a run that took it over meanwhile keeps its lock, and a file that is
        // no lock now (something else written over it, an output of another run) is not ours.
        const o = owner(file);
        if (o && o.pid === me.pid && o.host === me.host && o.started === me.started) {
          try {
            removeFile(file);
          } catch {
            // Left behind (a folder we may no longer change): the next run takes over a lock whose pid no longer runs.
          }
        }
      },
    };
  };
  // A pipe or a device in the lock's place would be read for ever: nothing caresim made.
  const st = statSync(file, { throwIfNoEntry: false });
  if (st && !st.isFile()) {
    throw new LockError(
      `${file} is not a regular file (a device, a pipe or a socket), so ${target} cannot be locked; delete ${file} and run again`,
    );
  }
  if (create(file, me)) return held();
  const o = owner(file);
  const clear = `if no caresim run is using ${target}, delete ${file} and run again`;
  if (!o) throw new LockError(`${target} is locked by another run (${file} exists but cannot be read); ${clear}`);
  const who = `pid ${o.pid} on ${o.host}${o.started ? `, since ${o.started}` : ''}`;
  let why: string;
  if (o.host !== me.host) {
    const idle = age(file);
    if (idle < STALE_MS) {
      throw new LockError(
        `${target} is in use by a caresim run on another machine (${who}), which refreshed its lock ${Math.round(idle / 1000)} s ago; a lock left unrefreshed for ${STALE_MS / 60_000} minutes is taken over. Wait, or ${clear}`,
      );
    }
    why = `has not refreshed the lock for ${Math.round(idle / 60_000)} minutes`;
  } else {
    if (alive(o, file)) {
      throw new LockError(
        `${target} is in use by another caresim run (${who}); wait for it to finish, or give this run another --out or --journal`,
      );
    }
    why = 'no longer runs';
  }
  rmSync(file, { force: true });
  // Another run may take over the same stale lock at the same moment: only one create wins.
  if (!create(file, me)) throw new LockError(`${target} was just locked by another run; ${clear}`);
  notice?.(`took over the lock ${file}: the run that held it (${who}) ${why}`);
  return held();
}
