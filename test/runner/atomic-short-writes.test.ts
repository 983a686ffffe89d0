import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../temp-dir.js';

// Every write takes at most 1,000 bytes, as a write to a disk that is filling up may:
// whatever writeAtomic hands to one write must still reach the file whole.
vi.mock('node:fs', async (original) => {
  const fs = await original<typeof import('node:fs')>();
  const { shortWrites } = await import('./short-writes.js');
  const writeSync = shortWrites(fs.writeSync, { max: 1000 });
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
