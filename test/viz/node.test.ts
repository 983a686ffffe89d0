import { describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeReport } from '../../viz/node.js';
import { makeResults } from './fixture.js';
import { tempDir } from '../temp-dir.js';

describe('writeReport(results, outFile)', () => {
  it('leaves no temporary file behind when the report cannot be put in place', async () => {
    const dir = tempDir('report');
    const target = join(dir, 'report.html');
    // A folder with something in it stands where the file should go: the rename fails.
    mkdirSync(join(target, 'inside'), { recursive: true });
    await expect(writeReport(makeResults({ reps: 2 }), target)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['report.html']);
  });
});
