/**
 * Files shipped with caresim (the scenario library, the bundles), found relative to the
 * running code: dist/cli.js when bundled, cli/*.ts when run from the sources.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package root: the nearest folder above this file that has a package.json. */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    dir = resolve(dir, '..');
  }
  return process.cwd();
}

export function libraryFile(name: string): string | null {
  const file = join(packageRoot(), 'scenarios', 'library', name);
  return existsSync(file) ? file : null;
}
