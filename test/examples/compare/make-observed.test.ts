import { beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBuilt, root, tempDir } from '../../cli/cli-process.js';

beforeAll(() => ensureBuilt());

describe('node examples/compare/make-observed.mjs [--out FILE]', () => {
  it('reproduces the shipped observed.csv from its known parameters, byte for byte', () => {
    const out = join(tempDir(), 'observed.csv');
    const r = spawnSync(process.execPath, [join(root, 'examples', 'compare', 'make-observed.mjs'), '--out', out], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('params.acute_los=6 days');
    const shipped = readFileSync(join(root, 'examples', 'compare', 'observed.csv'), 'utf8');
    expect(readFileSync(out, 'utf8')).toBe(shipped);
    // 182 measured days x 3 series, after the header.
    expect(shipped.trim().split('\n')).toHaveLength(1 + 182 * 3);
  });
});
