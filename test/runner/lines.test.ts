import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLines, readPlacedLines } from '../../runner/lines.js';
import { tempDir } from '../temp-dir.js';

async function all(file: string): Promise<string[]> {
  const out: string[] = [];
  for await (const line of readLines(file)) out.push(line);
  return out;
}

describe('readLines(file)', () => {
  it('gives the lines split() gives, across chunk borders, long lines, CRLF and a cut-off last line', async () => {
    const dir = tempDir('lines');
    const long = 'x'.repeat((4 << 20) + 12345);
    const cases = ['', 'a', 'a\n', 'a\r\nb\n', `${long}\nshort\n${long}é${long}\nend`, '\n\n', 'é€😀\nz'];
    for (const [i, text] of cases.entries()) {
      const file = join(dir, `case-${i}.txt`);
      writeFileSync(file, text);
      const want = text.split('\n').map((l) => l.replace(/\r$/, ''));
      if (want.at(-1) === '') want.pop();
      expect(await all(file)).toEqual(want);
    }
  });
});

describe('readPlacedLines(file)', () => {
  it('gives each line with the byte offset and length that read it back from the file, across chunk borders and multi-byte text', async () => {
    const dir = tempDir('placed');
    const long = 'y'.repeat((4 << 20) - 3);
    const text = `é€\r\n${long}\nshort😀\n${long}${long}\n\nlast`;
    const file = join(dir, 'placed.txt');
    writeFileSync(file, text);
    const bytes = Buffer.from(text);
    const texts: string[] = [];
    for await (const line of readPlacedLines(file)) {
      texts.push(line.text);
      expect(bytes.toString('utf8', line.offset, line.offset + line.bytes)).toBe(line.text);
    }
    expect(texts).toEqual(['é€', long, 'short😀', `${long}${long}`, '', 'last']);
  });
});
