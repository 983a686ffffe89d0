/** Temporary folders for tests, removed after the test file that made them. */
import { afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const made: string[] = [];
// Registered while the importing test file is collected, so it runs when that file ends.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `caresim-${name}-`));
  made.push(dir);
  return dir;
}
