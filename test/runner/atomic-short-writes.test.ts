import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../temp-dir.js';

// Every write takes at most 1,000 bytes, as a write to a disk that is filling up may:
// whatever writeAtomic hands to one write must still reach the file whole.
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const writeSync = (fd: number, data: string | NodeJS.ArrayBufferView, offset?: number, length?: number) => {
    const bytes = typeof data === 'string' ? Buffer.from(data) : Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    const from = typeof data === 'string' ? 0 : (offset ?? 0);
    const want = typeof data === 'string' ? bytes.length : (length ?? bytes.length - from);
    return fs.writeSync(fd, bytes, from, Math.min(1000, want));
  };
  return { ...fs, writeSync, default: { ...fs, writeSync } };
});

const { writeAtomic } = await import('../../runner/atomic.js');

describe('writeAtomic(file, produce) when writes are short', () => {
  it('writes the rest again until every byte is in the file', () => {
    const file = join(tempDir('atomic-short'), 'r.json');
    const pieces = ['{"a":', '"é£😀"'.repeat(200_000), ',"b":', 'x'.repeat(3 << 20), '}\n'];
    writeAtomic(file, (put) => pieces.forEach(put));
    expect(readFileSync(file, 'utf8')).toBe(pieces.join(''));
  });
});
