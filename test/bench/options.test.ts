import { afterEach, describe, expect, it, vi } from 'vitest';
import { numbersOption, wholeOption } from '../../bench/options.js';

/** Runs f and returns how it stopped: the exit code and the message, or null when it returned. */
function stop(f: () => unknown): { code: number; message: string } | null {
  let message = '';
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => {
    message += String(s);
    return true;
  });
  vi.spyOn(process, 'exit').mockImplementation((code) => {
    throw Object.assign(new Error('exit'), { code });
  });
  try {
    f();
    return null;
  } catch (e) {
    return { code: (e as { code: number }).code, message };
  }
}

afterEach(() => vi.restoreAllMocks());

describe('bench/options wholeOption', () => {
  it('reads the whole number after the flag, or the default without it', () => {
    expect(wholeOption('bench', ['--runs', '5'], '--runs', 3)).toBe(5);
    expect(wholeOption('bench', ['--other', '5'], '--runs', 3)).toBe(3);
  });

  it('stops with exit 2 and names the flag and the value for anything but a whole number of 1 or more', () => {
    for (const argv of [['--runs', '0'], ['--runs', '2.5'], ['--runs', 'x'], ['--runs', '2,3'], ['--runs']]) {
      const s = stop(() => wholeOption('bench-large', argv, '--runs', 3));
      expect(s?.code, argv.join(' ')).toBe(2);
      expect(s?.message).toContain('bench-large: --runs wants a whole number');
      expect(s?.message).toContain(`(got ${argv[1] ?? 'nothing'})`);
    }
  });
});

describe('bench/options numbersOption', () => {
  it('reads comma-separated numbers above 0, or the default without the flag', () => {
    expect(numbersOption('bench-large', ['--people', '1.25,5'], '--people', [1])).toEqual([1.25, 5]);
    expect(numbersOption('bench-large', [], '--people', [1])).toEqual([1]);
  });

  it('stops with exit 2 on a missing, empty, zero, negative or unreadable number', () => {
    for (const argv of [['--years'], ['--years', ''], ['--years', '0,2'], ['--years', '-1'], ['--years', '2,x'], ['--years', 'Infinity']]) {
      const s = stop(() => numbersOption('bench-large', argv, '--years', [1]));
      expect(s?.code, argv.join(' ')).toBe(2);
      expect(s?.message).toContain('bench-large: --years wants numbers above 0');
    }
  });
});
