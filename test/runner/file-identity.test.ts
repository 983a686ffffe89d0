import { describe, expect, it } from 'vitest';
import { mkdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileIdentity } from '../../runner/file-identity.js';
import { tempDir } from '../temp-dir.js';

// Paths are written out, not joined: join() would tidy `..` away by text, as the code must not.
describe('fileIdentity(path)', () => {
  it('follows links in a path not written yet as the system will: `..` from where a link points, a link to a folder not made yet', () => {
    const dir = realpathSync(tempDir('identity'));
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    symlinkSync(join(dir, 'a', 'b'), join(dir, 'lb'));
    symlinkSync('a', join(dir, 'rel'));
    symlinkSync(join(dir, 'nowhere'), join(dir, 'd'));
    symlinkSync('loop2', join(dir, 'loop1'));
    symlinkSync('loop1', join(dir, 'loop2'));
    expect(fileIdentity(`${dir}/lb/../r.json`)).toBe(join(dir, 'a', 'r.json'));
    expect(fileIdentity(`${dir}/rel/b/x/../r.json`)).toBe(join(dir, 'a', 'b', 'r.json'));
    expect(fileIdentity(join(dir, 'd', 'r.json'))).toBe(join(dir, 'nowhere', 'r.json'));
    expect(fileIdentity(`${dir}/new/./r.json`)).toBe(join(dir, 'new', 'r.json'));
    // A loop of links ends (the write will fail with the system's reason).
    expect(fileIdentity(join(dir, 'loop1', 'r.json'))).toMatch(/r\.json$/);
    writeFileSync(join(dir, 'a', 'r.json'), 'x');
    expect(fileIdentity(`${dir}/lb/../r.json`)).toBe(join(dir, 'a', 'r.json'));
  });

  it('takes a backslash for part of a name where it is one (not on Windows)', () => {
    const dir = realpathSync(tempDir('identity'));
    if (process.platform === 'win32') expect(fileIdentity(`${dir}\\a\\r.json`)).toBe(join(dir, 'a', 'r.json'));
    else expect(fileIdentity(`${dir}/a\\r.json`)).toBe(join(dir, 'a\\r.json'));
  });
});
