import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic, writeFileAtomic } from '../../runner/atomic.js';
import { tempDir } from '../temp-dir.js';

describe('writeAtomic(file, produce)', () => {
  it('writes the pieces and leaves only the file', () => {
    const dir = tempDir('atomic');
    const file = join(dir, 'out', 'results.json');
    writeAtomic(file, (put) => { for (let i = 0; i < 3000; i++) put(`${'x'.repeat(1000)}${i}\n`); });
    const text = readFileSync(file, 'utf8');
    expect(text.split('\n')).toHaveLength(3001);
    expect(text.endsWith('x2999\n')).toBe(true);
    expect(readdirSync(join(dir, 'out'))).toEqual(['results.json']);
  });

  it('removes its temporary file and keeps the old file when producing fails', () => {
    const dir = tempDir('atomic');
    const file = join(dir, 'results.json');
    writeFileSync(file, 'old');
    expect(() => writeAtomic(file, (put) => { put('x'.repeat(3 << 20)); throw new Error('disk full'); })).toThrow('disk full');
    expect(readFileSync(file, 'utf8')).toBe('old');
    expect(readdirSync(dir)).toEqual(['results.json']);
  });

  it('removes its temporary file when the rename fails', () => {
    const dir = tempDir('atomic');
    // A folder where the file should go: the rename cannot replace it.
    const file = join(dir, 'results.json');
    mkdirSync(join(file, 'inside'), { recursive: true });
    expect(() => writeFileAtomic(file, 'new')).toThrow();
    expect(readdirSync(dir)).toEqual(['results.json']);
  });
});
