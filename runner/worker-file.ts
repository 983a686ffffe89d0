/**
 * Where the worker bundle is: next to the running bundle (dist/cli.js -> dist/worker.js),
 * or, when the runner runs from its TypeScript sources (tests, library use), in dist/.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function defaultWorkerFile(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, 'worker.js'), join(here, '..', 'dist', 'worker.js')];
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new Error(`the worker bundle dist/worker.js is missing: run \`npm run build\` first`);
  return found;
}
