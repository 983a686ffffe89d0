/** `caresim init [DIR]`: a starter scenario (the shipped example ICS) to edit. */
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXIT, type Io } from '../io.js';
import { libraryFile } from '../paths.js';

export async function initCommand(args: { dir: string; force: boolean }, io: Io): Promise<number> {
  const target = join(args.dir, 'scenario.yaml');
  if (existsSync(target) && !args.force) {
    io.err(`caresim: ${target} already exists; use --force to overwrite it\n`);
    return EXIT.usage;
  }
  const source = libraryFile('example-ics.yaml');
  if (!source) {
    io.err('caresim: the example scenario is missing from this installation\n');
    return EXIT.failed;
  }
  mkdirSync(args.dir, { recursive: true });
  copyFileSync(source, target);
  io.out(`wrote ${target}\nnext: caresim check ${target} && caresim run ${target} --out results.json\n`);
  return EXIT.ok;
}
