import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readExtract } from '../../fit/read-extract.js';
import { tempDir } from '../temp-dir.js';

describe('readExtract', () => {
  it('readExtract(a CSV with a quote never closed) reports the line it opened on and the lines it swallowed, and keeps the rows before it', async () => {
    const file = join(tempDir('read-extract'), 'x.csv');
    writeFileSync(
      file,
      [
        'unit,admitted,discharged',
        'acute,2027-02-01,2027-02-03',
        'acute,"2027-02-02,2027-02-04',
        'acute,2027-02-03,2027-02-05',
        'acute,2027-02-04,2027-02-06',
        '',
      ].join('\n'),
    );
    const e = await readExtract(file, new Map(), null);
    expect(e.table.used).toBe(1);
    expect(e.table.bad.listed).toEqual([
      {
        line: 3,
        reason:
          'a quote (") opened on this line is never closed: lines 3 to 5 were read as one field and not used (close or remove the quote)',
      },
    ]);
  });
});
