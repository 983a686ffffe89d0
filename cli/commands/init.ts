/**
 * `caresim init [DIR]`: a starter scenario to edit: the default ICS, because it checks without
 * errors (its one warning, about the lowest P1 sweep point, is meant),
 * is calibrated and says where every number comes from (the short ARCHITECTURE example is
 * overloaded on purpose and would greet a new user with warnings).
 */
import { copyFileSync, existsSync, mkdirSync, statSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { EXIT, type Io } from '../io.js';
import { libraryFile } from '../paths.js';

export async function initCommand(args: { dir: string; force: boolean }, io: Io): Promise<number> {
  const target = join(args.dir, 'scenario.yaml');
  // Copying over a pipe waits for ever and over a device deletes it: --force replaces files only.
  let st: Stats | undefined;
  try {
    st = statSync(target);
  } catch {
    st = undefined; // not there, or under a file: the copy below says which
  }
  if (st && !st.isFile()) {
    io.err(`caresim: ${target} is not a regular file (a folder, a device, a pipe or a socket); it is left as it is: give another folder\n`);
    return EXIT.usage;
  }
  if (existsSync(target) && !args.force) {
    io.err(`caresim: ${target} already exists; use --force to overwrite it\n`);
    return EXIT.usage;
  }
  const source = libraryFile('ics-default.yaml');
  if (!source) {
    io.err('caresim: the default scenario is missing from this installation\n');
    return EXIT.failed;
  }
  try {
    mkdirSync(args.dir, { recursive: true });
    copyFileSync(source, target);
  } catch (e) {
    // The folder given is the user's: a file in its place or no permission is bad input.
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EEXIST' || code === 'ENOTDIR'
        ? `${args.dir} is a file, not a folder`
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? `${args.dir} cannot be written (${code})`
          : // mkdir through a link to nowhere fails with ENOENT, through a loop of links with ELOOP.
            code === 'ENOENT' || code === 'ELOOP'
            ? `${args.dir} is, or is inside, a link that leads ${code === 'ELOOP' ? 'back to itself' : 'to nothing'}`
            : null;
    if (!why) throw e;
    io.err(`caresim: cannot write ${target}: ${why}; give a folder, e.g. \`caresim init my-ics\`\n`);
    return EXIT.usage;
  }
  io.out(
    `wrote ${target} (the default ICS: change its numbers to describe yours)\nnext: caresim check ${target} && caresim run ${target} --out results.json --report report.html\n`,
  );
  return EXIT.ok;
}
