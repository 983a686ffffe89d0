import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLines } from '../../runner/lines.js';
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
