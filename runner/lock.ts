/**
 * One run at a time per journal: `FILE.lock`, created exclusively (O_EXCL) and holding the
 * owner's pid and host. Two runs writing the same output would otherwise interleave their
 * replications in one journal and produce a wrong result with exit 0. A lock left by a
 * process that no longer runs on this host (kill -9, a crash) is taken over with a notice;
 * a lock from another host cannot be checked from here, so it is refused with how to clear it.
 */
import { closeSync, fsyncSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

export class LockError extends Error {
  readonly code = 'LOCKED';
}

interface Owner {
  pid: number;
  host: string;
  started?: string;
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
    writeSync(fd, `${JSON.stringify(me)}\n`);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return true;
}

function owner(file: string): Owner | null {
  try {
    const o = JSON.parse(readFileSync(file, 'utf8')) as Partial<Owner>;
    return Number.isInteger(o.pid) && typeof o.host === 'string' ? { pid: o.pid!, host: o.host, started: o.started } : null;
  } catch {
    return null;
  }
}

/** Whether a process with this pid runs on this host (EPERM: it runs, as another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the lock for `target` (the lock file is `target.lock`) or throws LockError saying
 * who holds it. `notice` hears about a stale lock taken over.
 */
export function acquireLock(target: string, notice?: (message: string) => void): Lock {
  const file = `${target}.lock`;
  // The start time is only for the person reading the lock file; nothing computes with it.
  const me: Owner = { pid: process.pid, host: hostname(), started: new Date().toISOString() };
  const held = (): Lock => ({ file, release: () => rmSync(file, { force: true }) });
  if (create(file, me)) return held();
  const o = owner(file);
  const clear = `if no caresim run is using ${target}, delete ${file} and run again`;
  if (!o) throw new LockError(`${target} is locked by another run (${file} exists but cannot be read); ${clear}`);
  const who = `pid ${o.pid} on ${o.host}${o.started ? `, since ${o.started}` : ''}`;
  if (o.host !== me.host) {
    throw new LockError(`${target} is in use by a caresim run on another machine (${who}); it cannot be checked from here: ${clear}`);
  }
  if (o.pid === process.pid || alive(o.pid)) {
    throw new LockError(`${target} is in use by another caresim run (${who}); wait for it to finish, or give this run another --out or --journal`);
  }
  rmSync(file, { force: true });
  // Another run may take over the same stale lock at the same moment: only one create wins.
  if (!create(file, me)) throw new LockError(`${target} was just locked by another run; ${clear}`);
  notice?.(`took over the lock ${file}: the run that held it (${who}) no longer runs`);
  return held();
}
