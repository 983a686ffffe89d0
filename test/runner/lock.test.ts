import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { acquireLock, LockError, STALE_MS } from '../../runner/lock.js';
import { tempDir } from '../temp-dir.js';

/** The pid of a process that has exited (the kernel hands pids out in order, so it stays free). */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

describe('acquireLock(target, notice)', () => {
  it('holds the lock exclusively until released, with pid and host', () => {
    const target = join(tempDir('lock'), 'run.journal.ndjson');
    const lock = acquireLock(target);
    expect(JSON.parse(readFileSync(`${target}.lock`, 'utf8'))).toMatchObject({ pid: process.pid, host: hostname() });
    expect(() => acquireLock(target)).toThrow(LockError);
    expect(() => acquireLock(target)).toThrow(new RegExp(`in use by another caresim run \\(pid ${process.pid} on `));
    lock.release();
    expect(existsSync(`${target}.lock`)).toBe(false);
    acquireLock(target).release();
  });

  it('takes over the lock of a process that no longer runs on this host, with a notice', () => {
    const target = join(tempDir('lock'), 'run.journal.ndjson');
    const pid = deadPid();
    writeFileSync(`${target}.lock`, JSON.stringify({ pid, host: hostname() }));
    const notices: string[] = [];
    const lock = acquireLock(target, (m) => notices.push(m));
    expect(notices).toEqual([expect.stringMatching(new RegExp(`took over the lock .*pid ${pid} .*no longer runs`))]);
    expect(JSON.parse(readFileSync(`${target}.lock`, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });

  it('refuses a lock from another host or one it cannot read, and says how to clear it', () => {
    const target = join(tempDir('lock'), 'run.journal.ndjson');
    writeFileSync(`${target}.lock`, JSON.stringify({ pid: deadPid(), host: `not-${hostname()}` }));
    expect(() => acquireLock(target)).toThrow(/another machine .*delete .*\.lock and run again/);
    writeFileSync(`${target}.lock`, '');
    expect(() => acquireLock(target)).toThrow(/cannot be read.*delete .*\.lock/);
    expect(existsSync(`${target}.lock`)).toBe(true);
  });
});

describe('acquireLock(target, notice) on a stale or forged lock', () => {
  it('refuses a lock whose pid is 0 or negative as unreadable (such a pid names a process group, not a run)', () => {
    const target = join(tempDir('lock'), 'run.journal.ndjson');
    for (const pid of [0, -1]) {
      writeFileSync(`${target}.lock`, JSON.stringify({ pid, host: hostname() }));
      expect(() => acquireLock(target)).toThrow(/cannot be read.*delete .*\.lock/);
    }
  });

  it('takes over a lock holding its own pid that this process does not hold (a restarted container)', () => {
    const target = join(tempDir('lock'), 'run.journal.ndjson');
    writeFileSync(`${target}.lock`, JSON.stringify({ pid: process.pid, host: hostname(), started: '2020-01-01T00:00:00.000Z' }));
    const notices: string[] = [];
    const lock = acquireLock(target, (m) => notices.push(m));
    expect(notices).toEqual([expect.stringMatching(/took over the lock .*no longer runs/)]);
    // Held here now: a second acquire in this process is refused.
    expect(() => acquireLock(target)).toThrow(/in use by another caresim run/);
    lock.release();
    expect(existsSync(`${target}.lock`)).toBe(false);
  });

  it('takes over a lock whose pid now belongs to a process started at another time, and refuses the live owner', () => {
    const target = join(tempDir('lock'), 'run.journal.ndjson');
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
      const start = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19]);
      writeFileSync(`${target}.lock`, JSON.stringify({ pid: child.pid, host: hostname(), pid_start: start }));
      expect(() => acquireLock(target)).toThrow(new RegExp(`in use by another caresim run \\(pid ${child.pid} `));
      writeFileSync(`${target}.lock`, JSON.stringify({ pid: child.pid, host: hostname(), pid_start: start - 1 }));
      const notices: string[] = [];
      acquireLock(target, (m) => notices.push(m)).release();
      expect(notices).toEqual([expect.stringMatching(new RegExp(`pid ${child.pid} .*no longer runs`))]);
    } finally {
      child.kill();
    }
  });

  it('takes over a lock from another host left unrefreshed for STALE_MS, and refuses a fresh one saying when it was refreshed', () => {
    const target = join(tempDir('lock'), 'run.journal.ndjson');
    const file = `${target}.lock`;
    writeFileSync(file, JSON.stringify({ pid: 12, host: `not-${hostname()}` }));
    expect(() => acquireLock(target)).toThrow(/another machine .*refreshed its lock \d+ s ago/);
    const old = new Date(Date.now() - STALE_MS - 60_000);
    utimesSync(file, old, old);
    const notices: string[] = [];
    const lock = acquireLock(target, (m) => notices.push(m));
    expect(notices).toEqual([expect.stringMatching(/took over the lock .*pid 12 on not-.*has not refreshed the lock for \d+ minutes/)]);
    lock.release();
  });

  it('releases only its own lock, not one another run took over meanwhile', () => {
    const target = join(tempDir('lock'), 'run.journal.ndjson');
    const lock = acquireLock(target);
    const theirs = JSON.stringify({ pid: 12, host: `not-${hostname()}` });
    writeFileSync(`${target}.lock`, theirs);
    lock.release();
    expect(readFileSync(`${target}.lock`, 'utf8')).toBe(theirs);
  });

  it('leaves a file written over its lock meanwhile (an output of another run), which is no lock of its own', () => {
    const target = join(tempDir('lock'), 'run.journal.ndjson');
    const lock = acquireLock(target);
    writeFileSync(`${target}.lock`, '{"format":"caresim-results/1"}\n');
    lock.release();
    expect(readFileSync(`${target}.lock`, 'utf8')).toBe('{"format":"caresim-results/1"}\n');
  });
});
