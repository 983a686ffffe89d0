import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { acquireLock, LockError } from '../../runner/lock.js';
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
