import { describe, expect, it } from 'vitest';
import { reportError } from '../../cli/failure.js';
import { EXIT, type Io } from '../../cli/io.js';

function io(): Io & { text: () => string } {
  let err = '';
  return { out: () => {}, err: (t) => void (err += t), tty: null, color: false, env: {}, version: 'test', text: () => err };
}

/** A system error as Node makes it (code, syscall). */
function systemError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code, syscall: 'write', errno: -28 });
}

describe('reportError(err, io)', () => {
  it('tells what to do when the disk is full or the quota used up, on one line and a hint, without a stack', async () => {
    for (const [code, want] of [
      ['ENOSPC', /hint: the disk is full: free some space, or write the outputs to a folder on another disk\n$/],
      ['EDQUOT', /hint: your disk quota is used up/],
    ] as const) {
      const o = io();
      expect(await reportError(systemError(code, `${code}: no room, write`), o)).toBe(EXIT.failed);
      expect(o.text()).toMatch(new RegExp(`^caresim: ${code}: no room, write\\n  `));
      expect(o.text()).toMatch(want);
      expect(o.text()).not.toMatch(/\bat .*\.[jt]s:\d+/);
    }
  });

  it('adds no hint to other failures, and exits 2 for a usage problem', async () => {
    const o = io();
    expect(await reportError(systemError('EIO', 'EIO: i/o error, write'), o)).toBe(EXIT.failed);
    expect(o.text()).toBe('caresim: EIO: i/o error, write\n');
    const u = io();
    expect(await reportError(Object.assign(new Error('--out is a folder'), { code: 'OUTPUT_INVALID' }), u)).toBe(EXIT.usage);
    expect(u.text()).toBe('caresim: --out is a folder\n');
  });
});
